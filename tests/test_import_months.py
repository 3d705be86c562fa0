"""Import takes dates known only to the month (issue 10): written ÅÅÅÅ-MM, never a day.

The sample exports in tests/fixtures/import-manad write months the ways case systems do
(2025-03, 2025-3, 6/2025, maj 2025, Okt. 2025) and a Word dash in a day (2025–09–01).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from ledningssystem.report.importer.dates import read_date
from ledningssystem.report.importer.reading import read_table
from ledningssystem.report.month_date import MonthDate
from tests.conftest import REPO, copy_example_before_import, run_cli
from tests.test_import_fields import run_import, without_note

FIXTURES = REPO / "tests" / "fixtures" / "import-manad"
MAPPINGS = REPO / "reports" / "mappningar"

SARAH = """\
utredningar:
  - {id: ls-m-2, enhet: hemtjanst-soder, kategori: utforande, inkom: 2025-03, \
utredning_påbörjad: 2025-03, utredning_avslutad: 2025-04, bedömning: missforhallande, \
anmäld_ivo: nej}
  - {id: ls-m-3, enhet: barn-och-unga, kategori: rattssakerhet, inkom: 2025-05, \
utredning_avslutad: 2025-06, bedömning: pataglig-risk-for-allvarligt-missforhallande, \
anmäld_ivo: ja, anmäld_ivo_datum: 2025-06, ivo_beslut: pågår}
  - {id: ls-m-4, enhet: vuxen, kategori: rattssakerhet, inkom: 2025-09-01, \
utredning_avslutad: 2025-10, bedömning: ej-missforhallande, anmäld_ivo: nej}
"""
UNENFORCED = """\
id;enhet;lagrum;insats;kön;beslutsdatum;orsak;verkställt;kvartal
EVB-M-01;sarskilt-boende;sol;Särskilt boende;kvinna;2024-11;Ingen ledig plats;2025-03;2025-Q1
EVB-M-02;gruppbostader;lss;Bostad med särskild service för vuxna;man;2025-07;\
Ingen ledig lägenhet;2025-12;2025-Q4
"""


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    return copy_example_before_import(tmp_path / "portal")


def _import(root: Path, kind: str, export: str, mapping: str) -> str:
    args = ["import", kind, str(FIXTURES / export), "--year", "2025", "--force"]
    result = run_cli(root, *args, "--mapping", str(MAPPINGS / mapping))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_months_are_written_as_months_and_check_accepts_them(portal: Path) -> None:
    export = "treserva-lex-sarah-manad-2025.csv"
    out = _import(portal, "lex-sarah", export, "treserva-lex-sarah-diarium.yml")
    # Registrerad 2024-12 is a month of 2024: the year filter reads months too.
    assert "datumet ligger inte i 2025: rad 2" in out and "Räknade 3 rader" in out
    sarah = (portal / "reports" / "2025" / "lex-sarah.yml").read_text(encoding="utf-8")
    assert without_note(sarah) == SARAH
    _import(
        portal,
        "ej-verkstallda-beslut",
        "procapita-ej-verkstallda-manad-2025.csv",
        "procapita-ej-verkstallda-beslut.yml",
    )
    unenforced = portal / "reports" / "2025" / "ej-verkstallda-beslut.csv"
    assert unenforced.read_text(encoding="utf-8") == UNENFORCED
    for text in (sarah, UNENFORCED):  # a month is never given an invented first day
        assert not re.search(r"20\d\d-\d\d-01\b", text.replace("2025-09-01", ""))
    result = run_cli(portal, "check")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2022-03", MonthDate(2022, 3)),
        ("2022-3", MonthDate(2022, 3)),
        ("2022/03", MonthDate(2022, 3)),
        ("3/2022", MonthDate(2022, 3)),
        ("03.2022", MonthDate(2022, 3)),
        ("mars 2022", MonthDate(2022, 3)),
        ("Mars  2022", MonthDate(2022, 3)),
        ("mar. 2022", MonthDate(2022, 3)),
        ("sept 2022", MonthDate(2022, 9)),
        ("maj 2022", MonthDate(2022, 5)),
        ("2022–03", MonthDate(2022, 3)),  # a Word dash
        ("14 mars 2022", dt.date(2022, 3, 14)),
        ("2022—03—14", dt.date(2022, 3, 14)),
        ("2022-03-14 08:15", dt.date(2022, 3, 14)),
        ("14/03/2022", dt.date(2022, 3, 14)),
        ("2022-13", None),
        ("13/2022", None),
        ("march 2022", None),  # Swedish month names only
        ("mar 22", None),  # a two-digit year is not read
        ("2022", None),
        ("2022-02-30", None),
        ("45730", None),
    ],
)
def test_the_forms_a_month_or_day_is_read_in(cell: str, expected: dt.date | None) -> None:
    found = read_date(cell)
    assert found == expected
    assert type(found) is type(expected)  # a MonthDate stays a month, a day a day


def test_unreadable_months_and_excel_serials_say_how_to_fix_them(portal: Path) -> None:
    header = "id;enhet;inkom;utredning_avslutad;anmäld_ivo;datum"
    rows = [
        header,
        "lm-1;hemsjukvard;march 2025;2025-13;nej;2025-02",
        "lm-2;hemsjukvard;45730;45800;nej;2025-02",
        "lm-3;hemsjukvard;45731;2025-05;nej;45731",
        "lm-4;hemsjukvard;2025-04;2025-05;nej;13/2025",
    ]
    code, output, _ = run_import(portal, "lex-maria", rows)
    assert code == 1
    lines = [line.strip() for line in output.splitlines() if "export.csv" in line]
    serial = (
        "datumet är ett tal, troligen ett datum ur Excel som inte formaterats som datum{}. "
        "Formatera kolumnen som datum (ÅÅÅÅ-MM-DD) i Excel och exportera igen (talet {} är {} "
        "i Excels vanliga datumsystem)."
    )
    unreadable = (
        "datumet går inte att läsa. Skriv ÅÅÅÅ-MM-DD eller DD/MM/ÅÅÅÅ, ÅÅÅÅ-MM om bara "
        "månaden är känd (t.ex. 2025-03 eller mars 2025){}."
    )
    assert lines == [
        'export.csv:2 – fältet "inkom": ' + unreadable.format(", eller okänt"),
        'export.csv:2 – fältet "utredning_avslutad": ' + unreadable.format(", eller okänt"),
        'export.csv:3 – fältet "inkom": '
        + serial.format(" (och på 1 rad till)", 45730, "2025-03-14"),
        'export.csv:3 – fältet "utredning_avslutad": ' + serial.format("", 45800, "2025-05-23"),
        # The datum column decides the year a row is counted in: okänt is no answer there.
        'export.csv:4 – fältet "datum": ' + serial.format("", 45731, "2025-03-15"),
        'export.csv:5 – fältet "datum": ' + unreadable.format(""),
    ]


def test_an_excel_cell_formatted_as_a_month_is_a_month(tmp_path: Path) -> None:
    """Excel keeps "mar-25" as 2025-03-01 with a format that shows no day: it is read as
    2025-03, while a cell formatted with its day keeps the day."""
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "enhet", "inkom", "utredning_avslutad"])
    sheet.append(["lm-1", "hemsjukvard", dt.datetime(2025, 3, 1), dt.datetime(2025, 4, 1)])
    sheet.append(["lm-2", "hemsjukvard", dt.datetime(2025, 5, 1), dt.datetime(2025, 6, 1)])
    sheet["C2"].number_format = "mmm-yy"
    sheet["D2"].number_format = "[$-41D]mmmm yyyy;@"
    sheet["C3"].number_format = "yyyy-mm-dd"
    sheet["D3"].number_format = '"den "d mmmm yyyy'
    export = tmp_path / "export.xlsx"
    book.save(export)
    table = read_table(export, "export.xlsx")
    assert [cells[2:] for _, cells in table.rows] == [
        ("2025-03", "2025-04"),
        ("2025-05-01", "2025-06-01"),
    ]
