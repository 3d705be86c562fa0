"""Dates as case systems export them, read into a day (ÅÅÅÅ-MM-DD) or a month (ÅÅÅÅ-MM).

Exports write dates their own way: 2025-03-14, 14/03/2025, a time after the day, a dash
from Word (2025–03–14), or only the month (2025-03, 2025-3, 3/2025, mars 2025). A month
stays a month (report.month_date.MonthDate, written ÅÅÅÅ-MM): a day is never invented.
The data files take no month names, on purpose (one spelling there); an export is not
written by the author, so a Swedish name that means one month ("mars 2025", "mar. 2025")
is read here and written as 2025-03. A bare number (45730) is an Excel serial date: it is
refused with what it would be, since a CSV cannot tell which date system the workbook used.
"""

from __future__ import annotations

import datetime as dt
import re

from ledningssystem.render.format import MONTHS
from ledningssystem.report.month_date import MonthDate

_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_YM = re.compile(r"(\d{4})[-/](\d{1,2})")
_MY = re.compile(r"(\d{1,2})[-/.](\d{4})")
_NAMED = re.compile(r"(?:(\d{1,2})\.?\s+)?([a-zåäö]+)\.?\s+(\d{4})")
_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?")
# januari, jan, jan. … and sept; "maj" is both. Months only: no English or other names.
MONTH_NAMES = {
    **{name: number for number, name in enumerate(MONTHS, start=1)},
    **{name[:3]: number for number, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}
ACCEPTED = (
    "Skriv ÅÅÅÅ-MM-DD eller DD/MM/ÅÅÅÅ, ÅÅÅÅ-MM om bara månaden är känd (t.ex. 2025-03 "
    "eller mars 2025)"
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's usual (1900) date system


def read_date(value: str) -> dt.date | None:
    """A day, a MonthDate for a month alone, or None when the text is neither."""
    text = " ".join(value.translate(_DASHES).split())
    try:
        if match := _YMD.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DMY.fullmatch(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if match := _YM.fullmatch(text):
            return _month(int(match[1]), int(match[2]))
        if match := _MY.fullmatch(text):
            return _month(int(match[2]), int(match[1]))
        if (match := _NAMED.fullmatch(text.casefold())) and match[2] in MONTH_NAMES:
            month = MONTH_NAMES[match[2]]
            if match[1]:
                return dt.date(int(match[3]), month, int(match[1]))
            return MonthDate(int(match[3]), month)
    except ValueError:  # a day or month that does not exist: 2025-02-30
        return None
    return None


def _month(year: int, month: int) -> MonthDate | None:
    return MonthDate(year, month) if 1 <= month <= 12 else None


def date_problem(value: str, unknown_allowed: bool = True) -> tuple[str, str]:
    """(message, hint) for a date that cannot be read; the datum column, which decides the
    year a row is counted in, is not `unknown_allowed`."""
    text = value.strip()
    if _SERIAL.fullmatch(text):
        day = _EXCEL_EPOCH + dt.timedelta(days=int(float(text.replace(",", "."))))
        return (
            "datumet är ett tal, troligen ett datum ur Excel som inte formaterats som datum",
            f"Formatera kolumnen som datum (ÅÅÅÅ-MM-DD) i Excel och exportera igen (talet "
            f"{text} är {day.isoformat()} i Excels vanliga datumsystem).",
        )
    return "datumet går inte att läsa", ACCEPTED + (", eller okänt." if unknown_allowed else ".")
