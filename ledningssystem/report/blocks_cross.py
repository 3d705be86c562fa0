"""A cross table with its chart: the chart draws the Summa row, the table is its text.

Issue 12: the page showed per category a cross table, then a chart of its Summa row, then
the Summa row again as a table of its own (with last year beside it). Now the chart comes
first and the cross table is its text alternative, with last year's sums and the change as
rows under the Summa row, so every figure is shown once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ledningssystem.report.blocks import BlockContext
from ledningssystem.report.numbers import Tally, slug, swedish
from ledningssystem.report.pivots import Pivot, column_tallies
from ledningssystem.report.unknown import UNKNOWN_ID
from ledningssystem.report.visuals import Table, render_bar_chart

SUMMA_ROW = "Samma uppgifter finns i tabellen nedan, på raden Summa."


@dataclass(frozen=True)
class CrossColumns:
    """The columns of a cross table: each one's id, name, figure name and last year's sum."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    figures: tuple[str, ...]
    previous: tuple[Tally | None, ...]  # from last year's rows; None: only its figures


def cross_columns(
    ctx: BlockContext,
    pivot: Pivot[Any],
    prefix: str,
    choices: Sequence[tuple[str, str]],
    previous: Pivot[Any] | None = None,
) -> CrossColumns:
    """This year's columns and those that had something last year, in the configured order.

    A category that was zero this year but not last year keeps its column, so that its
    change is shown (it used to be shown only in the second table). `previous` is last
    year's pivot: a column its rows had (the unknown one too) is shown with its sum.
    """
    names = dict(choices)
    extra = [*pivot.column_keys, *(previous.column_keys if previous else ())]
    order = list(dict.fromkeys([c for c, _ in choices] + [c for c in extra if c not in names]))

    def shown(column: str) -> bool:
        figure = ctx.figures.get(f"{prefix}.{slug(column)}")
        before = previous is not None and column in previous.column_keys
        return column in pivot.column_keys or before or bool(figure and figure.previous)

    ids = tuple(c for c in order if shown(c))
    return CrossColumns(
        ids,
        tuple(names.get(c, c) for c in ids),
        tuple(f"{prefix}.{slug(c)}" for c in ids),
        column_tallies(previous, ids),
    )


def cross_cells(pivot: Pivot[Any], key: Any, columns: CrossColumns) -> list[str]:
    """One body row's cells: the row's amount per column, then its Summa."""
    return [pivot.cell_tally(key, c).text() for c in columns.ids] + [pivot.row_tally(key).text()]


def cross_foot(
    ctx: BlockContext, pivot: Pivot[Any], columns: CrossColumns, total: str
) -> tuple[list[str], list[list[str]]]:
    """(the Summa row, last year's sums and the change when there is a last year)."""
    summa = ["Summa", *[pivot.column_tally(c).text() for c in columns.ids]]
    summa.append(pivot.total_tally().text())
    whole = ctx.figures.get(total)
    if whole is None or whole.previous is None:
        return summa, []
    figures = [ctx.figures.get(name) for name in (*columns.figures, total)]
    previous = [f"Summa {whole.previous_year}"]
    for before, figure in zip((*columns.previous, None), figures, strict=True):
        # Last year's rows where the folder is kept; else its figures (historik.yml).
        if before is not None:
            previous.append(before.text())
        else:
            previous.append(figure.previous_text() if figure else "–")
    change = ["Förändring", *[(f.change() or "–") if f else "–" for f in figures]]
    return summa, [previous, change]


def column_chart(
    ctx: BlockContext,
    chart_id: str,
    title: str,
    pivot: Pivot[Any],
    columns: CrossColumns,
    bar_classes: Mapping[str, str] | None = None,
) -> str:
    """A bar per column with its Summa: the cross table below is the chart's text."""
    items, css, known = [], [], False
    for column, name in zip(columns.ids, columns.names, strict=True):
        value = pivot.column_totals.get(column, 0)
        if value:
            items.append((name, float(value), swedish(value)))
            css.append((bar_classes or {}).get(column, ""))
            known = known or column != UNKNOWN_ID
    if not known:  # no bar, or only the unknown one: the table says it all
        return ""
    return render_bar_chart(
        f"{chart_id}-{ctx.data.year}", title, items, css if bar_classes else (), SUMMA_ROW
    )


def cross_table(
    ctx: BlockContext,
    pivot: Pivot[Any],
    columns: CrossColumns,
    caption: str,
    head: tuple[str, str],
    body: Sequence[Sequence[Any]],
    total: str,
) -> Table:
    """A cross table of `body` rows under `columns`, `head` = (first column, last column)."""
    summa, compare = cross_foot(ctx, pivot, columns, total)
    return Table(
        caption,
        [head[0], *columns.names, head[1]],
        body,
        summa,
        frozenset(range(1, len(columns.ids) + 2)),
        more_foot=compare,
    )
