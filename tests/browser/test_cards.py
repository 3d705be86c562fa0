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
