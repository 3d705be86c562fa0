"""`make import` with what a tired author's export holds (issue 10, import polish).

Each export in tests/fixtures/hostile/import is a Treserva-like lex Maria list gone wrong
the way real ones do: HTML pasted into a description, a NUL from a broken export, rows
with another delimiter, Excel's UTF-16 text, invisible characters, free text that YAML
would misread, Word dashes and Excel serials in dates, a personnummer. Each gives the
data or a Swedish message with file, line and fix; never a traceback, and a personnummer
is never written or shown.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ledningssystem.core.privacy import contains_personal_number
from ledningssystem.core.yaml_lines import parse_yaml
from ledningssystem.report.importer.dates import read_date
from ledningssystem.report.importer.mapping import ImportKind
from ledningssystem.report.importer.writing import data_text
from ledningssystem.report.month_date import MonthDate
from tests.conftest import REPO, copy_example, run_cli

FIXTURES = REPO / "tests" / "fixtures" / "hostile" / "import"
MAPPING = str(REPO / "reports" / "mappningar" / "treserva-lex-maria.yml")


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("hostile") / "portal")


def imported(portal: Path, name: str) -> tuple[int, str, str]:
    """(exit code, stdout + stderr, the written lex-maria.yml) for the fixture `name`."""
    target = portal / "reports" / "2025" / "lex-maria.yml"
    target.write_text("händelser: []\n", encoding="utf-8")
    shutil.copy(FIXTURES / name, portal / "export.csv")
    args = ["import", "lex-maria", "export.csv", "--year", "2025", "--force"]
    result = run_cli(portal, *args, "--mapping", MAPPING)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return result.returncode, output, target.read_text(encoding="utf-8")


def errors(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.startswith("  export.csv")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "html-cell.csv",
            'export.csv:2 – fältet "Kort beskrivning": cellen innehåller HTML-kod ("<b>"). Ta '
            "bort märkningen i exporten (klistra in texten utan formatering) och importera igen; "
            "berättelsens data är vanlig text.",
        ),
        (
            "control-character.csv",
            'export.csv:2 – fältet "Kort beskrivning": cellen har ett styrtecken (U+0000) (och '
            "på 1 rad till). Ta bort tecknet i exporten (det följer ofta med från ett kopierat "
            "fält eller en trasig export) och importera igen.",
        ),
        (
            "mixed-delimiters.csv",
            "export.csv:3: raden har komma mellan värdena, men rubrikraden har en annan "
            "avgränsare. Spara om exporten så att alla rader har samma avgränsare som "
            "rubrikraden.",
        ),
        (
            # Inkom is both datum and inkom in the mapping: rows 3 and 4, not four additions.
            "word-dashes-and-serials.csv",
            'export.csv:3 – fältet "Inkom": datumet är ett tal, troligen ett datum ur Excel som '
            "inte formaterats som datum (och på 1 rad till). Formatera kolumnen som datum "
            "(ÅÅÅÅ-MM-DD) i Excel och exportera igen (talet 45702 är 2025-02-14 i Excels "
            "vanliga datumsystem).",
        ),
    ],
)
def test_a_bad_cell_is_one_error_with_its_line_and_nothing_is_written(
    portal: Path, name: str, expected: str
) -> None:
    code, output, written = imported(portal, name)
    assert code == 1
    assert errors(output) == [expected]
    assert written == "händelser: []\n"


def test_a_personnummer_stops_the_import_and_is_never_shown(portal: Path) -> None:
    code, output, written = imported(portal, "personnummer-cell.csv")
    assert code == 1
    private = (
        "cellen innehåller något som ser ut som ett personnummer eller samordningsnummer; inget "
        "har skrivits. Ta bort personuppgifterna ur exporten (eller hela kolumnen) och "
        "importera igen."
    )
    assert errors(output) == [
        f'export.csv:3 – fältet "Kort beskrivning": {private}',
        f'export.csv:4 – fältet "Inkom": {private}',
    ]
    assert not contains_personal_number(output) and "1212" not in output
    assert written == "händelser: []\n"


@pytest.mark.parametrize("name", ["utf16-tab.csv", "invisible-characters.csv"])
def test_utf16_text_and_invisible_characters_are_read(portal: Path, name: str) -> None:
    """Excel's "Unicode-text" (UTF-16, tabs); a byte order mark on a row and a non-breaking or
    zero-width space in "HSE Hemsjukvård", which the mapping names with a plain space."""
    code, output, written = imported(portal, name)
    assert code == 0, output
    assert written.endswith(
        "händelser:\n  - {id: LM-1, enhet: hemsjukvard, händelse: Fall, inkom: 2025-02-14, "
        "utredning_avslutad: 2025-04-02, anmäld_ivo: ja}\n"
    )


def test_free_text_yaml_would_misread_is_written_in_quotes(portal: Path) -> None:
    code, output, written = imported(portal, "yaml-special-text.csv")
    assert code == 0, output
    data, _ = parse_yaml(written)
    assert [event["händelse"] for event in data["händelser"]] == [
        'Fall, svår: höger {höft} # se "journal"',
        "Två\nrader",
        "[x]",
        "123",
        "yes",
    ]
    assert run_cli(portal, "check").returncode == 0


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40))
def test_any_free_text_is_written_so_that_it_reads_back(text: str) -> None:
    """Whatever an export's free text is (control characters are refused when it is read),
    the YAML data file gives back exactly that text (cells are read stripped; an empty
    one is left out of the file)."""
    text = text.strip()
    assume(text)
    row = {"id": "LM-1", "enhet": "hemsjukvard", "händelse": text}
    data, _ = parse_yaml(data_text(ImportKind.MARIA, [row], ".yml"))
    assert data["händelser"][0]["händelse"] == text


@given(st.text(alphabet="0123456789-/. –majrsokt", max_size=14))
def test_a_date_cell_is_a_day_a_month_or_none(cell: str) -> None:
    found = read_date(cell)
    assert found is None or isinstance(found, dt.date)
    if isinstance(found, MonthDate):
        assert re.fullmatch(r"\d{4}-\d{2}", found.isoformat())


@pytest.mark.parametrize(
    "typed", ["19121212 - 1212", "1912-12-12-1212", "121212 – 1212", "19121212\u00a0-\u00a01212"]
)
def test_a_personnummer_typed_with_spaces_or_dashes_stops_the_import(
    portal: Path, typed: str
) -> None:
    export = (FIXTURES / "html-cell.csv").read_text(encoding="utf-8").splitlines()[0]
    (portal / "export.csv").write_text(
        f"{export}\nLM-1;2025-02-14;HSE Hemsjukvård;Gäller {typed};2025-04-02;Anmäld;Skickad\n",
        encoding="utf-8",
    )
    args = ["import", "lex-maria", "export.csv", "--year", "2025", "--force"]
    result = run_cli(portal, *args, "--mapping", MAPPING)
    assert result.returncode == 1
    assert errors(result.stderr) == [
        'export.csv:2 – fältet "Kort beskrivning": cellen innehåller något som ser ut som ett '
        "personnummer eller samordningsnummer; inget har skrivits. Ta bort personuppgifterna ur "
        "exporten (eller hela kolumnen) och importera igen."
    ]
    assert "1212" not in result.stdout + result.stderr
