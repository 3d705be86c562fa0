"""Every page type in a real browser: loads cleanly, offline, accessible, readable on a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import Visit, new_visit, settle
from tests.browser.page_types import PAGE_TYPE_IDS, PAGE_TYPES, PageType

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONES = [320, 375]  # 320 CSS px = WCAG 1.4.10 reflow (1280 px at 400 % zoom); 375 = a phone


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_TYPE_IDS)
def test_page_loads_without_errors_or_outside_requests(
    page_type: PageType, built_site: Path, visit: Visit
) -> None:
    page = visit.open(page_type.path(built_site))
    _wait_until_ready(page, page_type)
    page.wait_for_load_state("networkidle")  # an error or request after load counts too
    assert visit.console_errors == []
    assert visit.outside_requests == []


def _wait_until_ready(page: Any, page_type: PageType) -> None:
    if page_type.ready:
        page.wait_for_selector(page_type.ready, timeout=10_000)
    settle(page)


def _violations(page: Any) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_TYPE_IDS)
def test_no_wcag_a_or_aa_violations(
    page_type: PageType, scheme: str, built_site: Path, browser: Any, base_url: str
) -> None:
    path = page_type.path(built_site)
    context, visit = new_visit(browser, base_url, color_scheme=scheme)
    try:
        page = visit.open(path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        _wait_until_ready(page, page_type)
        assert _violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=PAGE_TYPE_IDS)
def test_body_does_not_scroll_sideways_on_a_phone(
    page_type: PageType, width: int, built_site: Path, browser: Any, base_url: str
) -> None:
    path = page_type.path(built_site)
    viewport = {"width": width, "height": 800}
    context, visit = new_visit(browser, base_url, viewport=viewport, is_mobile=True)
    try:
        page = visit.open(path)
        _wait_until_ready(page, page_type)
        widths = page.evaluate(
            # clientWidth, not innerWidth: on a phone innerWidth grows with the content.
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth,"
            " document.documentElement.clientWidth]"
        )
        assert max(widths[:2]) <= widths[2], f"{path}: sidbredd {widths[:2]} > {widths[2]} px"
    finally:
        context.close()


def test_skip_link_moves_keyboard_focus_to_the_content(built_site: Path, visit: Visit) -> None:
    for page_type in PAGE_TYPES:
        path = page_type.find(built_site)
        if path is None:
            continue
        page = visit.open(path)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('md-skip')"), path
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => !!document.activeElement.closest('article.md-content__inner')"
            " || !!document.activeElement.closest('#innehall')"
        )
        assert inside, f"{path}: fokus hamnade inte i innehållet efter hopplänken"


def test_print_hides_navigation_and_shows_link_targets(built_site: Path, visit: Visit) -> None:
    path = next(t for t in PAGE_TYPES if t.name == "rutin").path(built_site)
    page = visit.open(path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        if page.query_selector(selector):
            assert not page.is_visible(selector), f"{selector} syns i utskriften"
    shown = page.evaluate(
        """() => [...document.querySelectorAll('article a[data-print-url]')].map(a =>
            [a.href, getComputedStyle(a, '::after').content])"""
    )
    assert shown, "inga länkar i rutinens text"
    for href, after in shown:
        assert href in after, f"utskriften visar inte adressen {href} ({after})"


def _year_pages(site: Path) -> list[str]:
    """Every berättelse year of the built site, as paths below its root."""
    years = sorted(p.parent.name for p in (site / "kvalitetsberattelse").glob("*/index.html"))
    return [f"kvalitetsberattelse/{year}/" for year in years if year.isdigit()]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_berattelse_year_has_no_wcag_a_or_aa_violations(
    scheme: str, built_site: Path, browser: Any, base_url: str
) -> None:
    """Each year is its own page of tables and charts (a draft has other parts than a
    fastställd year), so axe runs on every one, not only the first."""
    paths = _year_pages(built_site)
    assert len(paths) >= 2, paths  # the example has a fastställd year and a draft
    context, visit = new_visit(browser, base_url, color_scheme=scheme)
    try:
        found = []
        for path in paths:
            page = settle(visit.open(path))
            found += [f"{path}: {v}" for v in _violations(page)]
        assert found == []
    finally:
        context.close()
