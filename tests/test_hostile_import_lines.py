"""Whole-file problems of a case-system export still name a line the author can open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.report.importer.reading import read_table

FIXTURES = Path(__file__).parent / "fixtures" / "hostile" / "import"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.csv", "export.csv:1: filen är tom. Gör om exporten; den ska ha en rubrikrad."),
        ("header-only.csv", "export.csv:2: filen har inga rader under rubrikraden. "
         "Gör om exporten."),
        ("fake.xlsx", "export.csv:1: filen är inte en Excel-fil (xlsx). Spara om den från Excel."),
    ],
)  # fmt: skip
def test_a_whole_file_problem_names_a_line(name: str, expected: str, tmp_path: Path) -> None:
    export = tmp_path / f"export{Path(name).suffix}"
    shutil.copy(FIXTURES / name, export)
    with pytest.raises(ContentErrors) as caught:
        read_table(export, "export.csv")
    assert [e.format() for e in caught.value.errors] == [expected]
