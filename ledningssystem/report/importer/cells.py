"""The cells of an export row: dates, counts, the row's context and its problems grouped."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from ledningssystem.core.errors import ContentError
from ledningssystem.report.unknown import is_unknown

_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")
_WHOLE = re.compile(r"^(\d+)(?:,0+)?$")


class Problems:
    """Errors grouped by (column, message) so that 500 rows with one typo give one error."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.first: dict[tuple[str, str, str], int] = {}
        self.count: Counter[tuple[str, str, str]] = Counter()

    def add(self, row: int, column: str, message: str, hint: str = "") -> None:
        key = (column, message, hint)
        self.first.setdefault(key, row)
        self.count[key] += 1

    def errors(self) -> list[ContentError]:
        found = []
        for (column, message, hint), row in self.first.items():
            more = self.count[(column, message, hint)] - 1
            extra = f" (och på {more} rader till)" if more else ""
            found.append(ContentError(self.file, row, column, message + extra, hint))
        return found


def parse_date(value: str) -> dt.date | None:
    """YYYY-MM-DD (with or without a time) or DD/MM/YYYY; None when it is neither."""
    text = value.strip()
    try:
        if match := _YMD.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DMY.match(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class RowContext:
    """The row being converted: its number, its cells by column (for conditions), problems."""

    number: int
    cells: dict[str, str]
    problems: Problems


def date_cell(value: str, column: str, row: int, problems: Problems) -> str:
    """ÅÅÅÅ-MM-DD, "" for an empty cell, okänt for an explicit unknown (never a placeholder)."""
    if not value.strip():
        return ""
    if is_unknown(value):
        return "okänt"
    date = parse_date(value)
    if date is None:
        problems.add(row, column, "datumet går inte att läsa", "Skriv ÅÅÅÅ-MM-DD eller DD/MM/ÅÅÅÅ.")
        return ""
    return date.isoformat()


def count_cell(value: str, column: str, row: int, problems: Problems) -> int:
    text = value.replace("\u00a0", "").replace(" ", "")
    if not text:
        return 1
    match = _WHOLE.match(text)
    if match is None:
        problems.add(row, column, f'antalet "{value}" är inget heltal', "Skriv t.ex. 3.")
        return 0
    return int(match[1])
