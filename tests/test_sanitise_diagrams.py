"""The engine's own diagrams pass the build's sanitising step unchanged.

The sanitiser (core/sanitise.py, run on every page's content in hooks/portal.py) is for
authors' HTML; the process maps, lane labels, landscape, årshjul and the berättelse's charts
are the engine's, and must keep every element and attribute (focusable, aria-*, classes,
styles) through it. Rendered from the fixtures under tests/, not the example content.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from hooks import portal
from ledningssystem.portal.load import load_content
from ledningssystem.website.pages import BuildContext, generate_pages
from tests.golden_cases import CASES, build_root, read_case

_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
# A map's canvas: the drawing and the links laid over it (style="left:…%;top:…%;…").
_MAP_CANVAS = re.compile(
    r'<div class="ls-canvas">.*?</svg>\s*(?:<a class="ls-hotspot"[^>]*></a>\s*)+', re.S
)
_CHART_BOX = re.compile(r'<div class="ls-chart-canvas"[^>]*>\s*<svg\b.*?</svg>\s*</div>', re.S)
# ls-chart-canvas: a chart with the box that sets its width (style="max-width: …px").
KINDS = (
    "ls-map",
    "ls-lane-labels",
    "ls-landscape",
    "ls-arshjul",
    "ls-chart",
    "ls-chart-canvas",
    "ls-canvas",
)


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    return [
        (tag.name, {k: " ".join(v) if isinstance(v, list) else v for k, v in tag.attrs.items()})
        for tag in BeautifulSoup(html, "html.parser").find_all(True)
    ]


@pytest.fixture(scope="module")
def diagrams(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every SVG the engine generates for the fixture portal and year, by diagram kind."""
    root = build_root(read_case(CASES / "berattelse-2025"), tmp_path_factory.mktemp("svg"))
    content, _ = load_content(root)
    found: dict[str, list[str]] = {}
    for page in generate_pages(content, BuildContext()):
        for svg in _SVG.findall(page.markdown):
            classes = re.search(r'class="([^"]*)"', svg.split(">", 1)[0])
            kind = next((k for k in KINDS if classes and k in classes.group(1).split()), "")
            found.setdefault(kind or "ls-chart", []).append(svg)
        found.setdefault("ls-chart-canvas", []).extend(_CHART_BOX.findall(page.markdown))
        found.setdefault("ls-canvas", []).extend(_MAP_CANVAS.findall(page.markdown))
    return found


def test_every_kind_of_diagram_is_rendered(diagrams: dict[str, list[str]]) -> None:
    assert sorted(kind for kind, found in diagrams.items() if found) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_sanitising_keeps_every_element_and_attribute(
    diagrams: dict[str, list[str]], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(portal._state, "build", object())  # a real build, not the error page
    for svg in diagrams[kind]:
        after = portal.on_page_content(svg, None, None, None)  # type: ignore[arg-type]
        assert _elements(after) == _elements(svg)
