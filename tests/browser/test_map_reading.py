"""Reading a wide process map in Chromium: the cue that it scrolls, lane labels that stay in
view, text never under 12 px, labels centred in their boxes, the full-width breakout, and
fit-to-width with and without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Visit, new_visit

WIDE = "processer/avvikelsehantering/"  # a map much wider than a phone or the text column
DIAGRAM = ".ls-figure--map .ls-diagram"


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Visit]:
    context, visit = new_visit(
        browser, base_url, viewport={"width": 375, "height": 800}, is_mobile=True
    )
    yield visit
    context.close()


def test_on_a_phone_the_map_says_it_scrolls_and_keeps_its_lane_labels(phone: Visit) -> None:
    page = phone.open(WIDE)
    hint = page.locator(".ls-scroll-hint").first
    assert hint.is_visible()
    assert "svep i sidled" in hint.inner_text()
    sizes = page.eval_on_selector(DIAGRAM, "e => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1] + 300, "the map should be wider than the phone"
    page.eval_on_selector(DIAGRAM, "e => { e.scrollLeft = 500; }")
    labels_left, diagram_left = page.eval_on_selector(
        DIAGRAM,
        "e => [e.querySelector('svg.ls-lane-labels').getBoundingClientRect().left,"
        " e.getBoundingClientRect().left]",
    )
    assert abs(labels_left - diagram_left) < 1, "lane labels scrolled out of view"
    smallest = page.eval_on_selector(
        DIAGRAM,
        """e => { const svg = e.querySelector('svg.ls-map');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Math.min(...[...e.querySelectorAll('text')]
                .map(t => parseFloat(getComputedStyle(t).fontSize) * scale)); }""",
    )
    assert round(smallest, 1) >= 12


def test_step_labels_are_centred_in_their_boxes(visit: Visit) -> None:
    page = visit.open(WIDE)
    offsets = page.eval_on_selector(
        "svg.ls-map",
        """svg => [...svg.querySelectorAll('.ls-step')].map(g => {
            const box = g.querySelector('.ls-box').getBBox();
            const text = g.querySelector('.ls-box-label').getBBox();
            const top = box.y + 14, bottom = box.y + box.height - 8;  // below the number strip
            return [text.y >= box.y && text.y + text.height <= box.y + box.height,
                    Math.abs((text.y + text.height / 2) - (top + bottom) / 2)]; })""",
    )
    assert offsets, "no step boxes"
    assert all(inside for inside, _ in offsets)
    assert max(off for _, off in offsets) < 3


def test_on_a_wide_screen_the_map_breaks_out_of_the_text_column(
    browser: Any, base_url: str
) -> None:
    context, visit = new_visit(browser, base_url, viewport={"width": 1920, "height": 900})
    page = visit.open(WIDE)
    widths = page.evaluate(
        """() => [document.querySelector('.ls-figure--map .ls-diagram').clientWidth,
                  document.querySelector('article p.ls-lead').clientWidth,
                  document.documentElement.scrollWidth, document.documentElement.clientWidth]"""
    )
    assert widths[0] > widths[1] + 100, "the map should use more than the text column"
    assert widths[2] <= widths[3], "the page itself must not scroll sideways"
    context.close()


def test_fit_to_width_with_javascript(visit: Visit) -> None:
    page = visit.open(WIDE)
    page.get_by_role("button", name="Anpassa till bredd").click()
    fitted = page.eval_on_selector(
        DIAGRAM,
        "e => [e.querySelector('svg.ls-map').getBoundingClientRect().width, e.clientWidth,"
        " e.scrollWidth]",
    )
    assert fitted[0] <= fitted[1] + 1 and fitted[2] <= fitted[1] + 1
    assert page.get_by_role("button", name="Helskärm").is_visible()


def test_map_page_of_its_own_fits_without_javascript(browser: Any, base_url: str) -> None:
    context, visit = new_visit(
        browser, base_url, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    try:
        page = visit.open(WIDE)
        page.get_by_role("link", name="Visa kartan på en egen sida").click()
        page.wait_for_url("**/karta/")
        natural = page.eval_on_selector(DIAGRAM, "e => [e.scrollWidth, e.clientWidth]")
        assert natural[0] > natural[1], "at full size the map scrolls"
        page.get_by_role("link", name="Anpassa kartan till skärmens bredd").click()
        page.wait_for_url("**/karta/#anpassad")
        fitted = page.eval_on_selector(DIAGRAM, "e => [e.scrollWidth, e.clientWidth]")
        assert fitted[0] <= fitted[1] + 1
        assert not visit.outside_requests
    finally:
        context.close()
