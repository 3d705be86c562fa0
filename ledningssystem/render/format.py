"""Swedish formatting of dates and numbers."""

from __future__ import annotations

import datetime as dt

NBSP = "\u00a0"


def format_date(value: dt.date | None) -> str:
    """ISO dates, as Swedish public administration writes them; "–" when missing."""
    return value.isoformat() if value else "–"


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """1 234,5 – a space (no-break) between thousands and a decimal comma."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")
