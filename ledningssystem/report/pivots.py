"""The berättelse's cross tables, computed once so that a table's body and footer agree.

Blocks only format these: a body cell, a row's Summa and the footer all come from one
Pivot, and the footer counts each data row once (as the year's figures do) even when a
row counts for several units. `body_total` is what the body adds up to; blocks explain
the difference under the table when it is larger.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.config import UNKNOWN_CHOICE as UNKNOWN
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.deviation_kinds import shown_kinds
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.model import ComplaintRow, DeviationRow, IncidentRow
from ledningssystem.report.numbers import Tally
from ledningssystem.report.own_kinds import OwnColumn, OwnCross, OwnKind, OwnRow
from ledningssystem.report.self_check_row import CheckResult
from ledningssystem.report.unknown import UNKNOWN_ID

K = TypeVar("K", bound=Hashable)

WHOLE_PROCESS = "Hela processen"  # an egenkontroll of a step without a delprocess


@dataclass(frozen=True)
class Pivot(Generic[K]):
    """Amounts of data rows by row key (a unit, a process) and column key, with their sums.

    An amount may be unknown (None): it adds nothing to the sums and is counted apart, by
    data row, in the `missing_*` maps, so that no unknown is ever summed as a zero.
    """

    row_keys: tuple[K, ...]  # in first-seen order; blocks sort them for display
    column_keys: tuple[str, ...]
    cells: Mapping[tuple[K, str], int]
    row_totals: Mapping[K, int]
    column_totals: Mapping[str, int]  # each data row once, however many row keys it has
    total: int
    body_total: int  # the sum of row_totals: larger than total when a row has several keys
    missing_cells: Mapping[tuple[K, str], int] = field(default_factory=dict)
    missing_rows: Mapping[K, int] = field(default_factory=dict)
    missing_columns: Mapping[str, int] = field(default_factory=dict)
    missing: int = 0  # data rows with an unknown amount, each once

    def cell(self, row: K, column: str) -> int:
        return self.cells.get((row, column), 0)

    def cell_tally(self, row: K, column: str) -> Tally:
        return Tally(self.cell(row, column), self.missing_cells.get((row, column), 0))

    def row_tally(self, row: K) -> Tally:
        return Tally(self.row_totals.get(row, 0), self.missing_rows.get(row, 0))

    def column_tally(self, column: str) -> Tally:
        return Tally(self.column_totals.get(column, 0), self.missing_columns.get(column, 0))

    def total_tally(self) -> Tally:
        return Tally(self.total, self.missing)


def build_pivot(
    rows: Iterable[Any],
    row_keys: Callable[[Any], Sequence[K]],
    entries: Callable[[Any], Sequence[tuple[str, int | None]]],
    columns: Sequence[str] | None,
    keep_empty: bool = False,
) -> Pivot[K]:
    """Cross `rows`: each adds each of its entries (column, amount) under each of its keys.

    `columns` orders the columns (None: as first seen); without `keep_empty` a column no row
    has is left out. An amount None (unknown) is counted apart in the pivot's `missing_*` maps.
    """
    sums = _Sums[K]()
    for row in rows:
        keys = tuple(dict.fromkeys(row_keys(row)))
        row_entries = entries(row)
        for column, amount in row_entries:
            sums.add(keys, column, amount)
        for key in keys:
            sums.row_totals.setdefault(key, 0)
        sums.missing += any(amount is None for _, amount in row_entries)
    order = tuple(sums.seen) if columns is None else columns
    kept = tuple(c for c in order if keep_empty or c in sums.seen)
    return Pivot(
        tuple(sums.row_totals),
        kept,
        dict(sums.cells),
        dict(sums.row_totals),
        {c: sums.column_totals[c] for c in kept},
        sum(sums.column_totals.values()),
        sum(sums.row_totals.values()),
        dict(sums.missing_cells),
        dict(sums.missing_rows),
        {c: sums.missing_columns[c] for c in kept if sums.missing_columns[c]},
        sums.missing,
    )


@dataclass
class _Sums(Generic[K]):
    cells: Counter[tuple[K, str]] = field(default_factory=Counter)
    row_totals: Counter[K] = field(default_factory=Counter)
    column_totals: Counter[str] = field(default_factory=Counter)
    missing_cells: Counter[tuple[K, str]] = field(default_factory=Counter)
    missing_rows: Counter[K] = field(default_factory=Counter)
    missing_columns: Counter[str] = field(default_factory=Counter)
    seen: dict[str, None] = field(default_factory=dict)  # first-seen order
    missing: int = 0

    def add(self, keys: tuple[K, ...], column: str, amount: int | None) -> None:
        self.seen.setdefault(column)
        if amount is None:
            self.missing_columns[column] += 1
            for key in keys:
                self.missing_cells[(key, column)] += 1
                self.missing_rows[key] += 1
            return
        self.column_totals[column] += amount
        for key in keys:
            self.cells[(key, column)] += amount
            self.row_totals[key] += amount


def column_tallies(pivot: Pivot[Any] | None, columns: Sequence[str]) -> tuple[Tally | None, ...]:
    """Each column's sum in `pivot` (last year's), None for all without one.

    A column last year's rows never had sums to 0 there: its rows were all known to be of
    another value. That is how the unknown column keeps last year's sum in "Summa <fjolår>".
    """
    if pivot is None:
        return tuple(None for _ in columns)
    return tuple(pivot.column_tally(c) for c in columns)


def tally_by(
    rows: Iterable[Any],
    columns: Callable[[Any], Sequence[str]],
    amount: Callable[[Any], int | None],
) -> Pivot[str]:
    """Rows summed by column alone (a pivot of one row): by kind, category or grade."""
    return build_pivot(rows, lambda r: ("",), lambda r: [(c, amount(r)) for c in columns(r)], None)


@dataclass(frozen=True)
class YearPivots:
    """Every cross table of one year's berättelse; None where the year lacks the data."""

    complaints: Pivot[str] | None
    deviations: Mapping[str, Pivot[str]]  # by avvikelse kind id
    incidents: Pivot[str] | None  # two measures as columns: its row totals mean nothing
    checks_by_process: Pivot[str] | None
    checks_by_subprocess: Pivot[tuple[str, str]] | None


