"""Personnummer in any form are caught; ordinary numbers are not; the number is never echoed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.core.privacy import personal_number_lines
from tests.conftest import run_cli

# 19811218-9876 and 19121212-1212 have valid check digits; 811278-9874 is their
# samordningsnummer-shaped sibling with a wrong check digit.
PERSONAL = [
    "811218-9876",
    "811218+9876",
    "19811218-9876",
    "8112189876",
    "198112189876",
    "Brukaren (121212-1212) ringde",
    "121272-1219",  # samordningsnummer: day + 60
]
ORDINARY = [
    "2024-03-01",
    "2024-03-01 kl. 10.00",
    "Dnr SN 2024/1234",
    "SN 2023-00123",
    "§ 54",
    "070-123 45 67",
    "tel 0701234567",
    "mobil: 0731234567",
    "811218-9875",
    "811278-9874",
    "123456789012345",
    "Telefon 08-123 456 78",
    "version 2.10",
    "1 234 567",
]


@pytest.mark.parametrize("text", PERSONAL)
def test_personal_numbers_are_found(text: str) -> None:
    assert personal_number_lines(f"första raden\n{text}\n") == [2]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_are_not(text: str) -> None:
    assert personal_number_lines(text) == []


def test_check_names_file_and_line_without_the_number(tiny_root: Path) -> None:
    path = tiny_root / "routines" / "rapportera-avvikelse.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nGäller brukare 19811218-9876.\n", encoding="utf-8"
    )
    (tiny_root / "docs" / "index.md").write_text("# Start\n\n121212-1212\n", encoding="utf-8")
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    assert (
        "routines/rapportera-avvikelse.md:22: raden innehåller något som ser ut som ett "
        "personnummer" in result.stderr
    )
    assert "docs/index.md:3:" in result.stderr
    assert "9876" not in result.stderr and "1212" not in result.stderr


def test_the_quick_pass_over_a_whole_file_misses_no_personnummer() -> None:
    # The whole-file pre-check must never hide a line the line-by-line scan finds.
    lines = [
        "Ingen siffra här.",
        "Dnr 2024-1234 och 2024-05-12.",
        "Klienten 19121212\\-1212 ringde.",  # escaped hyphen, with century
        "tel 0701234567 är ett telefonnummer",
        "Samordningsnummer 701272\u20139807.",
        "811228 9874 står med mellanslag",
    ]
    text = "\n".join(lines)
    expected = [n for n, line in enumerate(lines, 1) if personal_number_lines(line)]
    assert expected == [3, 5, 6]  # escaped, samordningsnummer with en dash, space
    assert personal_number_lines(text) == expected
    assert personal_number_lines("\n".join(lines[:2] + lines[3:4])) == []
