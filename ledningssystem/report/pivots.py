"""The berättelse's cross tables, computed once so that a table's body and footer agree.

Blocks only format these: a body cell, a row's Summa and the footer all come from one
Pivot, and the footer counts each data row once (as the year's figures do) even when a
row counts for several units. `body_total` is what the body adds up to; blocks explain
the difference under the table when it is larger.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.config import UNKNOWN_CHOICE as UNKNOWN
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.self_check_row import CheckResult

K = TypeVar("K", bound=Hashable)

WHOLE_PROCESS = "Hela processen"  # an egenkontroll of a step without a delprocess


@dataclass(frozen=True)
class Pivot(Generic[K]):
    """Amounts of data rows by row key (a unit, a process) and column key, with their sums."""

    row_keys: tuple[K, ...]  # in first-seen order; blocks sort them for display
    column_keys: tuple[str, ...]
    cells: Mapping[tuple[K, str], int]
    row_totals: Mapping[K, int]
    column_totals: Mapping[str, int]  # each data row once, however many row keys it has
    total: int
    body_total: int  # the sum of row_totals: larger than total when a row has several keys

    def cell(self, row: K, column: str) -> int:
        return self.cells.get((row, column), 0)


def build_pivot(
    rows: Iterable[Any],
    row_keys: Callable[[Any], Sequence[K]],
    entries: Callable[[Any], Sequence[tuple[str, int]]],
    columns: Sequence[str],
    keep_empty: bool = False,
) -> Pivot[K]:
    """Cross `rows`: each adds each of its entries (column, amount) under each of its keys.

    `columns` orders the columns; without `keep_empty` a column no row has is left out.
    """
    cells: Counter[tuple[K, str]] = Counter()
    row_totals: Counter[K] = Counter()
    column_totals: Counter[str] = Counter()
    seen: set[str] = set()
    for row in rows:
        keys = tuple(dict.fromkeys(row_keys(row)))
        for column, amount in entries(row):
            seen.add(column)
            column_totals[column] += amount
            for key in keys:
                cells[(key, column)] += amount
                row_totals[key] += amount
        for key in keys:
            row_totals.setdefault(key, 0)
    kept = tuple(c for c in columns if keep_empty or c in seen)
    return Pivot(
        tuple(row_totals),
        kept,
        dict(cells),
        dict(row_totals),
        {c: column_totals[c] for c in kept},
        sum(column_totals.values()),
        sum(row_totals.values()),
    )


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
    return YearPivots(
        _complaints(data, config, tree, levels.complaints),
        _deviations(data, config, tree, levels.deviations),
        _incidents(data, tree, levels.incidents),
        _checks(data, lambda r: (r.process,)),
        _checks(data, lambda r: ((r.process, _delprocess(content, r.process, r.step)),)),
    )


def _complaints(
    data: YearData, config: ReportConfig, tree: OrgTree, level: str
) -> Pivot[str] | None:
    if data.complaints is None:
        return None
    sources = [c.id for c in (*config.complaints.sources, UNKNOWN)]
    return build_pivot(
        data.complaints,
        lambda r: [tree.at_level(u, level) for u in r.units],
        lambda r: [(r.source, r.count)],
        sources,
    )


def _deviations(
    data: YearData, config: ReportConfig, tree: OrgTree, level: str
) -> dict[str, Pivot[str]]:
    tables: dict[str, Pivot[str]] = {}
    for kind in config.deviations:
        mine = [r for r in data.deviations or () if r.kind == kind.id]
        if mine:
            tables[kind.id] = build_pivot(
                mine,
                lambda r: [tree.at_level(r.unit, level)],
                lambda r: [(r.category, r.count)],
                [c.id for c in (*kind.categories, UNKNOWN)],
            )
    return tables


def _incidents(data: YearData, tree: OrgTree, level: str) -> Pivot[str] | None:
    if data.incidents is None:
        return None
    return build_pivot(
        data.incidents,
        lambda r: [tree.at_level(r.unit, level)],
        # An antal written as okänt is left out here; the table tells it apart (incident_cell).
        lambda r: [("incidenter", r.count or 0), ("anmalda-imy", int(r.reported_imy))],
        INCIDENT_COLUMNS,
        keep_empty=True,
    )


def _checks(data: YearData, keys: Callable[[Any], Sequence[K]]) -> Pivot[K] | None:
    if data.self_checks is None:
        return None
    return build_pivot(
        data.self_checks, keys, lambda r: [(r.result.value, 1)], RESULTS, keep_empty=True
    )


def _delprocess(content: Ledningssystem, process_id: str, step_id: str | None) -> str:
    process = content.processes.get(process_id)
    step = next((s for s in process.steps if s.id == step_id), None) if process else None
    return step.group if step and step.group else WHOLE_PROCESS
