"""A row on an avdelning in a table per enhet makes that avdelning's enhet figures "minst n".

tests/fixtures/hogre-niva (the tiny organisation): 2025 has two klagomål and one SoL-avvikelse
registered on avdelning ifo without an enhet. They count in the total and in ifo's figure; each
enhet of ifo is a lower bound ("minst 4 (2 utan angiven enhet)") through figure(), in
nyckeltal.json, on the page (a note under the table) and in the PDF. Hemtjänst Norr, in another
avdelning, stays exact. An organisational avvikelse on the förvaltning concerns it as a whole
and makes no unit a lower bound (as the fastställd example 2024 has it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figure_call import figure_text
from tests.conftest import build_site, tiny_portal, write_mkdocs_yml
from tests.test_report_real import read_year

FIXTURE = Path(__file__).parent / "fixtures" / "hogre-niva" / "reports"
NOTE = (
    "Klagomål och synpunkter utan angiven enhet: 2 på Individ- och familjeomsorg. De räknas i "
    "summan men på ingen enhet, så siffran för varje enhet där är en nedre gräns (minst)."
)


def portal(target: Path) -> Path:
    """The tiny portal with the fixture's reports/."""
    return tiny_portal(target, FIXTURE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = portal(tmp_path_factory.mktemp("hogre-niva"))
    write_mkdocs_yml(root, nav=False)
    site = build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    return read_year(site / "kvalitetsberattelse" / "2025")


def figure(built: dict[str, Any], name: str) -> tuple[object, object, object]:
    found = built["json"][name]
    return found["värde"], found["uppgift_saknas"], found.get("utan_angiven_nivå")


def test_open_data_carries_each_enhet_of_the_avdelning_as_a_lower_bound(built: Any) -> None:
    assert figure(built, "klagomal.total") == (14, 0, None)
    assert figure(built, "klagomal.enhet.barn-och-unga") == (4, 2, 2)
    assert figure(built, "klagomal.enhet.ekonomiskt-bistand") == (3, 2, 2)
    assert built["json"]["klagomal.enhet.barn-och-unga"]["nedre_gräns"] is True
    assert figure(built, "klagomal.enhet.hemtjanst-norr") == (5, 0, None)  # other avdelning
    assert figure(built, "klagomal.avdelning.ifo") == (9, 0, None)  # the rows are ifo's
    assert figure(built, "avvikelser.sol.enhet.barn-och-unga") == (3, 1, 1)
    assert figure(built, "avvikelser.sol.avdelning.ifo") == (4, 0, None)


def test_an_organisational_avvikelse_on_the_forvaltning_is_its_own(built: Any) -> None:
    assert figure(built, "avvikelser.organisatorisk.enhet.hemtjanst-norr") == (2, 0, None)
    assert figure(built, "avvikelser.organisatorisk.enhet.socialforvaltningen") == (1, 0, None)
    assert figure(built, "avvikelser.organisatorisk.total") == (3, 0, None)


def test_the_page_and_the_pdf_say_the_figures_are_lower_bounds(built: Any) -> None:
    pdf = built["pdf"].replace("Individ-och", "Individ- och")  # read_year joins "- "
    assert NOTE in built["page"]
    assert NOTE in pdf
    sol = "SoL-avvikelser utan angiven enhet: 1 på Individ- och familjeomsorg."
    assert sol in built["page"] and sol in pdf
    assert "Organisatoriska avvikelser utan angiven" not in built["page"]


def test_figure_prints_minst(tmp_path: Path) -> None:
    reports = load_ledningssystem(portal(tmp_path)).reports
    assert reports is not None
    figures = reports.figures
    assert figure_text(figures, 2025, "klagomal.enhet.barn-och-unga") == (
        "minst 4 (2 utan angiven enhet)"
    )
    assert figure_text(figures, 2025, "klagomal.enhet.hemtjanst-norr") == "5"
    assert figure_text(figures, 2025, "klagomal.avdelning.ifo") == "9"
