"""No false figure from a default (issue 10): an unknown anmälan or date is never "nej" or 0.

tests/fixtures/utan-uppgift: 2024's lex Sarah export has no anmäld_ivo column, its lex Maria
file one empty cell and one okänt; one lex Sarah utredning ended on an unknown date with a
bedömning and one without; an anmälda_imy cell is empty. 2023 has a klagomål row of unknown
antal, so the trend of klagomål shows a lower bound for 2023. Each test reads the page, the
PDF and nyckeltal.json; the last two load a fastställd 2025 without its lex Maria file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from ledningssystem.portal.load import load_content
from tests.conftest import REPO, build_site, copy_example, soup
from tests.test_report_real import read_year, row

FIXTURE = REPO / "tests" / "fixtures" / "utan-uppgift" / "reports"
YEARS = (2022, 2023, 2024, 2025)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture built once with PDFs, drafts included."""
    root = copy_example(tmp_path_factory.mktemp("utan-uppgift"))
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    return build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja", "LEDNINGSSYSTEM_UTKAST": "ja"})


@pytest.fixture(scope="module")
def years(site: Path) -> dict[int, dict[str, Any]]:
    """The years 2024 and 2025: article, page text, PDF text and nyckeltal.json."""
    return {year: read_year(site / "kvalitetsberattelse" / str(year)) for year in YEARS}


def test_no_anmald_ivo_column_is_unknown_never_nej(years: dict[int, dict[str, Any]]) -> None:
    before = years[2024]
    assert row(before, "Lex Sarah 2024", "Anmälda till IVO")[1:3] == [
        "uppgift saknas för 4",
        "1",
    ]
    sarah = before["json"]["lex-sarah.anmalda-ivo"]
    assert (sarah["värde"], sarah["uppgift_saknas"], sarah["förändring"]) == (None, 4, None)
    assert "Anmälda till IVO uppgift saknas för 4 1" in before["pdf"]
    assert "Anmälda till IVO 0" not in before["page"] + before["pdf"]


def test_an_empty_or_okant_anmald_ivo_is_a_lower_bound(years: dict[int, dict[str, Any]]) -> None:
    before = years[2024]
    assert row(before, "Lex Maria 2024", "Anmälda till IVO")[1:4] == [
        "1 (uppgift saknas för 2)",
        "1",
        "",  # a lower bound is no base for a change
    ]
    maria = before["json"]["lex-maria.anmalda-ivo"]
    assert (maria["värde"], maria["uppgift_saknas"], maria["förändring"]) == (1, 2, None)
    events = [
        row(before, "Utredda händelser enligt lex Maria", i)[-1] for i in ("lm-24-2", "lm-24-3")
    ]
    assert events == ["Uppgift saknas", "Uppgift saknas"]
    assert "Anmälda till IVO 1 (uppgift saknas för 2)" in before["pdf"]


def test_no_change_against_an_unknown_anmalan(years: dict[int, dict[str, Any]]) -> None:
    after = years[2025]
    sarah = after["json"]["lex-sarah.anmalda-ivo"]
    assert (sarah["värde"], sarah["föregående_värde"], sarah["förändring"]) == (1, None, None)
    assert row(after, "Lex Sarah 2025", "Anmälda till IVO")[1:] == ["1", "–", ""]
    key = after["article"].find("li", attrs={"data-figur": "lex-sarah.anmalda-ivo"})
    assert "jämfört med" not in key.get_text()


def test_utredning_avslutad_okant_is_ended_on_an_unknown_date(
    years: dict[int, dict[str, Any]],
) -> None:
    figures = years[2024]["json"]
    # ls-24-2 (bedömning, date okänt) is avslutad; ls-24-3 (no bedömning, date okänt) is
    # avslutad utan registrerad bedömning; only ls-24-4 (no date at all) is pågående.
    counts = {
        name: figures[f"lex-sarah.{name}"]["värde"]
        for name in ("avslutade", "avslutade-utan-bedomning", "pagaende")
    }
    assert counts == {"avslutade": 2, "avslutade-utan-bedomning": 1, "pagaende": 1}
    median = figures["lex-sarah.utredningstid-median"]
    assert (median["värde"], median["uppgift_saknas"]) == (29, 2)


