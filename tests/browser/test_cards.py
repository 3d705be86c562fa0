"""List tables shown as cards on a phone: a card is one framed box, with no rule drawn
across its cells (the desktop table's separators do not belong inside a card)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import new_visit, settle
from tests.browser.layout import page_paths

# Cells inside a card that draw a border line of their own.
RULED_CELLS = """() => [...document.querySelectorAll('table.ls-cards tr > *')]
  .filter(cell => {
    const s = getComputedStyle(cell);
    return ['Top', 'Bottom'].some(side => parseFloat(s[`border${side}Width`]) > 0
      && s[`border${side}Style`] !== 'none');
  })
  .map(cell => cell.textContent.trim().slice(0, 40))"""


def test_phone_cards_have_no_rules_across_their_cells(
    built_site: Path, base_url: str, browser: Any
) -> None:
    pages = page_paths(
        built_site,
        (("roll", "roller/{role}/"), ("rutinindex", "rutiner/"), ("processindex", "processer/")),
    )
    context, visit = new_visit(
        browser, base_url, viewport={"width": 375, "height": 900}, is_mobile=True
    )
    try:
        found = {}
        for name, path in pages:
            page = visit.open(path)
            assert page.locator("table.ls-cards").count(), f"{name}: inga kort"
            found[name] = page.evaluate(RULED_CELLS)
    finally:
        context.close()
    assert all(not cells for cells in found.values()), found


# Words in table cells laid out over two lines (broken inside the word); words with a
# hyphen or dash may break there.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article table td, article table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-–\\/·,]{4,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""
# Regions that scroll sideways without the line telling a phone reader how to see the rest.
UNMARKED_SCROLLERS = """() => [...document.querySelectorAll('article [role="region"]')]
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .filter(el => !getComputedStyle(el, '::after').content.includes('Svep'))
  .map(el => el.getAttribute('aria-label'))"""


def test_phone_tables_break_no_word_and_mark_what_scrolls(
    built_site: Path, base_url: str, browser: Any
) -> None:
    pages = page_paths(
        built_site,
        (
            ("lagkrav", "lagkrav/"),
            ("dokumentstyrning", "dokumentstyrning/"),
            ("rutinindex", "rutiner/"),
            ("roll", "roller/{role}/"),
            ("processindex", "processer/"),
        ),
    )
    found = []
    for width in (320, 375):
        context, visit = new_visit(
            browser, base_url, viewport={"width": width, "height": 900}, is_mobile=True
        )
        try:
            for name, path in pages:
                page = visit.open(path)
                found += [
                    f"{name} {width} px: ordet {w!r} bryts" for w in page.evaluate(BROKEN_WORDS)
                ]
                found += [
                    f"{name} {width} px: {label!r} rullar utan anvisning"
                    for label in page.evaluate(UNMARKED_SCROLLERS)
                ]
        finally:
            context.close()
    assert not found, "\n".join(found)


# Scroll regions whose line "Svep i sidled …" (or frame) shows although nothing is out of
# sight, and regions that fit but are still a keyboard stop.
FALSE_HINTS = """() => [...document.querySelectorAll('article [role="region"]')]
  .filter(el => el.scrollWidth <= el.clientWidth + 1)
  .filter(el => getComputedStyle(el, '::after').content.includes('Svep')
    || getComputedStyle(el).borderTopStyle === 'dashed' || el.hasAttribute('tabindex'))
  .map(el => el.getAttribute('aria-label'))"""
# Overflowing regions without a line; a process map has its own line above it (map_tools).
UNMARKED_REGIONS = """() => [...document.querySelectorAll('article [role="region"]')]
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .filter(el => !getComputedStyle(el, '::after').content.includes('Svep'))
  .filter(el => !(el.closest('.ls-figure--map')
    && document.querySelector('.ls-scroll-hint').getBoundingClientRect().height > 0))
  .map(el => el.getAttribute('aria-label'))"""
HINTS = """() => [...document.querySelectorAll('article [role="region"]')]
  .filter(el => getComputedStyle(el, '::after').content.includes('Svep'))
  .map(el => el.getAttribute('aria-label'))"""
SCROLL_PAGES = (
    ("start", ""),
    ("process", "processer/{process}/"),
    ("lagkrav", "lagkrav/"),
    ("berattelse-ar", "kvalitetsberattelse/{year}/"),
)


def test_phone_scroll_hint_shows_only_where_a_region_overflows(
    built_site: Path, base_url: str, browser: Any
) -> None:
    """Issue 12: "Svep i sidled …" showed under every berättelse table on a phone, also under
    tables that fit. Now only where the region is wider than its box, also after the reader
    has gone from page to page."""
    pages = page_paths(built_site, SCROLL_PAGES)
    found, marked = [], 0
    for width in (320, 375):
        context, visit = new_visit(
            browser, base_url, viewport={"width": width, "height": 900}, is_mobile=True
        )
        try:
            for name, path in pages:
                page = visit.open(path)
                settle(page)
                found += [f"{name} {width} px: {label!r}" for label in page.evaluate(FALSE_HINTS)]
                found += [
                    f"{name} {width} px: {label!r} rullar utan anvisning"
                    for label in page.evaluate(UNMARKED_REGIONS)
                ]
                marked += len(page.evaluate(HINTS))
        finally:
            context.close()
    assert not found, "\n".join(found)
    assert marked > 0  # the wide regions (the landscape, Lagkrav's summary) are marked


def test_without_javascript_no_scroll_hint_shows(
    built_site: Path, base_url: str, browser: Any
) -> None:
    """Without JavaScript nobody measures the regions: no line can claim that one scrolls,
    and a region that might scroll stays reachable by keyboard (tabindex in the markup)."""
    context, visit = new_visit(
        browser,
        base_url,
        viewport={"width": 375, "height": 900},
        is_mobile=True,
        java_script_enabled=False,
    )
    try:
        for _, path in page_paths(built_site, SCROLL_PAGES):
            page = visit.open(path)
            assert page.evaluate(HINTS) == [], path
            regions = page.locator('article [role="region"]')
            assert regions.count() and all(
                regions.nth(i).get_attribute("tabindex") == "0" for i in range(regions.count())
            ), path
    finally:
        context.close()


# The egenkontroll list of a berättelse year: whether its region scrolls sideways, how many
# of its rows are not cards, how many rows and how many cards show date and result on a line.
CHECK_LIST = """() => {
  const table = [...document.querySelectorAll('article table')]
    .find(t => t.caption && t.caption.textContent.includes('per processteg'));
  const region = table.closest('[role="region"]');
  const rows = [...table.querySelectorAll('tbody tr')];
  const together = rows.filter(tr => {
    const [date, result] = [tr.cells[2], tr.cells[3]].map(c => c.getBoundingClientRect().top);
    return Math.abs(date - result) <= 2;
  }).length;
  const notCards = rows.filter(tr => getComputedStyle(tr).display !== 'block').length;
  return [region.scrollWidth > region.clientWidth + 1, notCards, rows.length, together];
}"""


def test_egenkontroll_list_is_cards_on_a_phone(
    built_site: Path, base_url: str, browser: Any
) -> None:
    """Five columns of text scrolled far sideways on a phone (620 px in 341 px): now a card
    per egenkontroll, at 375 px mostly with its date and result on one line."""
    pages = page_paths(built_site, (("berattelse-ar", "kvalitetsberattelse/{year}/"),))
    found = {}
    for width in (320, 375):
        context, visit = new_visit(
            browser, base_url, viewport={"width": width, "height": 900}, is_mobile=True
        )
        try:
            for name, path in pages:
                found[(name, width)] = visit.open(path).evaluate(CHECK_LIST)
        finally:
            context.close()
    assert found and all(not scrolls and not rows for scrolls, rows, _, _ in found.values()), found
    compact = [(n, together) for (_, width), (_, _, n, together) in found.items() if width == 375]
    assert all(together > n / 2 for n, together in compact), compact


# A caption's text that lies outside its scroll region's box, with the region scrolled to its end.
CUT_CAPTIONS = """() => [...document.querySelectorAll('.ls-raci-scroll, .ls-report-table')]
  .filter(region => region.querySelector('caption'))
  .flatMap(region => {
    region.scrollLeft = region.scrollWidth;
    const box = region.getBoundingClientRect();
    const text = region.querySelector('caption').getBoundingClientRect();
    const inner = region.querySelector('caption > *');
    const shown = inner ? inner.getBoundingClientRect() : text;
    region.scrollLeft = 0;
    return shown.left < box.left - 1 || shown.right > box.right + 1
      ? [region.querySelector('caption').textContent.trim().slice(0, 50)] : [];
  })"""


def test_phone_captions_stay_inside_their_scroll_region(
    built_site: Path, base_url: str, browser: Any
) -> None:
    """Issue 12: the RACI table's caption was cut at the edge of its scroll box on a phone,
    since a caption is as wide as its table; scrolled to either end, it stays readable."""
    found = []
    for width in (320, 375):
        context, visit = new_visit(
            browser, base_url, viewport={"width": width, "height": 900}, is_mobile=True
        )
        try:
            for name, path in page_paths(built_site, SCROLL_PAGES):
                page = visit.open(path)
                found += [f"{name} {width} px: {c!r}" for c in page.evaluate(CUT_CAPTIONS)]
        finally:
            context.close()
    assert not found, "\n".join(found)
