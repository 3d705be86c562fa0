"""List tables shown as cards on a phone: a card is one framed box, with no rule drawn
across its cells (the desktop table's separators do not belong inside a card)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import new_visit
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
