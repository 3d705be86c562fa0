"""Report blocks only format: every cross table's body and footer come from one Pivot."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from ledningssystem.core.urls import Linker
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.load import load_reports
from ledningssystem.report.numbers import slug
from ledningssystem.report.pivots import build_pivot
from ledningssystem.report.year_view import year_view
from tests.conftest import REPO
from tests.test_report_real import fixture_portal

BLOCKS = sorted((REPO / "ledningssystem" / "report").glob("blocks*.py"))


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The fixture year (tests/fixtures/berattelse) rendered: its blocks' HTML and figures."""
    root = fixture_portal(tmp_path_factory.mktemp("pivots"))
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    view = year_view(reports, 2025, content, Linker("kvalitetsberattelse/2025/index.md"))
    html = "\n".join(str(part) for section in view.sections for part in section.parts)
    return {"soup": BeautifulSoup(html, "html.parser"), "figures": reports.figures[2025]}


def number(text: str) -> int | None:
    plain = text.replace("\u00a0", "").replace(" ", "")
    return int(plain) if re.fullmatch(r"\d+", plain) else None


def column_sums(table: Any) -> tuple[list[int | None], list[int]]:
    """(the Summa row's numbers, the sums of the body's columns) of one table.

    A process's subtotal row (its delprocesses follow it) is not part of the sums; the rows
    under the Summa row are last year's sums and the change.
    """
    body = [
        [number(c.get_text()) for c in tr.find_all(["th", "td"])]
        for tr in table.find("tbody").find_all("tr")
        if not tr.select(".ls-subtotal")
    ]
    summa = table.find("tfoot").find("tr")
    foot = [number(c.get_text()) for c in summa.find_all(["th", "td"])]
    sums = [sum(row[i] or 0 for row in body) for i in range(len(foot))]
    return foot, sums


def test_every_footer_is_the_sum_of_its_body(year: dict[str, Any]) -> None:
    tables = [t for t in year["soup"].find_all("table") if t.find("tfoot")]
    # klagomål, SoL and LSS avvikelser, incidents, egenkontroller per process at least
    assert len(tables) >= 4
    for table in tables:
        foot, sums = column_sums(table)
        caption = table.caption.get_text()
        note = table.find_next("p")
        multiple = note is not None and "raderna summerar till" in note.get_text()
        for i, value in enumerate(foot):
            if value is None:
                continue
            if multiple:  # an ärende for several units counts once in the footer, the note says so
                assert value <= sums[i], caption
            else:
                assert value == sums[i], (caption, i, foot, sums)


def test_pivot_totals_are_the_figures_narrative_cites(year: dict[str, Any]) -> None:
    soup, figures = year["soup"], year["figures"]
    complaints = next(t for t in soup.find_all("table") if "avsändare" in (t.caption.text))
    foot, _ = column_sums(complaints)
    assert foot[-1] == figures.value("klagomal.total")
    incidents = next(
        t for t in soup.find_all("table") if "Personuppgiftsincidenter" in t.caption.text
    )
    foot, _ = column_sums(incidents)
    assert foot[1:] == [
        figures.value("personuppgiftsincidenter.total"),
        figures.value("personuppgiftsincidenter.anmalda-imy"),
    ]
    checks = next(t for t in soup.find_all("table") if "per process och" in t.caption.text)
    foot, _ = column_sums(checks)
    results = ["godkänd", "ej godkänd", "ej genomförd"]
    expected = [figures.value(f"egenkontroller.{slug(r)}") for r in results]
    assert foot[1:] == [*expected, figures.value("egenkontroller.total")]


def test_a_row_for_two_units_counts_once_in_the_totals() -> None:
    rows = [({"a", "b"}, "x", 3), ({"a"}, "y", 2)]
    pivot = build_pivot(rows, lambda r: sorted(r[0]), lambda r: [(r[1], r[2])], ["x", "y", "z"])
    assert pivot.column_keys == ("x", "y")  # no row has z
    assert (pivot.cell("a", "x"), pivot.cell("b", "x"), pivot.cell("b", "y")) == (3, 3, 0)
    assert pivot.row_totals == {"a": 5, "b": 3}
    assert pivot.column_totals == {"x": 3, "y": 2}
    assert (pivot.total, pivot.body_total) == (5, 8)


@pytest.mark.parametrize("path", BLOCKS, ids=lambda p: p.name)
def test_blocks_do_not_compute(path: Path) -> None:
    """Blocks format computed data: no sum() or Counter over rows in report/blocks*.py."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not called & {"sum", "Counter"}, path.name


def test_a_trend_adds_years_the_block_does_not_already_show() -> None:
    """Issue 12: a two-year trend would repeat the summary's this-year and last-year columns."""
    content = load_ledningssystem(REPO)
    reports, errors = load_reports(REPO, content)
    assert not errors
    view = year_view(reports, 2025, content, Linker("kvalitetsberattelse/2025/index.md"))
    html = "\n".join(str(part) for section in view.sections for part in section.parts)
    trends = [
        t
        for t in BeautifulSoup(html, "html.parser").find_all("table")
        if "per år" in t.caption.text
    ]
    assert trends  # the example has five years of history
    for table in trends:
        years = len(table.find("tbody").find_all("tr"))
        assert years >= 3 or "Personuppgiftsincidenter" in table.caption.text, table.caption.text
    summary = [c.text for c in BeautifulSoup(html, "html.parser").find_all("caption")]
    assert "Organisatoriska avvikelser 2025" in summary  # shows 2025 beside 2024 …
    assert "Organisatoriska avvikelser per år (tabell)" not in summary  # … so no 2-year trend
