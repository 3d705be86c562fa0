"""A column absent from a year's file is unknown for that year, never zero (issue 10).

tests/fixtures/utan-kolumn: the 2024 export has no `slag`, `allvarlighetsgrad` or
`anmälda_imy` column, and avvikelser with typ okänt; 2025 has the columns (one row
with an empty allvarlighetsgrad). Each test
finds "uppgift saknas" (null in nyckeltal.json) on the page, in the PDF and in the open
data for 2024, and no change against an unknown figure for 2025.
"""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from tests.conftest import REPO, build_site, copy_example
from tests.test_report_pivots import column_sums
from tests.test_report_real import read_year, row

FIXTURE = REPO / "tests" / "fixtures" / "utan-kolumn" / "reports"
KINDS = ("Klagomål", "Synpunkt", "Förslag", "Beröm")


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, Any]]:
    """Both fixture years built once with their PDFs."""
    root = copy_example(tmp_path_factory.mktemp("utan-kolumn"))
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    site = build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja", "LEDNINGSSYSTEM_UTKAST": "ja"})
    return {year: read_year(site / "kvalitetsberattelse" / str(year)) for year in (2024, 2025)}


def test_a_year_without_slag_prints_uppgift_saknas_for_each_kind(
    years: dict[int, dict[str, Any]],
) -> None:
    before = years[2024]
    for kind in KINDS:
        assert row(before, "Synpunkter per slag", kind)[1] == "uppgift saknas"
    assert row(before, "Synpunkter per slag", "Uppgift saknas")[1] == "5"
    for kind in ("klagomal", "synpunkt", "forslag", "berom"):
        figure = before["json"][f"klagomal.slag.{kind}"]
        assert (figure["värde"], figure["uppgift_saknas"]) == (None, 5)
    assert before["json"]["klagomal.total"]["värde"] == 5  # the total stays the total
    assert "Synpunkt uppgift saknas Förslag uppgift saknas" in before["pdf"]
    assert "Synpunkt 0" not in before["page"] and "Synpunkt 0" not in before["pdf"]


def test_no_change_against_an_unknown_kind(years: dict[int, dict[str, Any]]) -> None:
    after = years[2025]
    # No year has a known kind before 2025: no column for 2024, no change.
    assert row(after, "Synpunkter per slag", "Synpunkt") == ["Synpunkt", "2"]
    synpunkt = after["json"]["klagomal.slag.synpunkt"]
    assert (synpunkt["föregående_värde"], synpunkt["förändring"]) == (None, None)
    assert synpunkt["förändring_procent"] is None
    key = after["article"].find("li", attrs={"data-figur": "klagomal.slag.synpunkt"})
    assert key.get_text() == "2 synpunkter – Synpunkt"  # not "…, från 0 till 2 jämfört med 2024"
    assert "2 synpunkter – Synpunkt Personuppgiftsincidenter anmälda" in after["pdf"]
    assert after["json"]["klagomal.total"]["förändring"] == 3  # both totals are known


def test_an_absent_anmalda_imy_column_is_unknown(years: dict[int, dict[str, Any]]) -> None:
    before, after = years[2024], years[2025]
    assert row(before, "Personuppgiftsincidenter 2024", "Summa")[1:] == [
        "3",
        "uppgift saknas för 1",
    ]
    assert before["json"]["personuppgiftsincidenter.anmalda-imy"]["värde"] is None
    assert "Summa 3 uppgift saknas för 1" in before["pdf"]
    imy = after["json"]["personuppgiftsincidenter.anmalda-imy"]
    assert (imy["värde"], imy["föregående_värde"], imy["förändring"]) == (1, None, None)


def test_grades_only_where_the_column_is(years: dict[int, dict[str, Any]]) -> None:
    before, after = years[2024], years[2025]
    assert not [n for n in before["json"] if n.startswith("avvikelser.allvarlighetsgrad")]
    assert "Avvikelser per allvarlighetsgrad" not in before["page"]
    # Where the column is kept, a row with an empty cell is of unknown grade: every grade's
    # figure is then a lower bound, and the table counts the row once, in its unknown row.
    assert row(after, "Avvikelser per allvarlighetsgrad", "Låg") == ["Låg", "7"]
    assert row(after, "Avvikelser per allvarlighetsgrad", "Hög") == ["Hög", "0"]
    assert row(after, "Avvikelser per allvarlighetsgrad", "Uppgift saknas") == [
        "Uppgift saknas",
        "1",
    ]
    high = after["json"]["avvikelser.allvarlighetsgrad.hog"]
    assert (high["värde"], high["uppgift_saknas"]) == (None, 1)