INCIDENT_COLUMNS = ("incidenter", "anmalda-imy")
RESULTS = tuple(r.value for r in CheckResult)


def compute_pivots(
    data: YearData, config: ReportConfig, tree: OrgTree, content: Ledningssystem
) -> YearPivots:
    """The year's cross tables at the organisation levels chosen in reports/config.yml."""
    levels = config.levels
    complaints = data.complaints
    return YearPivots(
        None
        if complaints is None
        else complaint_pivot(complaints, config, tree, levels.complaints),
        deviation_pivots(data.deviations or (), config, tree, levels.deviations),
        None if data.incidents is None else incident_pivot(data.incidents, tree, levels.incidents),
        _checks(data, lambda r: (r.process,)),
        _checks(data, lambda r: ((r.process, _delprocess(content, r.process, r.step)),)),
    )


def complaint_pivot(
    rows: Sequence[ComplaintRow], config: ReportConfig, tree: OrgTree, level: str
) -> Pivot[str]:
    """Klagomål by unit at `level` and by source; an ärende for several units counts once."""
    sources = [c.id for c in (*config.complaints.sources, UNKNOWN)]
    return build_pivot(
        rows,
        lambda r: [tree.at_level(u, level) for u in r.units],
        lambda r: [(r.source, r.count)],
        sources,
    )


def deviation_pivots(
    rows: Sequence[DeviationRow], config: ReportConfig, tree: OrgTree, level: str
) -> dict[str, Pivot[str]]:
    """Per avvikelse kind: avvikelser by unit at `level` and by category."""
    tables: dict[str, Pivot[str]] = {}
    for kind in shown_kinds(config, rows):
        mine = [r for r in rows if r.kind == kind.id]
        if mine:
            tables[kind.id] = build_pivot(
                mine,
                lambda r: [tree.at_level(r.unit, level)],
                lambda r: [(r.category, r.count)],
                [c.id for c in (*kind.categories, UNKNOWN)],
            )
    return tables


def own_pivot(
    rows: Sequence[OwnRow], column: OwnColumn | None, tree: OrgTree, level: str
) -> Pivot[str]:
    """An own kind by unit at `level` and by the values of `column` (None: one Summa column)."""
    values = [v.id for v in (*column.values, UNKNOWN)] if column else [""]
    return build_pivot(
        rows,
        lambda r: [tree.at_level(r.unit, level)],
        lambda r: [(r.value(column.id) if column else "", r.count)],
        values,
    )


def own_cross_pivot(rows: Sequence[OwnRow], kind: OwnKind, cross: OwnCross) -> Pivot[str]:
    """An own kind by the values of two of its columns: rows × columns, okänt apart."""
    values = [v.id for v in (*kind.column(cross.columns).values, UNKNOWN)]
    return build_pivot(
        rows,
        lambda r: [r.value(cross.rows)],
        lambda r: [(r.value(cross.columns), r.count)],
        values,
    )


def incident_pivot(rows: Sequence[IncidentRow], tree: OrgTree | None, level: str) -> Pivot[str]:
    """Personuppgiftsincidenter and those anmälda till IMY, by unit at `level` (None: one row)."""
    return build_pivot(
        rows,
        lambda r: [tree.at_level(r.unit, level) if tree else ""],
        incident_entries,
        INCIDENT_COLUMNS,
        keep_empty=True,
    )


def case_pivot(rows: Sequence[Any], tree: OrgTree, level: str) -> Pivot[str]:
    """Cases (lex Sarah, lex Maria, ej verkställda beslut: one row each) by unit at `level`."""
    return build_pivot(rows, lambda r: [tree.at_level(r.unit, level)], lambda r: [("", 1)], None)


def incident_entries(row: IncidentRow) -> list[tuple[str, int | None]]:
    # A row whose antal is okänt has an unknown number anmälda too.
    reported = None if row.count is None else row.reported_imy
    return [("incidenter", row.count), ("anmalda-imy", reported)]


def _checks(data: YearData, keys: Callable[[Any], Sequence[K]]) -> Pivot[K] | None:
    if data.self_checks is None:
        return None
    results = [*RESULTS, UNKNOWN_ID] if any(r.result is None for r in data.self_checks) else RESULTS
    return build_pivot(
        data.self_checks,
        keys,
        lambda r: [(r.result.value if r.result else UNKNOWN_ID, 1)],
        results,
        keep_empty=True,
    )


def _delprocess(content: Ledningssystem, process_id: str, step_id: str | None) -> str:
    process = content.processes.get(process_id)
    step = next((s for s in process.steps if s.id == step_id), None) if process else None
    return step.group if step and step.group else WHOLE_PROCESS
