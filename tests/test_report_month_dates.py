"""Dates known only to the month (issue 10): tests/fixtures/manad, end to end.

Real reports give some dates only to the month ("inkom i maj 2025"). The fixture's
lex Sarah and lex Maria rows write them ÅÅÅÅ-MM: the page and the PDF print
"september 2025", a duration that needs the day is counted under uppgift saknas
(never from a guessed day), and an order check compares months.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from ledningssystem.portal.load import load_content
from ledningssystem.report.model import MariaRow
from ledningssystem.report.month_date import MonthDate
from tests.conftest import REPO, build_site, copy_example
from tests.test_report_real import read_year, row

FIXTURE = REPO / "tests" / "fixtures" / "manad" / "reports"
MARIA_CSV = "id;enhet;inkom;utredning_avslutad;anmäld_ivo\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The fixture built once with its PDF: page, PDF text and nyckeltal.json."""
    root = copy_example(tmp_path_factory.mktemp("manad"))
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    return read_year(root / "site" / "kvalitetsberattelse" / "2025")


def test_a_month_date_prints_as_the_month(built: dict[str, Any]) -> None:
    assert row(built, "Utredda händelser enligt lex Maria", "lm-1")[3] == "september 2025"
    assert row(built, "Utredda händelser enligt lex Maria", "lm-2")[3] == "2025-04-21"
    assert "september 2025" in built["pdf"]
    # The first of the month is never printed as if it were the known day.
    for placeholder in ("2025-09-01", "2025-05-01", "2025-08-01", "2025-03-01 "):
        assert placeholder not in built["page"] and placeholder not in built["pdf"]


def test_a_duration_from_a_month_is_unknown(built: dict[str, Any]) -> None:
    figures = built["json"]
    maria = figures["lex-maria.utredningstid-median"]
    assert (maria["värde"], maria["uppgift_saknas"]) == (20, 1)
    within = figures["lex-maria.inom-mal"]
    assert (within["värde"], within["uppgift_saknas"]) == (1, 1)
    assert figures["lex-maria.andel-inom-mal"]["värde"] is None  # never 50 % or 100 %
    sarah = figures["lex-sarah.utredningstid-median"]
    assert (sarah["värde"], sarah["uppgift_saknas"]) == (28, 2)
    assert figures["lex-sarah.utredningar"]["värde"] == 3


def _errors(tmp_path: Path, lines: str) -> list[str]:
    root = copy_example(tmp_path / "portal")
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    year = root / "reports" / "2025"
    (year / "lex-maria.yml").unlink()
    (year / "lex-maria.csv").write_text(MARIA_CSV + lines, encoding="utf-8")
    _, errors = load_content(root)
    return [e.format() for e in errors if "lex-maria" in e.format()]


ACCEPTED = (
    "Skriv ÅÅÅÅ-MM-DD (t.ex. 2023-05-14), ÅÅÅÅ-MM om bara månaden är känd (t.ex. 2023-05) "
    "eller okänt."
)


def test_malformed_month_dates_are_refused_with_the_accepted_forms(tmp_path: Path) -> None:
    errors = _errors(
        tmp_path,
        "lm-1;hemsjukvard;2023-13;2023-12-01;nej\n"
        "lm-2;hemsjukvard;maj 2023;2023-06;nej\n"
        "lm-3;hemsjukvard;2023-05-20;2023-04;nej\n",
    )
    assert errors == [
        f'reports/2025/lex-maria.csv:2 – fältet "inkom": ogiltig månad "2023-13": '
        f"månaden är 01–12. {ACCEPTED}",
        f'reports/2025/lex-maria.csv:3 – fältet "inkom": ogiltigt datum "maj 2023". {ACCEPTED}',
        'reports/2025/lex-maria.csv:4 – fältet "utredning_avslutad": utredning_avslutad '
        "(april 2023) är före inkom (2023-05-20).",
    ]


def test_a_verkstallt_month_before_the_beslut_is_refused(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    data = root / "reports" / "2025" / "ej-verkstallda-beslut.csv"
    text = data.read_text(encoding="utf-8").replace(";2025-12;;2025-Q1", ";2025-02;;2025-Q1")
    data.write_text(text, encoding="utf-8")
    _, errors = load_content(root)
    assert [e.format() for e in errors] == [
        'reports/2025/ej-verkstallda-beslut.csv:4 – fältet "verkställt": verkställt '
        "(februari 2025) är före beslutsdatum (mars 2025)."
    ]


def test_a_month_in_csv_orders_by_month(tmp_path: Path) -> None:
    assert _errors(tmp_path, "lm-1;hemsjukvard;2023-05-20;2023-05;nej\n") == []


def test_ej_verkstallda_beslut_with_month_dates(built: dict[str, Any]) -> None:
    figures = built["json"]
    # EVB-3 verkställt 2025-12: verkställt within the year, never still open at its end.
    assert figures["ej-verkstallda-beslut.verkstallda"]["värde"] == 2
    assert figures["ej-verkstallda-beslut.ej-verkstallda"]["värde"] == 2
    assert figures["ej-verkstallda-beslut.total"]["värde"] == 4


def test_a_month_date_survives_the_parse_cache() -> None:
    """The parse cache pickles parsed rows: a month stays a month, never the first of it."""
    parsed = MariaRow.model_validate(
        {"enhet": "x", "inkom": "2025-03", "utredning_avslutad": "okänt"}
    )
    again = pickle.loads(pickle.dumps(parsed))
    assert again.received == MonthDate(2025, 3) and isinstance(again.received, MonthDate)
    assert str(again.received) == "mars 2025" and again.closed and again.days is None
