"""Python's csv errors, told in Swedish with what to do about them."""

from __future__ import annotations

import csv

CELL_LIMIT = csv.field_size_limit()  # 131,072 characters unless changed

_REASONS = (
    ("field larger than field limit", (
        f"en cell är längre än {CELL_LIMIT // 1024} kB; en datafil har korta värden, "
        "kontrollera att citattecknen i raden är parvisa"
    )),
    ("NUL", "raden innehåller ett osynligt NUL-tecken; spara om filen som CSV (UTF-8)"),
    ("new-line character", (
        "en radbrytning mitt i en cell; sätt cellen inom citattecken eller ta bort radbrytningen"
    )),
    ("expected after", "ett citattecken mitt i en cell; skriv två citattecken \"\" för ett"),
    ("unexpected end of data", "ett citattecken öppnas men stängs aldrig"),
)  # fmt: skip


def csv_reason(exc: csv.Error) -> str:
    """Why a CSV row cannot be read, in Swedish."""
    text = str(exc)
    for english, swedish in _REASONS:
        if english in text:
            return swedish
    return "kontrollera citattecken och avgränsare på raden"
