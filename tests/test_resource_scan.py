"""The preview's resources check reads only changed files, and never misses a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledningssystem.core.sanitise import is_external
from ledningssystem.core.scan_memo import FoundFile
from ledningssystem.website import resources
from ledningssystem.website.resources import ResourceScan, external_resources

OUTSIDE = '<img src="https://cdn.example.com/x.png">'


def _write(path: Path, text: str, mtime_ns: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_rescan_finds_what_changed_and_forgets_what_was_fixed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site / "a" / "index.html", "<p>a</p>", 1_000_000_000)
    _write(site / "b" / "index.html", OUTSIDE, 1_000_000_000)
    scan = ResourceScan()
    assert scan.scan(site) == ["b/index.html: <img src> → https://cdn.example.com/x.png"]
    # A page rewritten by a rebuild is read again; the unchanged one keeps its finding.
    _write(site / "a" / "index.html", f"<p>{OUTSIDE}</p>", 2_000_000_000)
    assert scan.scan(site) == external_resources(site)
    assert len(scan.scan(site)) == 2
    _write(site / "b" / "index.html", "<p>rättad</p>", 3_000_000_000)
    (site / "a" / "index.html").unlink()
    assert scan.scan(site) == [] == external_resources(site)


def test_an_unchanged_file_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    _write(site / "a.html", OUTSIDE, 1_000_000_000)
    _write(site / "b.html", "<p>b</p>", 1_000_000_000)
    read: list[str] = []
    real = resources._file_findings

    def counting(file: FoundFile) -> list[str]:
        read.append(Path(file.path).name)
        return real(file)

    monkeypatch.setattr(resources, "_file_findings", counting)
    scan = ResourceScan()
    assert len(scan.scan(site)) == 1 and sorted(read) == ["a.html", "b.html"]
    _write(site / "b.html", "<p>b2</p>", 2_000_000_000)
    assert len(scan.scan(site)) == 1 and sorted(read) == ["a.html", "b.html", "b.html"]


def test_a_page_without_any_url_outside_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parsing every page was most of a city build's check; an ordinary page needs none.
    page = (
        '<html><head><link rel="stylesheet" href="../assets/x.css"><script>new URL(a)</script>'
        '</head><body data-md-color-scheme="default"><a href="../rutiner/">Rutiner</a>'
        '<svg xmlns="http://www.w3.org/2000/svg"><use xlink:href="#ikon"/></svg>'
        '<div style="max-width: 40em"><img src="bild.png" alt="Bild"></div></body></html>'
    )
    _write(tmp_path / "a.html", page, 1_000_000_000)
    _write(tmp_path / "b.html", OUTSIDE, 1_000_000_000)
    parsed: list[str] = []
    real = resources._markup_urls
    monkeypatch.setattr(resources, "_markup_urls", lambda text: parsed.append(text) or real(text))
    assert external_resources(tmp_path) == ["b.html: <img src> → https://cdn.example.com/x.png"]
    assert parsed == [OUTSIDE]


_VALUES = [
    "https://e/1", " //e/2", "\\\\e\\3", "&#104;ttps://e/4", "&#x2F;&#x2F;e/5", "&Tab;http://e/6",
    "HTTP://e/7", "x.png 1x, //e/8 2x", "data:image/png;base64,AA", "../ok.png", "#steg",
    "background:url(https://e/9)", "background:u&#114;l(//e/10)", "left: 4%", "mailto:a@e",
    "p{background:url('//e/11')}", "@import 'https://e/12';", "background:URL(https://e/13)",
    "background:\\75 rl(//e/14)", "background:image-set('https://e/15' 1x)",
]  # fmt: skip
_NAMES = ["src", "SRC", "Src", "srcset", "poster", "data", "href", "xlink:href", "style", "rel"]


@st.composite
def _element(draw: st.DrawFn) -> str:
    """One tag with one attribute, or one <style>: nothing else in it can flag the text."""
    value = draw(st.sampled_from(_VALUES))
    if draw(st.booleans()):
        return f"<p>text</p><style>{value}</style>"
    tag = draw(st.sampled_from(["img", "link", "video", "object", "image", "use", "div", "script"]))
    name = draw(st.sampled_from(_NAMES))
    equals = draw(st.sampled_from(["=", " = ", "==", "=\n"]))
    quote = draw(st.sampled_from(['"', "'", ""]))
    if not quote:
        value = value.replace(" ", "")
    rel = ' rel="stylesheet"' if draw(st.booleans()) else ""
    return f"<p>text</p><{tag}{rel} {name}{equals}{quote}{value}{quote}>"


@given(_element())
def test_every_url_outside_is_parsed(text: str) -> None:
    # Skipping the parse may never hide a finding: whatever the parser finds outside the site,
    # the quick test sends to the parser.
    found = [url for _, url in resources._markup_urls(text) if is_external(url)]
    assert not found or resources._may_load_outside(text)


@pytest.mark.parametrize(
    ("css", "url"),
    [
        ("a{background:URL(https://e/1)}", "https://e/1"),  # CSS is case-insensitive
        ("a{background:\\75 rl(https://e/2)}", "https://e/2"),  # an escape spells url(
        ("a{background:u\\72 l('//e/3')}", "//e/3"),
        ("a{background:-webkit-image-set('https://e/4' 1x, 'b.png' 2x)}", "https://e/4"),
        ("@IMPORT 'https://e/5';", "https://e/5"),
    ],
)
def test_css_that_loads_from_outside_is_found_however_it_is_spelt(
    tmp_path: Path, css: str, url: str
) -> None:
    _write(tmp_path / "sida.html", f"<p>x</p><style>{css}</style>", 1_000_000_000)
    _write(tmp_path / "stil.css", css, 1_000_000_000)
    found = external_resources(tmp_path)
    assert any(item.startswith("sida.html:") and item.endswith(url) for item in found), found
    assert any(item.startswith("stil.css:") and item.endswith(url) for item in found), found


def test_an_svg_feimage_that_loads_from_outside_is_found(tmp_path: Path) -> None:
    svg = '<svg><filter><feImage href="https://e/6"/></filter></svg>'
    _write(tmp_path / "sida.html", svg, 1_000_000_000)
    assert external_resources(tmp_path) == ["sida.html: <feimage href> → https://e/6"]
