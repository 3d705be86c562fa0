"""Lagkrav on a tablet and a desktop: the tables fit their column and no link or source name
breaks inside a word ("Informationssäke|rhet"), which Material's link rule did before."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import new_visit

# Every word of every link in the Lagkrav tables: a word whose text lies on more than one line
# has been broken inside it. A hyphen is a place a word may break (LSS-|ansökan), so the parts
# count as words. Ranges measure the rendered text, not the markup.
BROKEN_WORDS = """() => {
  const broken = [];
  const tables = "table.ls-requirements, table.ls-coverage-summary, table.ls-citations";
  for (const link of document.querySelectorAll(`:is(${tables}) a`)) {
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-–]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

OVERFLOWING_TABLES = """() =>
  [...document.querySelectorAll("table.ls-requirements, table.ls-citations")]
  .filter(t => t.getBoundingClientRect().right > t.parentElement.getBoundingClientRect().right + 1)
  .map(t => t.caption ? t.caption.textContent : t.className)"""


@pytest.mark.parametrize("width", [768, 1024, 1280])
def test_lagkrav_links_wrap_between_words_and_tables_fit(
    width: int, base_url: str, browser: Any
) -> None:
    context, visit = new_visit(browser, base_url, viewport={"width": width, "height": 900})
    try:
        page = visit.open("lagkrav/")
        page.wait_for_load_state("networkidle")
        assert page.locator("table.ls-requirements").count() > 5
        assert page.evaluate(BROKEN_WORDS) == []
        assert page.evaluate(OVERFLOWING_TABLES) == []
    finally:
        context.close()
