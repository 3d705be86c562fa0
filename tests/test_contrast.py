"""Diagram colours meet WCAG AA in Material's light (default) and dark (slate) indigo palettes.

The palette values are Material 9.8's own; every tint in diagrams.css (color-mix) is
evaluated here as the browser would mix it, and the text drawn on it must keep 4.5:1.
"""

from __future__ import annotations

import colorsys
import re

import pytest

from tests.conftest import REPO

CSS = re.sub(
    r"/\*.*?\*/",
    "",
    (REPO / "docs" / "stylesheets" / "diagrams.css").read_text(encoding="utf-8"),
    flags=re.S,
)

RGBA = tuple[float, float, float, float]


def _hex(value: str) -> RGBA:
    value = value.lstrip("#")
    alpha = int(value[6:8], 16) / 255 if len(value) == 8 else 1.0
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b, alpha


def _hsla(h: float, s: float, lightness: float, a: float) -> RGBA:
    r, g, b = colorsys.hls_to_rgb(h / 360, lightness, s)
    return r, g, b, a


PALETTES = {
    "ljust": {
        "--md-default-fg-color": _hex("#000000de"),
        "--md-default-fg-color--light": _hex("#0000008a"),
        "--md-default-fg-color--lightest": _hex("#00000012"),
        "--md-default-bg-color": _hex("#ffffff"),
        "--md-primary-fg-color": _hex("#4051b5"),
        "--md-accent-fg-color": _hex("#526cfe"),
        "--md-typeset-a-color": _hex("#4051b5"),
    },
    "mörkt": {
        "--md-default-fg-color": _hsla(225, 0.15, 0.90, 0.82),
        "--md-default-fg-color--light": _hsla(225, 0.15, 0.90, 0.56),
        "--md-default-fg-color--lightest": _hsla(225, 0.15, 0.90, 0.12),
        "--md-default-bg-color": _hsla(225, 0.15, 0.14, 1),
        "--md-primary-fg-color": _hex("#4051b5"),
        "--md-accent-fg-color": _hex("#526cfe"),
        "--md-typeset-a-color": _hex("#5488e8"),
    },
}
KINDS = dict(re.findall(r"\.ls-kind--([a-z]+) \{ --ls-kind: (#[0-9a-f]{6}); \}", CSS))


def over(top: RGBA, bottom: RGBA) -> RGBA:
    """`top` painted over an opaque `bottom`."""
    a = top[3]
    return tuple(top[i] * a + bottom[i] * (1 - a) for i in range(3)) + (1.0,)  # type: ignore[return-value]


def mix(a: RGBA, b: RGBA, share: float) -> RGBA:
    """color-mix(in srgb, a share, b)."""
    return tuple(a[i] * share + b[i] * (1 - share) for i in range(4))  # type: ignore[return-value]


def luminance(c: RGBA) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])


def contrast(fg: RGBA, bg: RGBA) -> float:
    lighter, darker = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _tints(palette: dict[str, RGBA]) -> list[tuple[str, RGBA]]:
    """Every color-mix() of diagrams.css, resolved in `palette`, over the page background."""
    bg = palette["--md-default-bg-color"]
    found = []
    pattern = (
        r"color-mix\(in srgb, var\((--[\w-]+)(?:, [^)]*)?\) (\d+)%, "
        r"(var\(--md-default-bg-color\)|transparent)\)"
    )
    for name, share, base in re.findall(pattern, CSS):
        colours = (
            [(k, _hex(v)) for k, v in KINDS.items()]
            if name == "--ls-kind"
            else [(name, palette[name])]
        )
        for label, colour in colours:
            other = bg if base != "transparent" else (*bg[:3], 0.0)
            tint = over(mix(colour, other, int(share) / 100), bg)
            found.append((f"{label} {share}%", tint))
    return found


def test_the_css_has_tints_and_kind_colours() -> None:
    assert len(KINDS) == 7
    assert len(_tints(PALETTES["ljust"])) >= 10


@pytest.mark.parametrize("scheme", PALETTES)
def test_text_on_every_tint_meets_aa(scheme: str) -> None:
    palette = PALETTES[scheme]
    text = palette["--md-default-fg-color"]
    for label, tint in _tints(palette):
        ratio = contrast(over(text, tint), tint)
        assert ratio >= 4.5, f"{scheme}: text on {label} has {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", PALETTES)
def test_secondary_text_and_outlines_stand_out(scheme: str) -> None:
    palette = PALETTES[scheme]
    bg = palette["--md-default-bg-color"]
    lane = over(palette["--md-default-fg-color--lightest"], bg)
    light = palette["--md-default-fg-color--light"]
    # Box numbers, legends and the rutin marker use the lighter text colour on the page.
    assert contrast(over(light, bg), bg) >= 4.5
    # Boxes, arrows, arcs and process outlines are graphics: 3:1 against page and lane.
    strokes = set(re.findall(r"stroke: var\((--[\w-]+)\)", CSS)) - {
        "--md-default-fg-color--lighter"
    }
    assert "--md-typeset-a-color" in strokes
    for name in sorted(strokes - {"--md-default-fg-color--lightest"}):
        for ground in (bg, lane):
            assert contrast(over(palette[name], ground), ground) >= 3, f"{scheme}: {name}"


def test_only_decorative_lines_are_faint() -> None:
    """Lane borders and dividers may be faint: they separate, the labels carry the meaning."""
    faint = re.findall(r"([^{}]+)\{[^}]*stroke: var\(--md-default-fg-color--light(?:er|est)\)", CSS)
    selectors = {part.strip() for block in faint for part in block.split(",")}
    assert selectors <= {
        ".ls-lane",
        ".ls-lane-divider",
        ".ls-group-region",
        ".ls-band-bg",
        ".ls-wheel-rim",
        ".ls-wheel-months",
        ".ls-wheel-hub",
        ".ls-wheel-divider",
    }, selectors