def test_avvikelser_of_unknown_typ_have_their_own_row(years: dict[int, dict[str, Any]]) -> None:
    before = years[2024]
    label = "Avvikelser av okänd typ (uppgift saknas)"
    cells = row(before, "Avvikelser på individnivå 2024", label)[1:]
    assert cells == ["3", "3", "2", "100,0 % (3 av 3)"]
    assert before["json"]["avvikelser.uppgift-saknas.total"]["värde"] == 3
    caption = f"{label} 2024 per enhet och kategori"
    assert row(before, caption, "Hemtjänst Norr")[-1] == "2"
    assert row(before, caption, "Summa")[-1] == "3"
    table = next(
        t for t in before["article"].find_all("table") if t.caption and caption in t.caption.text
    )
    foot, sums = column_sums(table)
    assert foot[1:] == sums[1:]
    kinds = [
        before["json"][f"avvikelser.{k}.total"]["värde"]
        for k in ("sol", "lss", "hsl", "organisatorisk", "uppgift-saknas")
        if f"avvikelser.{k}.total" in before["json"]
    ]
    assert sum(kinds) == before["json"]["avvikelser.total"]["värde"] == 10
    assert f"{label} 3" in before["pdf"]


def test_an_unknown_taljare_is_a_figure(years: dict[int, dict[str, Any]]) -> None:
    after = years[2025]["json"]
    assert after["indikatorer.svarsfrekvens.taljare"]["värde"] is None
    assert after["indikatorer.svarsfrekvens.taljare"]["förändring"] is None
    assert after["indikatorer.svarsfrekvens.namnare"]["värde"] == 600
    assert years[2024]["json"]["indikatorer.svarsfrekvens.taljare"]["värde"] == 300
    share = after["indikatorer.svarsfrekvens"]
    assert (share["värde"], share["förändring"], share["utveckling"]) == (None, None, None)
    cells = row(years[2025], "Indikatorer 2025", "Svarsfrekvens i brukarundersökningen")
    # No change and no development against an unknown: the columns left are value and 2024.
    assert cells[1:] == ["uppgift saknas", "50 %"]
    assert "procentenheter" not in " ".join(cells)


def test_unknown_source_category_and_parts_are_no_zeros(years: dict[int, dict[str, Any]]) -> None:
    """2025 has a klagomål of unknown source and category, and LSS avvikelser of unknown
    category and parts: every source, category and part is a lower bound, never a 0."""
    after = years[2025]
    figures = after["json"]
    for name, value in (
        ("klagomal.fran.brukare", 5),
        ("klagomal.fran.invanare", None),
        ("klagomal.kategori.bemotande", 1),
        ("klagomal.kategori.handlaggning", None),
        ("avvikelser.lss.kategori.handlaggning", None),
        ("avvikelser.lss.utredda", None),
    ):
        assert (figures[name]["värde"], figures[name]["uppgift_saknas"]) == (
            value,
            1 + 1 * (name.startswith("avvikelser")),
        ), name
    assert row(after, "Klagomål per kategori", "Handläggning")[:2] == ["Handläggning", "0"]
    assert row(after, "Klagomål per kategori", "Uppgift saknas")[:2] == ["Uppgift saknas", "1"]
    # 2024 had no LSS avvikelse at all: a kind not had then has no 0 to compare with.
    assert row(after, "Avvikelser på individnivå 2025", "Avvikelser enligt LSS")[1:] == [
        "2",
        "–",
        "",
        "uppgift saknas för 2",
        "uppgift saknas för 2",
        "uppgift saknas",
    ]
    assert "0 (uppgift saknas för 2)" not in after["page"]
    assert "Handläggning 0" in after["pdf"]
