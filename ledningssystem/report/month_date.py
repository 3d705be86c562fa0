"""A date known only to the month ("inkom i augusti 2022", "2023-05").

Real reports and exports give some dates only to the month. A MonthDate is a
dt.date on the first of its month, so it sorts and counts in the right year,
kvartal and month; it prints as "augusti 2022", and a duration that needs the
day (utredningstid, inom mål) is unknown for it: never a guessed day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ledningssystem.render.format import MONTHS
from ledningssystem.report.unknown import UNKNOWN_WORDS, is_unknown

MONTH_PATTERN = r"^\d{4}-\d{2}$"
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ACCEPTED = (
    "Skriv ÅÅÅÅ-MM-DD (t.ex. 2023-05-14), ÅÅÅÅ-MM om bara månaden är känd (t.ex. 2023-05) "
    "eller okänt."
)


class MonthDate(dt.date):
    """A date known only to its month: the first of the month, printed as "maj 2023"."""

    def __new__(cls, year: int, month: int) -> MonthDate:  # noqa: D102 - the day is always 1
        return super().__new__(cls, year, month, 1)

    def __str__(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"

    def __repr__(self) -> str:
        return f"MonthDate({self.year}, {self.month})"

    def __reduce__(self) -> tuple[type[MonthDate], tuple[int, int]]:
        # The parse cache pickles parsed rows; dt.date's own reduce passes bytes to __new__.
        return MonthDate, (self.year, self.month)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def is_month(day: dt.date | None) -> bool:
    """True for a date known only to its month."""
    return isinstance(day, MonthDate)


def show_date(day: dt.date) -> str:
    """A date as a reader sees it: 2025-03-01, or "augusti 2022" for a month."""
    return str(day) if isinstance(day, MonthDate) else day.isoformat()


def month_key(day: dt.date) -> tuple[int, int]:
    """The (year, month) a date falls in: what an order check compares with a month."""
    return day.year, day.month


def before(later: dt.date, earlier: dt.date) -> bool:
    """True when `later` is before `earlier`; by month when either is known only to it."""
    if is_month(later) or is_month(earlier):
        return month_key(later) < month_key(earlier)
    return later < earlier


def _month_or_date(value: Any) -> Any:
    if is_unknown(value):
        return None
    if isinstance(value, MonthDate) or not isinstance(value, str):
        return value
    text = value.strip()
    if match := _MONTH.fullmatch(text):
        month = int(match[2])
        if 1 <= month <= 12:
            return MonthDate(int(match[1]), month)
        raise PydanticCustomError(
            "sv_month", f'ogiltig månad "{text}": månaden är 01–12. {ACCEPTED}'
        )
    if _DAY.fullmatch(text):
        return text  # pydantic parses it, and says so if the day does not exist
    raise PydanticCustomError("sv_month", f'ogiltigt datum "{text}". {ACCEPTED}')


MaybeMonthDate = Annotated[
    dt.date | None,
    BeforeValidator(_month_or_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": MONTH_PATTERN},
                {"enum": sorted(UNKNOWN_WORDS)},
            ]
        }
    ),
]
"""A date, a month (ÅÅÅÅ-MM, a MonthDate), or None when it is not known."""
