"""Enheter reported together as one row: `enhetsgrupper:` in reports/config.yml (issue 10).

tests/fixtures/enhetsgrupp (the tiny organisation): 2025 groups Enheten för barn och unga and
Enheten för ekonomiskt bistånd. Rows on either member or on the group itself are one row in
the tables per enhet, with figures `<slag>.grupp.<id>`; per avdelning they count on ifo, the
avdelning both members belong to. A member that is no enhet is refused with file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figure_call import figure_text
from tests.conftest import build_site, tiny_portal, write_mkdocs_yml
from tests.test_report_real import read_year, row

FIXTURE = Path(__file__).parent / "fixtures" / "enhetsgrupp" / "reports"
GROUP = "Barn och unga samt ekonomiskt bistånd"


def portal(target: Path) -> Path:
    """The tiny portal with the fixture's reports/."""
    return tiny_portal(target, FIXTURE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = portal(tmp_path_factory.mktemp("enhetsgrupp"))
    write_mkdocs_yml(root, nav=False)
    site = build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    return read_year(site / "kvalitetsberattelse" / "2025")


def errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(root)
    return [e.format() for e in caught.value.errors]


def test_the_group_is_one_row_per_enhet(built: Any) -> None:
    caption = "Klagomål och synpunkter 2025 per enhet och avsändare"
    assert row(built, caption, GROUP) == [GROUP, "6", "3", "9"]
    assert row(built, caption, "Hemtjänst Norr") == ["Hemtjänst Norr", "5", "0", "5"]
    assert "Enheten för barn och unga" not in built["page"]
    assert f"{GROUP} 6 3 9" in built["pdf"]
    assert f"{GROUP} 3 3" in built["pdf"]  # SoL-avvikelser per enhet och kategori


def test_open_data_and_figure_carry_the_group(built: Any, tmp_path: Path) -> None:
    data = built["json"]
    assert data["klagomal.grupp.ifo-mottagning"]["värde"] == 9
    assert data["avvikelser.sol.grupp.ifo-mottagning"]["värde"] == 3
    assert data["klagomal.avdelning.ifo"]["värde"] == 9  # both members are ifo's
    assert data["klagomal.total"]["värde"] == 14
    assert not [n for n in data if n.endswith((".barn-och-unga", ".ekonomiskt-bistand"))]
    reports = load_ledningssystem(portal(tmp_path)).reports
    assert reports is not None
    assert figure_text(reports.figures, 2025, "avvikelser.sol.grupp.ifo-mottagning") == "3"


def test_a_row_on_the_avdelning_makes_the_group_a_lower_bound(tmp_path: Path) -> None:
    root = portal(tmp_path)
    with (root / "reports" / "2025" / "avvikelser.csv").open("a", encoding="utf-8") as file:
        file.write("ifo;sol;bemotande;1;1;1\n")
    reports = load_ledningssystem(root).reports
    assert reports is not None
    name = "avvikelser.sol.grupp.ifo-mottagning"
    assert figure_text(reports.figures, 2025, name) == "minst 3 (1 utan angiven enhet)"


def test_a_member_that_is_no_enhet_is_refused_with_file_and_line(tmp_path: Path) -> None:
    root = portal(tmp_path)
    config = root / "reports" / "config.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("ekonomiskt-bistand]", "ekonomiskt-bistnd, ifo]"), "utf-8")
    assert errors(root) == [
        'reports/config.yml:10 – fältet "enhetsgrupper › ifo-mottagning › enheter": '
        '"ekonomiskt-bistnd" finns inte bland enheterna i roles/organisation.yml. Skriv id:t '
        "för en enhet, t.ex. barn-och-unga, eller lägg till enheten i roles/organisation.yml.",
        'reports/config.yml:10 – fältet "enhetsgrupper › ifo-mottagning › enheter": '
        '"ifo" är en avdelning i roles/organisation.yml, inte en enhet. Skriv id:t '
        "för en enhet, t.ex. barn-och-unga, eller lägg till enheten i roles/organisation.yml.",
    ]


def test_a_row_may_not_name_a_group_before_its_first_year(tmp_path: Path) -> None:
    root = portal(tmp_path)
    config = root / "reports" / "config.yml"
    config.write_text(config.read_text("utf-8").replace("från_år: 2025", "från_år: 2026"), "utf-8")
    found = errors(root)
    assert len(found) == 2
    assert all('"ifo-mottagning"' in e and "reports/2025/" in e for e in found)


def test_a_group_over_two_avdelningar_makes_each_a_lower_bound(tmp_path: Path) -> None:
    root = portal(tmp_path)
    config = root / "reports" / "config.yml"
    text = config.read_text(encoding="utf-8").replace("ekonomiskt-bistand]", "hemtjanst-norr]")
    config.write_text(text, encoding="utf-8")
    reports = load_ledningssystem(root).reports
    assert reports is not None
    figures = reports.figures
    # klagomål: 2 rows on the group; barn-och-unga (4) is ifo's, ekonomiskt-bistand (3) too.
    assert figure_text(figures, 2025, "klagomal.avdelning.ifo") == (
        "minst 7 (2 utan angiven avdelning)"
    )
    assert figure_text(figures, 2025, "klagomal.avdelning.aldreomsorg") == (
        "minst 5 (2 utan angiven avdelning)"
    )
    assert figure_text(figures, 2025, "klagomal.grupp.ifo-mottagning") == "11"
    assert figures[2025]["klagomal.total"].value == 14
