"""Breakdowns of event rows by a column (slag, allvarlighetsgrad) or by unit, unknowns apart.

A row whose value is not known (the column is absent from the year's file, empty, or
`okänt`) may belong to any choice. Every choice's figure is then a lower bound with
those items counted apart ("uppgift saknas för 35"), never a zero: a year whose file has
no `slag` column prints "uppgift saknas" for each slag, not "Synpunkt 0". A row of
unknown unit (enhet okänt) may be any unit's alike: each enhet's and avdelning's figure
is a lower bound. Tables show those items once, on their "Uppgift saknas" row.

A row that names a node above the table's level (an avdelning in a table per enhet) is
known to be that node's but may be any of its units': it counts in the total and in the
avdelning's figure, and each unit's figure under it is "minst n" (`Tally.above`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ledningssystem.report.levels import OrgTree
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
    """Amounts by unit (the pivot's rows), of one column or ("") of each row's sum.

    With `tree` and `level`, rows keyed on a node above `level` make each unit under that
    node a lower bound; without (or for organisational avvikelser, which may concern a whole
    förvaltning rather than one of its units) such a row is its node's own."""

    pivot: Pivot[str]
    column: str = ""
    tree: OrgTree | None = None
    level: str = ""

    def _found(self, unit: str) -> Tally:
        if self.column:
            return self.pivot.cell_tally(unit, self.column)
        return self.pivot.row_tally(unit)

    def tally(self, unit: str) -> Tally:
        """The unit's known sum; every item of unknown unit (enhet okänt) is counted apart."""
        found = self._found(unit)
        if unit == UNKNOWN_ID:
            return found
        bound = lower_bound(found, self._found(UNKNOWN_ID))
        above = [self._found(node) for node in self.above(unit)]
        spread = sum(t.known + t.missing for t in above)
        return Tally(bound.known, bound.missing + spread, bound.unknown_choice, spread)

    def above(self, unit: str) -> list[str]:
        """The pivot's rows on a node above `level` that holds `unit` (none without a tree)."""
        tree = self.tree
        if tree is None or unit == UNKNOWN_ID or tree.level_of(unit) != self.level:
            return []
        return [k for k in self._higher_keys if tree.holds(k, unit) or tree.spans(k, unit)]

    @cached_property
    def _higher_keys(self) -> tuple[str, ...]:
        """The rows that may stand above a unit: nodes above `level`, and groups. Few, so a
        unit's tally does not walk every row (a city's tables have hundreds per figure)."""
        tree, keys = self.tree, self.pivot.row_keys
        if tree is None:
            return ()
        return tuple(k for k in keys if tree.is_group(k) or tree.is_above(k, self.level))


def lower_bound(found: Tally, unknown: Tally) -> Tally:
    """`found` with the items of `unknown` (which may be any choice's) counted apart."""
    spread = unknown.known + unknown.missing  # shown once, in the table's unknown row
    return Tally(found.known, found.missing + spread, spread)


def breakdown(
    rows: Sequence[Any], choice: Callable[[Any], str | None], amount: Callable[[Any], int | None]
) -> Breakdown:
    """Rows summed by `choice` (None: not known, as UNKNOWN_ID)."""
    return Breakdown(tally_by(rows, lambda r: (choice(r) or UNKNOWN_ID,), amount))
