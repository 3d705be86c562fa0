"""A breakdown of event rows by an optional column (slag, allvarlighetsgrad), unknowns apart.

A row whose value is not known (the column is absent from the year's file, empty, or
`okänt`) may belong to any choice. Every choice's figure is then a lower bound with
those items counted apart ("uppgift saknas för 35"), never a zero: a year whose file has
no `slag` column prints "uppgift saknas" for each slag, not "Synpunkt 0".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ledningssystem.report.numbers import Tally
from ledningssystem.report.pivots import Pivot, tally_by
from ledningssystem.report.unknown import UNKNOWN_ID


@dataclass(frozen=True)
class Breakdown:
    """Amounts by choice; `unknown` is what the rows without a known choice hold."""

    pivot: Pivot[str]

    @property
    def unknown(self) -> Tally:
        return self.pivot.column_tally(UNKNOWN_ID)

    def tally(self, choice: str) -> Tally:
        """The choice's known sum; every item of unknown choice is counted apart."""
        found = self.pivot.column_tally(choice)
        if choice == UNKNOWN_ID:
            return found
        unknown = self.unknown
        spread = unknown.known + unknown.missing  # shown once, in the table's unknown row
        return Tally(found.known, found.missing + spread, spread)


def breakdown(
    rows: Sequence[Any], choice: Callable[[Any], str | None], amount: Callable[[Any], int | None]
) -> Breakdown:
    """Rows summed by `choice` (None: not known, as UNKNOWN_ID)."""
    return Breakdown(tally_by(rows, lambda r: (choice(r) or UNKNOWN_ID,), amount))
