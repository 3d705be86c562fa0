"""Text cells for the CSV files the portal publishes, safe to open in Excel."""

from __future__ import annotations

from typing import Any

# A cell starting with one of these runs as a formula in Excel or LibreOffice
# (=HYPERLINK(…), +1, -1+1, @SUM, or a tab/CR before any of them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: Any) -> Any:
    """A text value with an apostrophe before a formula-looking start; others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
