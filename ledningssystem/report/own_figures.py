"""Figures of the organisation's own counted kinds (egna_uppgifter), read off their pivots.

Every sum is a Pivot's (report/pivots.py), as for the built-in kinds, so the table on the
page and a figure cited in the text cannot disagree; okänt is counted apart, never as zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ledningssystem.report.breakdown import UnitBreakdown
from ledningssystem.report.config import UNKNOWN_CHOICE as UNKNOWN
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.numbers import Tally
from ledningssystem.report.own_kinds import SHARE_SEGMENT, OwnKind, OwnRow
from ledningssystem.report.pivots import own_cross_pivot, own_pivot, tally_by
from ledningssystem.report.unit_groups import GROUP_SEGMENT

CARRIED_FIGURE = "fran-foregaende-ar"
NEW_FIGURE = "nya-under-aret"  # the rows not carried over: what came in during the year


def own_figures(
    figures: FigureSet,
    own: Mapping[str, Sequence[OwnRow]],
    config: ReportConfig,
    tree: OrgTree,
    names: Mapping[str, str],
) -> None:
    """<id>.total, per column value, per enhet and avdelning, carried over and the sums."""
    for kind in config.own:
        rows = own.get(kind.id)
        if rows is not None:
            _kind_figures(figures, kind, rows, tree, names)


def _kind_figures(
    figures: FigureSet,
    kind: OwnKind,
    rows: Sequence[OwnRow],
    tree: OrgTree,
    names: Mapping[str, str],
) -> None:
    label = kind.words[0] if len(kind.words) == 1 else _plural(kind)
    by_unit = own_pivot(rows, None, tree, "enhet")
    figures.add_tally(f"{kind.id}.total", label, by_unit.total_tally())
    for column in kind.columns:
        pivot = own_pivot(rows, column, tree, "enhet")
        for value in (*column.values, UNKNOWN):
            tally = pivot.column_tally(value.id)
            if tally.known or tally.missing or value is not UNKNOWN:
                name = f"{kind.id}.{column.id}.{value.id}"
                figures.add_tally(name, f"{label} – {column.name.lower()}: {value.name}", tally)
    _cross_figures(figures, kind, rows, label)
    _share_figures(figures, kind, rows, by_unit.total_tally())
    for level in ("enhet", "avdelning"):
        pivot = by_unit if level == "enhet" else own_pivot(rows, None, tree, level)
        # A row of unknown enhet, or on a node above the level, makes each a lower bound.
        nodes = UnitBreakdown(pivot, tree=tree, level=level)
        for node in sorted(pivot.row_keys):
            if level == "enhet" or tree.level_of(node) == level or node == UNKNOWN.id:
                text = f"{label} – {names.get(node, node)}"
                segment = GROUP_SEGMENT if tree.is_group(node) else level
                figures.add_tally(f"{kind.id}.{segment}.{node}", text, nodes.tally(node))
    if kind.carried:
        carried = tally_by(rows, _carried_key, lambda r: r.count)
        tally = carried.column_tally("ja")
        missing = carried.column_tally(UNKNOWN.id)
        figures.add_partly_known(
            f"{kind.id}.{CARRIED_FIGURE}",
            f"{label} från föregående år",
            tally.known if tally.known or not missing.known else None,
            tally.missing + missing.known + missing.missing,
        )
        new = carried.column_tally("nej")
        figures.add_partly_known(
            f"{kind.id}.{NEW_FIGURE}",
            f"{label} som kom under året",
            new.known if new.known or not missing.known else None,
            new.missing + missing.known + missing.missing,
        )
    for summed_column in kind.sums:
        amounts = _amount_of(summed_column.id)
        summed = tally_by(rows, lambda r: ("summa",), amounts).column_tally("summa")
        figures.add_partly_known(
            f"{kind.id}.{summed_column.id}",
            f"{label} – {summed_column.name.lower()}",
            summed.value,
            summed.missing,
            summed_column.unit,
        )


def _cross_figures(figures: FigureSet, kind: OwnKind, rows: Sequence[OwnRow], label: str) -> None:
    """<id>.<rad>.<kolumn> per cell of each cross table (its sums are the column figures)."""
    for cross in kind.crosses:
        pivot = own_cross_pivot(rows, kind, cross)
        for row_value in (*kind.column(cross.rows).values, UNKNOWN):
            for value in (*kind.column(cross.columns).values, UNKNOWN):
                tally = pivot.cell_tally(row_value.id, value.id)
                if tally.known or tally.missing or UNKNOWN not in (row_value, value):
                    text = f"{label} – {row_value.name}: {value.name}"
                    figures.add_tally(f"{kind.id}.{row_value.id}.{value.id}", text, tally)


def _share_figures(figures: FigureSet, kind: OwnKind, rows: Sequence[OwnRow], total: Tally) -> None:
    """<id>.andel.<andel>: unknown when an antal or a value of its column is unknown."""
    for configured in kind.shares:
        pivot = tally_by(rows, _value_of(configured.column), _count)
        part = sum(pivot.column_tally(v).known for v in configured.values)
        unknown = pivot.column_tally(UNKNOWN.id).known
        name = f"{kind.id}.{SHARE_SEGMENT}.{configured.id}"
        figures.add_share(name, configured.name, part, total.known, total.missing + unknown)


def _plural(kind: OwnKind) -> str:
    """The indefinite plural of the counted noun: the third form when four are given."""
    return kind.words[2] if len(kind.words) >= 4 else kind.words[-1]


def _carried_key(row: OwnRow) -> tuple[str, ...]:
    carried = row.carried_over
    return (UNKNOWN.id,) if carried is None else ("ja",) if carried else ("nej",)


def _value_of(column: str) -> Callable[[OwnRow], tuple[str, ...]]:
    return lambda row: (row.value(column),)


def _count(row: OwnRow) -> int | None:
    return row.count


def _amount_of(column: str):  # noqa: ANN202
    return lambda row: row.amount(column)
