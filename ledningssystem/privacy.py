"""Find personnummer and samordningsnummer in text, so they are never published.

A match needs a valid date (day + 60 for samordningsnummer) and a valid check
digit, so dates, diarienummer and most other numbers pass. A ten-digit number
right after "tel", "mobil" and the like is taken to be a phone number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

_CANDIDATE = re.compile(
    r"(?<![\d\w/.:-])"
    r"(?P<century>19|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+]?)(?P<serial>\d{3})(?P<check>\d)"
    r"(?![\d\w/:-]|[-+]\d|[.,]\d)"
)
_PHONE_CONTEXT = re.compile(r"(tel|telefon|mobil|mobilnr|ring|fax|växel|sms)\D{0,12}$", re.I)


def personal_number_lines(text: str) -> list[int]:
    """1-based line numbers of text that holds something that is a personnummer."""
    return sorted({text.count("\n", 0, m.start()) + 1 for m in _matches(text)})


def contains_personal_number(text: str) -> bool:
    return next(_matches(text), None) is not None


def _matches(text: str) -> Iterator[re.Match[str]]:
    for match in _CANDIDATE.finditer(text):
        if _looks_like_phone(text, match):
            continue
        if _valid_date(match) and _luhn_ok(match):
            yield match


def _looks_like_phone(text: str, match: re.Match[str]) -> bool:
    if match["century"] or match["sep"]:
        return False
    before = text[max(0, match.start() - 20) : match.start()]
    return match.group(0).startswith("0") and bool(_PHONE_CONTEXT.search(before))


def _valid_date(match: re.Match[str]) -> bool:
    day = int(match["dd"])
    if day > 60:  # samordningsnummer
        day -= 60
    year = int((match["century"] or "20") + match["yy"])
    try:
        dt.date(year if match["century"] else 2000, int(match["mm"]), day)
    except ValueError:
        return False
    return True


def _luhn_ok(match: re.Match[str]) -> bool:
    digits = match["yy"] + match["mm"] + match["dd"] + match["serial"]
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10 == int(match["check"])
