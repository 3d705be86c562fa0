"""Every page type of the handbook and the public site, at phone, tablet and desktop widths
in both palettes: the page never scrolls sideways, tables fit a desktop column, no SVG text
falls outside its SVG, charts scale, and scrolling regions are named and keyboard-reachable.

Each site is built once and one browser is reused; the viewports loop inside one test per
site and palette, so the whole matrix runs in a few dozen page loads.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import QuietHandler, new_visit, settle
from tests.browser.layout import (
    HANDBOOK_PAGES,
    PUBLIC_PAGES,
    SCHEMES,
    WIDTHS,
    layout_problems,
    missing_from_contents,
    page_paths,
)


@pytest.fixture(scope="module")
def public_site(public_pdf_site: Path) -> Path:
    return public_pdf_site


@pytest.fixture(scope="module")
def public_url(public_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(public_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _check_site(browser: Any, url: str, pages: list[tuple[str, str]], scheme: str) -> list[str]:
    found = []
    for width in WIDTHS:
        viewport = {"width": width, "height": 900}
        context, visit = new_visit(
            browser, url, viewport=viewport, is_mobile=width < 768, color_scheme=scheme
        )
        try:
            for name, path in pages:
                page = visit.open(path)
                settle(page)
                found += [f"{name} ({path}) {width} px: {p}" for p in layout_problems(page, width)]
        finally:
            context.close()
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
def test_handbook_pages_fit_every_width(
    scheme: str, built_site: Path, base_url: str, browser: Any
) -> None:
    pages = page_paths(built_site, HANDBOOK_PAGES)
    problems = _check_site(browser, base_url, pages, scheme)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_public_pages_fit_every_width(
    scheme: str, public_site: Path, public_url: str, browser: Any
) -> None:
    pages = page_paths(public_site, PUBLIC_PAGES)
    problems = _check_site(browser, public_url, pages, scheme)
    assert not problems, "\n".join(problems)


# A process page gives the right-hand column to its map (issue 13): no contents list there.
WITHOUT_CONTENTS = frozenset({"process"})


def test_contents_list_names_every_section_of_every_page(
    built_site: Path, base_url: str, public_site: Path, public_url: str, browser: Any
) -> None:
    """Issue 12: generated sections (Lagkrav's författningar, a role's lists, Dokumentstyrning's
    headings) were missing from the contents list on the right, or it was hidden."""
    found = []
    sites = ((base_url, page_paths(built_site, HANDBOOK_PAGES)),)
    sites += ((public_url, page_paths(public_site, PUBLIC_PAGES)),)
    for url, pages in sites:
        context, visit = new_visit(browser, url, viewport={"width": 1280, "height": 900})
        try:
            for name, path in pages:
                if name not in WITHOUT_CONTENTS:
                    found += [
                        f"{name} ({path}): {p}" for p in missing_from_contents(visit.open(path))
                    ]
        finally:
            context.close()
    assert not found, "\n".join(found)


def test_public_search_finds_the_berattelse_year(public_url: str, browser: Any) -> None:
    context, visit = new_visit(browser, public_url)
    try:
        page = visit.open("")
        page.fill("#ls-header-q", "avvikelser")
        page.press("#ls-header-q", "Enter")
        page.wait_for_url("**/publik/sok/?q=*")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "a => a.map(x => x.href)")
        assert links and all("/kvalitetsberattelse/2024/" in link for link in links), links
        assert visit.console_errors == [] and visit.outside_requests == []
    finally:
        context.close()


# Rendered size of each text of the årshjul: its font size times the wheel's scale.
WHEEL_TEXT_SIZES = """() => {
  const svg = document.querySelector('svg.ls-arshjul');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t =>
    [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale]);
}"""


@pytest.mark.parametrize("width", (320, 375))
def test_arshjul_numbers_and_months_are_legible_on_a_phone(
    width: int, built_site: Path, base_url: str, browser: Any
) -> None:
    """Issue 12: the scaled wheel showed its numbers at about 7 px on a phone."""
    context, visit = new_visit(
        browser, base_url, viewport={"width": width, "height": 900}, is_mobile=True
    )
    try:
        page = visit.open("arshjul/")
        sizes = page.evaluate(WHEEL_TEXT_SIZES)
        assert len(sizes) > 12  # twelve months and the activities' numbers
        small = [(text, round(size, 1)) for text, size in sizes if size < 11]
        assert small == [], f"{width} px: {small}"
    finally:
        context.close()


# Rendered size of the berättelse charts' labels and values: font size times the scale.
CHART_TEXT_SIZES = """() => [...document.querySelectorAll('.ls-chart svg')].flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t =>
    [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale]);
})"""


@pytest.mark.parametrize("width", (320, 375))
def test_berattelse_chart_labels_are_legible_on_a_phone(
    width: int, built_site: Path, base_url: str, browser: Any
) -> None:
    """A chart drawn for a desktop column shrank its labels to about 7 px at 375 px, and
    to about 10 px at 320 px when it was drawn for 375."""
    context, visit = new_visit(
        browser, base_url, viewport={"width": width, "height": 900}, is_mobile=True
    )
    try:
        for path in page_paths(built_site, (("berattelse-ar", "kvalitetsberattelse/{year}/"),)):
            page = visit.open(path[1])
            sizes = page.evaluate(CHART_TEXT_SIZES)
            assert len(sizes) > 20, path
            small = sorted({(text, round(size, 1)) for text, size in sizes if size < 11})
            assert small == [], f"{path[1]} {width} px: {small[:10]}"
    finally:
        context.close()
