"""A row of unknown enhet makes every per-unit figure a lower bound (issue 10, §4).

tests/fixtures/okand-enhet: 2025 has a klagomål, two SoL avvikelser and a
personuppgiftsincident with `enhet: okänt`; 2024 has none. As for an unknown category,
the row may be any unit's: figure() and open data carry each enhet's and avdelning's figure
as a lower bound with the unknown counted apart, while the tables show it once, on the row
"Uppgift saknas". The years are rendered in process.
"""

from __future__ import annotations

import json
import shutil
from typing import Any

import pytest
from bs4 import BeautifulSoup

from ledningssystem.core.urls import Linker, report_page
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.data import Reports
from ledningssystem.report.export import figures_json
from ledningssystem.report.figure_call import figure_text
from ledningssystem.report.load import load_reports
from ledningssystem.report.year_view import year_view
from tests.conftest import REPO, copy_example

FIXTURE = REPO / "tests" / "fixtures" / "okand-enhet" / "reports"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Reports, dict[int, Any]]:
    """The fixture's reports and each year's blocks as HTML."""
    root = copy_example(tmp_path_factory.mktemp("okand-enhet"))
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    content = load_ledningssystem(root)
    loaded, errors = load_reports(root, content)
    assert not errors
    soups = {}
    for year in (2024, 2025):
        view = year_view(loaded, year, content, Linker(report_page(year)))
        html = "\n".join(str(part) for section in view.sections for part in section.parts)
        soups[year] = BeautifulSoup(html, "html.parser")
    return loaded, soups


def open_data(reports: Reports, year: int) -> dict[str, tuple[object, object]]:
    """nyckeltal.json's figures by name: (värde, uppgift_saknas)."""
    document = json.loads(figures_json(reports, year))
    return {f["namn"]: (f["värde"], f["uppgift_saknas"]) for f in document["figurer"]}


def rows(soup: BeautifulSoup, caption: str) -> dict[str, list[str]]:
    """The table's rows by their first cell, each the texts of its other cells."""
    table = next(t for t in soup.find_all("table") if t.caption and caption in t.caption.text)
    found = {}
    for tr in table.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        found[cells[0]] = cells[1:]
    return found


def test_each_units_figure_counts_the_unknown_unit_apart(reports: Any) -> None:
    figures = open_data(reports[0], 2025)
    assert figures["klagomal.enhet.hemtjanst-norr"] == (4, 1)
    assert figures["klagomal.enhet.barn-och-unga"] == (3, 1)
    assert figures["avvikelser.sol.enhet.vuxen"] == (2, 2)
    assert figures["klagomal.enhet.uppgift-saknas"] == (1, 0)  # the unknown itself, once
    # A lower bound has no change against last year's exact figure (which is still shown).
    document = json.loads(figures_json(reports[0], 2025))
    norr = next(f for f in document["figurer"] if f["namn"] == "klagomal.enhet.hemtjanst-norr")
    assert (norr["föregående_värde"], norr["förändring"]) == (4, None)


def test_the_roll_up_per_avdelning_is_a_lower_bound_too(reports: Any) -> None:
    figures = open_data(reports[0], 2025)
    assert figures["klagomal.avdelning.vard-och-omsorg"] == (4, 1)
    assert figures["avvikelser.sol.avdelning.ifo"] == (2, 2)
    assert figures["avvikelser.sol.avdelning.uppgift-saknas"] == (2, 0)
    # Incidents read one column of their pivot: the unknown row's incidenter, not its sum.
    assert figures["personuppgiftsincidenter.avdelning.vard-och-omsorg"] == (2, 1)


def test_figure_in_a_text_prints_the_lower_bound(reports: Any) -> None:
    figures = reports[0].figures
    assert figure_text(figures, 2025, "klagomal.enhet.hemtjanst-norr") == (
        "4 (uppgift saknas för 1)"
    )
    assert figure_text(figures, 2025, "avvikelser.sol.avdelning.vard-och-omsorg") == (
        "3 (uppgift saknas för 2)"
    )


def test_the_tables_show_the_unknown_unit_once(reports: Any) -> None:
    soup = reports[1][2025]
    by_unit = rows(soup, "Klagomål och synpunkter 2025 per enhet och avsändare")
    assert by_unit["Hemtjänst Norr"] == ["4", "0", "4"]
    assert by_unit["Uppgift saknas"] == ["1", "0", "1"]
    assert by_unit["Summa"] == ["5", "3", "8"]
    by_division = rows(soup, "Avvikelser enligt SoL 2025 per avdelning och kategori")
    assert by_division["Vård och omsorg"] == ["3", "3"]
    assert by_division["Uppgift saknas"] == ["2", "2"]
    cells = [c for r in (*by_unit.values(), *by_division.values()) for c in r]
    assert not [c for c in cells if "uppgift saknas för" in c]


def test_a_year_without_unknown_units_keeps_exact_figures(reports: Any) -> None:
    figures = open_data(reports[0], 2024)
    per_unit = {n: v for n, v in figures.items() if ".enhet." in n or ".avdelning." in n}
    assert per_unit == {
        "klagomal.enhet.barn-och-unga": (2, 0),
        "klagomal.enhet.hemtjanst-norr": (4, 0),
        "avvikelser.sol.enhet.hemtjanst-norr": (3, 0),
        "avvikelser.sol.enhet.vuxen": (2, 0),
        "klagomal.avdelning.ifo": (2, 0),
        "klagomal.avdelning.vard-och-omsorg": (4, 0),
        "avvikelser.sol.avdelning.ifo": (2, 0),
        "avvikelser.sol.avdelning.vard-och-omsorg": (3, 0),
    }
    assert figure_text(reports[0].figures, 2024, "klagomal.enhet.hemtjanst-norr") == "4"
