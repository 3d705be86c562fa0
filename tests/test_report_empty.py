"""What a förvaltning does not have, and what is not known, read honestly (issue 10).

tests/fixtures/saknas: a förvaltning without LSS and without organisatoriska avvikelser,
two draft years with most data files missing; 2024's SoL avvikelser have an unknown
category and its klagomål an unknown slag on every row, 2025 has an unknown slag and an
unknown category on one row each. The years are rendered in process, as the page and the
PDF show them.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from ledningssystem.core.urls import Linker, report_page
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.load import load_reports
from ledningssystem.report.year_view import year_view
from tests.conftest import REPO, copy_example

FIXTURE = REPO / "tests" / "fixtures" / "saknas" / "reports"
NBSP = "\u00a0"


def fixture_root(target: Path) -> Path:
    root = copy_example(target)
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    return root


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, Any]]:
    """Each fixture year's view, its blocks' HTML and its figures."""
    root = fixture_root(tmp_path_factory.mktemp("saknas"))
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    built = {}
    for year in (2024, 2025):
        view = year_view(reports, year, content, Linker(report_page(year)))
        html = "\n".join(str(part) for section in view.sections for part in section.parts)
        built[year] = {"view": view, "soup": BeautifulSoup(html, "html.parser")}
        built[year]["figures"] = reports.figures[year]
    return built


def table(built: dict[str, Any], caption: str) -> Any:
    return next(
        t for t in built["soup"].find_all("table") if t.caption and caption in t.caption.text
    )


def rows(built: dict[str, Any], caption: str) -> dict[str, list[str]]:
    """The table's rows by their first cell, each the texts of its other cells."""
    found = {}
    for tr in table(built, caption).find_all("tr"):
        cells = [c.get_text(" ", strip=True).replace(NBSP, " ") for c in tr.find_all(["th", "td"])]
        found[cells[0]] = cells[1:]
    return found


def test_last_years_unknown_column_is_kept_with_its_sum(years: dict[int, Any]) -> None:
    # 2024 had SoL avvikelser of unknown category, 2025 has none: the column stays, so
    # that "Summa 2024" adds up to last year's total.
    sol = rows(years[2025], "Avvikelser enligt SoL 2025 per enhet och kategori")
    head = sol[""] if "" in sol else sol["Enhet"]
    assert head[-2] == "Uppgift saknas"
    assert sol["Summa"][-2:] == ["0", "5"]
    assert sol["Summa 2024"] == ["3", "0", "2", "5"]
    # A column no row had last year sums to 0 there, not "–" (its rows were all known).
    complaints = rows(years[2025], "Klagomål och synpunkter 2025 per enhet och avsändare")
    assert complaints["Summa 2024"] == ["3", "2", "0", "5"]
