"""The cells of an export row: dates, counts, the row's context and its problems grouped."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ledningssystem.core.errors import ContentError
from ledningssystem.report.importer.dates import date_problem, read_date
from ledningssystem.report.unknown import is_unknown

_WHOLE = re.compile(r"^(\d+)(?:,0+)?$")


class Problems:
    """Errors grouped by (column, message) so that 500 rows with one typo give one error.

    The hint is the first row's: it may name that row's value (an Excel serial's date).
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.first: dict[tuple[str, str], tuple[int, str]] = {}
        # Rows, not additions: one column mapped to two fields (datum and inkom) is one row.
        self.rows: dict[tuple[str, str], set[int]] = defaultdict(set)

    def add(self, row: int, column: str, message: str, hint: str = "") -> None:
        key = (column, message)
        self.first.setdefault(key, (row, hint))
        self.rows[key].add(row)

    def errors(self) -> list[ContentError]:
        found = []
        for (column, message), (row, hint) in self.first.items():
            more = len(self.rows[(column, message)]) - 1
            extra = f" (och på {more} {'rad' if more == 1 else 'rader'} till)" if more else ""
            found.append(ContentError(self.file, row, column, message + extra, hint))
        return found


@dataclass(frozen=True)
class RowContext:
    """The row being converted: its number, its cells by column (for conditions), problems."""

    number: int
    cells: dict[str, str]
    problems: Problems


def date_cell(value: str, column: str, row: int, problems: Problems) -> str:
    """ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM for a month alone, "" for an empty cell, okänt for an explicit
    unknown (never a placeholder day)."""
    if not value.strip():
        return ""
    if is_unknown(value):
        return "okänt"
    date = read_date(value)
    if date is None:
        problems.add(row, column, *date_problem(value))
        return ""
    return date.isoformat()  # a MonthDate's is ÅÅÅÅ-MM


def count_cell(value: str, column: str, row: int, problems: Problems) -> int:
    text = value.replace("\u00a0", "").replace(" ", "")
    if not text:
        return 1
    match = _WHOLE.match(text)
    if match is None:
        problems.add(row, column, f'antalet "{value}" är inget heltal', "Skriv t.ex. 3.")
        return 0
    return int(match[1])
