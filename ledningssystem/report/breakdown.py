"""Breakdowns of event rows by a column (slag, allvarlighetsgrad) or by unit, unknowns apart.

A row whose value is not known (the column is absent from the year's file, empty, or
`okänt`) may belong to any choice. Every choice's figure is then a lower bound with
those items counted apart ("uppgift saknas för 35"), never a zero: a year whose file has
no `slag` column prints "uppgift saknas" for each slag, not "Synpunkt 0". A row of
unknown unit (enhet okänt) may be any unit's alike: each enhet's and avdelning's figure
is a lower bound. Tables show those items once, on their "Uppgift saknas" row.
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
        return found if choice == UNKNOWN_ID else lower_bound(found, self.unknown)


@dataclass(frozen=True)
class UnitBreakdown:
    """Amounts by unit (the pivot's rows), of one column or ("") of each row's sum."""

    pivot: Pivot[str]
    column: str = ""

    def _found(self, unit: str) -> Tally:
        if self.column:
            return self.pivot.cell_tally(unit, self.column)
        return self.pivot.row_tally(unit)

    def tally(self, unit: str) -> Tally:
        """The unit's known sum; every item of unknown unit (enhet okänt) is counted apart."""
        found = self._found(unit)
        return found if unit == UNKNOWN_ID else lower_bound(found, self._found(UNKNOWN_ID))


def lower_bound(found: Tally, unknown: Tally) -> Tally:
    """`found` with the items of `unknown` (which may be any choice's) counted apart."""
    spread = unknown.known + unknown.missing  # shown once, in the table's unknown row
    return Tally(found.known, found.missing + spread, spread)


def breakdown(
    rows: Sequence[Any], choice: Callable[[Any], str | None], amount: Callable[[Any], int | None]
) -> Breakdown:
    """Rows summed by `choice` (None: not known, as UNKNOWN_ID)."""
    return Breakdown(tally_by(rows, lambda r: (choice(r) or UNKNOWN_ID,), amount))