def test_a_trend_prints_a_lower_bound_as_the_years_table_does(
    years: dict[int, dict[str, Any]],
) -> None:
    for year in (2024, 2025):
        built = years[year]
        caption = "Klagomål och synpunkter per år (tabell)"
        assert row(built, caption, "2023") == ["2023", "4 (uppgift saknas för 1)"]
        assert row(built, caption, "2022") == ["2022", "5"]
        assert "2023 4 (uppgift saknas för 1)" in built["pdf"]
    assert years[2024]["json"]["klagomal.total"]["föregående_värde"] is None


# 2025 fastställd; its other missing files declined, so only lex-maria is at stake.
APPROVED = (
    "status: fastställd\nfastställd: {datum: 2026-02-20, av: Socialnämnden, paragraf: § 12,"
    " dnr: SN 2026/0012}\ningen_data: [atgarder, avvikelser, egenkontroller,"
    " ej-verkstallda-beslut, granskningar, indikatorer, personuppgiftsincidenter, riskanalys"
)


def _approved_without_maria(tmp_path: Path, declined: str) -> tuple[Any, list[str]]:
    root = copy_example(tmp_path / "portal")
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    report = root / "reports" / "2025" / "report.yml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("status: utkast\n", APPROVED + declined + "]\n"), "utf-8")
    (root / "reports" / "2025" / "lex-maria.yml").unlink()
    content, errors = load_content(root)
    return content, [e.format() for e in errors if "filen saknas" in e.format()]


def test_a_faststalld_year_without_a_shown_file_is_refused(tmp_path: Path) -> None:
    _, errors = _approved_without_maria(tmp_path, "")
    assert errors == [
        'reports/2025/lex-maria.csv: filen saknas: avsnittet "lex-maria" visar lex-maria, och'
        " 2025 är fastställd. Skriv årets rader i lex-maria.csv eller lex-maria.yml, eller skriv"
        " ingen_data: [lex-maria] i report.yml om året inte har uppgiften."
    ]


def test_ingen_data_declines_a_file_and_no_figure_is_zero(tmp_path: Path) -> None:
    content, errors = _approved_without_maria(tmp_path, ", lex-maria")
    assert errors == []
    figures = content.reports.figures[2025]
    assert not [f.name for f in figures if f.name.startswith("lex-maria.")]


def test_an_empty_anmalda_imy_cell_is_unknown_never_zero(years: dict[int, dict[str, Any]]) -> None:
    before = years[2024]
    imy = before["json"]["personuppgiftsincidenter.anmalda-imy"]
    assert (imy["värde"], imy["uppgift_saknas"]) == (1, 1)
    assert row(before, "Personuppgiftsincidenter 2024", "Summa")[1:] == [
        "5",
        "1 (uppgift saknas för 1)",
    ]
    assert "Summa 5 1 (uppgift saknas för 1)" in before["pdf"]


def test_the_index_trend_prints_a_lower_bound(site: Path) -> None:
    index = soup(site / "kvalitetsberattelse" / "index.html").find("article")
    table = next(
        t for t in index.find_all("table") if t.caption and "Nyckeltal år för år" in t.caption.text
    )
    rows = {
        tr.find(["th", "td"]).get_text(strip=True): [
            c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])
        ]
        for tr in table.select("tbody tr")
    }
    assert rows["Lex Maria-anmälningar till IVO"][1:] == ["–", "1", "1 (uppgift saknas för 2)", "1"]


def test_a_draft_without_a_file_has_no_figure_of_it(years: dict[int, dict[str, Any]]) -> None:
    # 2022 has no lex-maria file: no figure at all (never 0), and 2023 compares with nothing.
    draft = years[2022]
    assert not [name for name in draft["json"] if name.startswith("lex-maria.")]
    assert "Inga uppgifter om lex Maria finns för året." in draft["page"]
    assert "Datafiler som saknas" in draft["page"]
    assert "reports/2022/lex-maria.yml" in draft["page"]
    after = years[2023]["json"]["lex-maria.utredningar"]
    assert (after["värde"], after["föregående_värde"], after["förändring"]) == (1, None, None)
