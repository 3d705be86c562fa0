"""Issue 12: the berättelse year page shows every figure once.

Per category one chart and one table (the table is the chart's text alternative); no table
repeats another table's rows or its Summa row. Checked on the fixture year
(tests/fixtures/berattelse) and on every example year.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from ledningssystem.core.urls import Linker
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.load import load_reports
from ledningssystem.report.year_view import year_view
from tests.conftest import REPO
from tests.test_report_real import fixture_portal

Page = tuple[str, int, BeautifulSoup, Any]


def _year_pages(root: Path) -> Iterator[tuple[int, BeautifulSoup, Any]]:
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    for year in sorted(reports.years):
        view = year_view(reports, year, content, Linker(f"kvalitetsberattelse/{year}/index.md"))
        html = "\n".join(str(part) for section in view.sections for part in section.parts)
        yield year, BeautifulSoup(html, "html.parser"), reports.config


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    """(where, year, the year's blocks, the config) of the fixture year and every example year."""
    fixture = fixture_portal(tmp_path_factory.mktemp("repeats"))
    found = [("fixture", y, s, c) for y, s, c in _year_pages(fixture)]
    found += [("exempel", y, s, c) for y, s, c in _year_pages(REPO)]
    assert {w for w, *_ in found} == {"fixture", "exempel"}
    return found


def _text(cell: Tag) -> str:
    return cell.get_text(" ", strip=True).replace("\u00a0", " ")


@dataclass(frozen=True)
class Shown:
    """One table as a reader sees its figures."""

    caption: str
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (label, the row's number cells)
    summa: dict[str, str]  # the Summa row, by column heading

    @classmethod
    def of(cls, table: Tag) -> Shown:
        head_row = table.find("thead").find_all("tr")[-1] if table.find("thead") else None
        head = [_text(c) for c in head_row.find_all("th")] if head_row else []
        body = table.find("tbody") or table
        rows = tuple(
            (_text(tr.find(["th", "td"])), tuple(_text(c) for c in tr.select("td.ls-num")))
            for tr in body.find_all("tr", recursive=False)
            if tr.find(["th", "td"]) is not None
        )
        summa: dict[str, str] = {}
        if table.find("tfoot"):
            cells = [_text(c) for c in table.find("tfoot").find("tr").find_all(["th", "td"])]
            summa = {h: v for h, v in zip(head[1:], cells[1:], strict=False) if h != "Summa"}
        return cls(_text(table.caption) if table.caption else "", rows, summa)


def repeats(tables: list[Shown]) -> list[str]:
    """Where a table shows figures another table already shows."""
    found = []
    for a in tables:
        for b in tables:
            if a is b:
                continue
            # a's rows (label, this year's figure) as b's Summa row: "per kategori" twice.
            firsts = {label: figs[0] for label, figs in a.rows if figs}
            common = set(firsts) & set(b.summa)
            if len(common) >= 2 and all(firsts[k] == b.summa[k] for k in common):
                found.append(f"'{a.caption}' upprepar summaraden i '{b.caption}'")
            # a's rows, all of them, again in b (the same table twice).
            shown = [r for r in a.rows if len(r[1]) >= 2]
            if len(shown) >= 2 and all(r in b.rows for r in shown):
                found.append(f"'{a.caption}' upprepas i '{b.caption}'")
            # a row of a with the same figures in b under a narrower label: a process and
            # its only delprocess in two tables.
            for label, figs in shown:
                for other, other_figs in b.rows:
                    if other.startswith(f"{label} ›") and other_figs == figs:
                        found.append(f"'{a.caption}' raden {label} upprepas i '{b.caption}'")
    return found


def test_no_table_repeats_another_tables_rows_or_summa_row(pages: list[Page]) -> None:
    problems = []
    for where, year, soup, _ in pages:
        tables = [Shown.of(t) for t in soup.find_all("table") if "ls-report" in t["class"]]
        assert len(tables) >= 10, (where, year)
        problems += [f"{where} {year}: {p}" for p in repeats(tables)]
    assert problems == []


def test_each_chart_has_one_table_and_each_category_one_chart(pages: list[Page]) -> None:
    for where, year, soup, config in pages:
        titles = [_text(f.figcaption).split(". ")[0] for f in soup.select("figure.ls-chart")]
        assert len(titles) == len(set(titles)), (where, year, titles)
        for chart in soup.select("figure.ls-chart"):
            pair = chart.find_parent(class_="ls-chart-pair")
            assert pair is not None and len(pair.find_all("table")) == 1, (where, year)
        captions = [_text(c) for c in soup.find_all("caption")]
        for kind in config.deviations:
            charts = [t for t in titles if t == f"{kind.name} per kategori"]
            tables = [c for c in captions if c.startswith(f"{kind.name} {year} per")]
            alone = [c for c in captions if c == f"{kind.name} per kategori"]
            if tables:  # the year has this kind of avvikelse
                assert (len(charts), len(tables), alone) == (1, 1, []), (where, year, kind.id)
        checks = [c for c in captions if c.startswith(f"Egenkontroller {year} per process och")]
        assert len(checks) == 1, (where, year, captions)
        assert "Egenkontroller per resultat" not in captions  # the chart's table is `checks`
        assert "Egenkontroller per resultat" in titles


def test_the_check_finds_a_repeated_summa_row_and_a_repeated_row() -> None:
    """The rule fails on the page as it was before issue 12 (so passing means something)."""
    cross = Shown("A per enhet", (("Linden", ("2", "3", "5")),), {"Fall": "2", "Läkemedel": "3"})
    per_category = Shown("A per kategori", (("Fall", ("2",)), ("Läkemedel", ("3",))), {})
    per_process = Shown("per process", (("Hemtjänst", ("1", "0", "1")),), {})
    per_sub = Shown("per delprocess", (("Hemtjänst › Genomförande", ("1", "0", "1")),), {})
    assert repeats([cross, per_category]) == [
        "'A per kategori' upprepar summaraden i 'A per enhet'"
    ]
    assert repeats([per_process, per_sub]) == [
        "'per process' raden Hemtjänst upprepas i 'per delprocess'"
    ]
    twice = Shown("B", (("x", ("1", "2")), ("y", ("3", "4"))), {})
    assert repeats([twice, Shown("C", twice.rows, {})]) == [
        "'B' upprepas i 'C'",
        "'C' upprepas i 'B'",
    ]
    one_alike = Shown("D", (("x", ("1", "2")), ("z", ("5", "6"))), {})
    assert repeats([cross, per_process, one_alike, twice]) == []  # one equal row is chance
