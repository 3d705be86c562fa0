"""What a reader sees of a page's layout, measured in the browser (scripts run in the page).

Used by the layout test and by `make screenshots`; every measure compares boxes the reader
sees: `documentElement.scrollWidth` against `clientWidth` (not innerWidth, which grows with
the content on a phone), tables against the content column, SVG text against its SVG.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# (name, path below the site root) of every page type; None when the site has no such page.
HANDBOOK_PAGES = (
    ("start", ""),
    ("processindex", "processer/"),
    ("process", "processer/{process}/"),
    ("rutinindex", "rutiner/"),
    ("rutin", "rutiner/{routine}/"),
    ("roll", "roller/{role}/"),
    ("lagkrav", "lagkrav/"),
    ("dokumentstyrning", "dokumentstyrning/"),
    ("andringslogg", "andringslogg/"),
    ("arshjul", "arshjul/"),
    ("berattelse-ar", "kvalitetsberattelse/{year}/"),
    ("sok", "sok/?q=avvikelse"),
)
PUBLIC_PAGES = (
    ("publik-start", ""),
    ("publik-berattelse-ar", "kvalitetsberattelse/{year}/"),
    ("publik-sok", "publik/sok/?q=avvikelser"),
)
WIDTHS = (320, 375, 768, 1024, 1280)
SCHEMES = ("light", "dark")
DESKTOP = 1024  # from here on, tables must fit the content column


def _first_page(site: Path, folder: str) -> str:
    """The id of the page under `folder` with the largest HTML (the richest of its type)."""
    pages = [p for p in (site / folder).glob("*/index.html") if p.parent.name != "pagefind"]
    assert pages, f"den byggda webbplatsen saknar sidor under {folder}/"
    return max(pages, key=lambda p: (p.stat().st_size, p.parent.name)).parent.name


def page_paths(site: Path, pages: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """(name, path) of every page type, filled in from the built site."""
    fill = {
        "process": lambda: _first_page(site, "processer"),
        "routine": lambda: _first_page(site, "rutiner"),
        "role": lambda: _first_page(site, "roller"),
    }
    found = []
    for name, path in pages:
        if "{year}" in path:  # every year: a draft and a fastställd year show other parts
            found += [(f"{name}-{y}", path.format(year=y)) for y in _years(site)]
            continue
        keys = {k: f() for k, f in fill.items() if "{" + k + "}" in path}
        found.append((name, path.format(**keys)))
    return found


def _years(site: Path) -> list[str]:
    years = sorted(p.parent.name for p in (site / "kvalitetsberattelse").glob("*/index.html"))
    found = [y for y in years if y.isdigit()]
    assert found, "den byggda webbplatsen saknar berättelseår"
    return found


# Returns a list of problems (Swedish), empty when the layout holds.
LAYOUT_PROBLEMS = """(desktop) => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`sidan rullar i sidled: ${root.scrollWidth} > ${root.clientWidth} px`);
  }
  const column = document.querySelector('article.md-content__inner');
  if (desktop && column) {
    const style = getComputedStyle(column);
    const box = column.getBoundingClientRect();
    const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    for (const table of column.querySelectorAll('table')) {
      const width = table.getBoundingClientRect().width;
      if (width > inner + 1) {
        const name = (table.caption && table.caption.textContent.trim()) || table.className;
        const sizes = `${Math.round(width)} px, spalten ${Math.round(inner)} px`;
        problems.push(`tabellen "${name}" är ${sizes}`);
      }
    }
  }
  for (const svg of document.querySelectorAll('svg[viewBox]')) {
    const frame = svg.getBoundingClientRect();
    if (frame.width === 0 || frame.height === 0) continue;  // not shown (closed <details>)
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < frame.left - 1 || r.right > frame.right + 1 ||
          r.top < frame.top - 1 || r.bottom > frame.bottom + 1) {
        const label = (svg.getAttribute('aria-label') || svg.id || svg.className.baseVal);
        problems.push(`texten "${text.textContent.trim()}" går utanför diagrammet ${label}`);
      }
    }
  }
  // Charts and the årshjul scale to the column instead of hiding a part of themselves.
  for (const svg of document.querySelectorAll('.ls-chart svg, svg.ls-arshjul')) {
    // Against the box that would scroll or the column, not the canvas that grows with it.
    const holder = svg.closest('.ls-diagram, figure, article').getBoundingClientRect();
    const width = svg.getBoundingClientRect().width;
    if (width > holder.width + 1) {
      const sizes = `${Math.round(width)} px i ${Math.round(holder.width)} px`;
      problems.push(`diagrammet ${svg.className.baseVal} är ${sizes}`);
    }
  }
  // A region that scrolls sideways is named and reachable by keyboard.
  for (const el of document.querySelectorAll('article *')) {
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    const overflow = getComputedStyle(el).overflowX;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    if (el.tabIndex < 0 || !el.getAttribute('aria-label') || el.getAttribute('role') !== 'region') {
      const what = 'tabindex, role="region" eller aria-label';
      problems.push(`rullningsytan ${el.className} saknar ${what}`);
    }
  }
  return problems;
}"""


def layout_problems(page: Any, width: int) -> list[str]:
    """Everything wrong with the layout of the page open in `page` at viewport `width`."""
    problems: list[str] = page.evaluate(LAYOUT_PROBLEMS, width >= DESKTOP)
    return problems


# Headings of the article (h2, with an id) that the visible contents list on the right does not
# link to; "the contents list is hidden" when it is not shown at all.
MISSING_FROM_CONTENTS = """() => {
  const headings = [...document.querySelectorAll('article h2[id]')];
  if (!headings.length) return [];
  const toc = document.querySelector('.md-sidebar--secondary');
  const box = toc && toc.getBoundingClientRect();
  if (!toc || box.width === 0 || getComputedStyle(toc).display === 'none'
      || !toc.querySelector('.md-nav__link')) {
    return ['innehållsförteckningen till höger visas inte'];
  }
  const listed = new Set([...toc.querySelectorAll('a.md-nav__link')]
    .map(a => decodeURIComponent(a.hash.slice(1))));
  return headings.filter(h => !listed.has(h.id))
    .map(h => h.textContent.replace('¶', '').trim())
    .map(text => `rubriken "${text}" saknas i innehållsförteckningen`);
}"""


def missing_from_contents(page: Any) -> list[str]:
    """What the contents list on the right leaves out of the page open in `page` (≥ 960 px)."""
    problems: list[str] = page.evaluate(MISSING_FROM_CONTENTS)
    return problems
