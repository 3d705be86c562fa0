"""Lagkrav on a tablet and a desktop: the contents list on the right names every section
(each författning), the tables fit the column beside it, and no word breaks inside itself
("Informationssäke|rhet"), which Material's link rule did before."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import new_visit, settle
from tests.browser.layout import missing_from_contents

TABLES = "table.ls-requirements, table.ls-coverage-summary, table.ls-citations"

# Every word of every cell in the Lagkrav tables: a word whose text lies on more than one line
# has been broken inside it. A hyphen is a place a word may break (LSS-|ansökan), so the parts
# count as words. Ranges measure the rendered text, not the markup.
BROKEN_WORDS = f"""() => {{
  const broken = [];
  for (const cell of document.querySelectorAll(`:is({TABLES}) :is(td, th)`)) {{
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
      for (const match of node.data.matchAll(/[^\\s\\-–]+/g)) {{
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }}
    }}
  }}
  return broken;
}}"""

OVERFLOWING_TABLES = f"""() => {{
  const column = document.querySelector('article.md-content__inner');
  const padding = parseFloat(getComputedStyle(column).paddingRight);
  const right = column.getBoundingClientRect().right - padding;
  return [...document.querySelectorAll("{TABLES}")]
    .filter(t => t.getBoundingClientRect().right > right + 1)
    .map(t => t.caption ? t.caption.textContent : t.className);
}}"""

# Share of each requirement table's width that its Krav column (the text a reader reads) gets.
KRAV_SHARES = """() => [...document.querySelectorAll('table.ls-requirements')].map(t =>
  t.querySelector('thead th:nth-child(2)').getBoundingClientRect().width
  / t.getBoundingClientRect().width)"""


@pytest.mark.parametrize("width", [768, 1024, 1280])
def test_lagkrav_words_stay_whole_and_tables_fit(width: int, base_url: str, browser: Any) -> None:
    context, visit = new_visit(browser, base_url, viewport={"width": width, "height": 900})
    try:
        page = visit.open("lagkrav/")
        settle(page)
        assert page.locator("table.ls-requirements").count() > 5
        assert page.evaluate(BROKEN_WORDS) == []
        assert page.evaluate(OVERFLOWING_TABLES) == []
        # The krav text keeps a readable column beside the processes and rutiner.
        assert min(page.evaluate(KRAV_SHARES)) >= 0.4
    finally:
        context.close()


@pytest.mark.parametrize("width", [1024, 1280])
def test_lagkrav_contents_list_names_every_forfattning(
    width: int, base_url: str, browser: Any
) -> None:
    context, visit = new_visit(browser, base_url, viewport={"width": width, "height": 900})
    try:
        page = visit.open("lagkrav/")
        sources = page.eval_on_selector_all(
            "table.ls-coverage-summary tbody th a", "links => links.map(a => a.textContent)"
        )
        assert len(sources) >= 8
        assert missing_from_contents(page) == []
        contents = page.eval_on_selector_all(
            ".md-sidebar--secondary .md-nav__link", "links => links.map(a => a.textContent.trim())"
        )
        assert set(sources) <= set(contents), (sources, contents)
    finally:
        context.close()
