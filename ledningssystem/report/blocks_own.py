"""The block of an own counted kind (egna_uppgifter): a summary, and a chart with its cross
table per categorical column; the table is the chart's text alternative."""

from __future__ import annotations

from markupsafe import escape

from ledningssystem.report.blocks import NUM, BlockContext, cells, pair, trend_chart
from ledningssystem.report.blocks_cross import column_chart, cross_cells, cross_columns, cross_table
from ledningssystem.report.config import UNKNOWN_CHOICE as UNKNOWN
from ledningssystem.report.levels import LEVEL_HEADINGS
from ledningssystem.report.own_figures import CARRIED_FIGURE, NEW_FIGURE
from ledningssystem.report.own_kinds import SHARE_SEGMENT, OwnColumn, OwnCross, OwnKind
from ledningssystem.report.pivots import own_cross_pivot, own_pivot
from ledningssystem.report.visuals import Table, render_table


def own_blocks(ctx: BlockContext, section_id: str) -> list[str]:
    """The blocks of every own kind shown in the section `section_id` this year."""
    ids = [s.id for s in ctx.data.template.walk() if s.applies_to(ctx.data.year)]
    return [
        own_kind(ctx, kind)
        for kind in ctx.reports.config.own
        if kind.applies_to(ctx.data.year) and kind.section_in(ids) == section_id
    ]


def own_kind(ctx: BlockContext, kind: OwnKind) -> str:
    rows = ctx.data.own.get(kind.id)
    heading = f'<h3 class="ls-own-kind" markdown="0">{escape(kind.name)}</h3>'
    if rows is None:
        return f"{heading}\n{_absent(ctx, kind)}"
    year = ctx.data.year
    summary = [["Antal", *cells(ctx.figures.get(f"{kind.id}.total"))]]
    if kind.carried:
        new = ctx.figures.get(f"{kind.id}.{NEW_FIGURE}")
        summary.append(["Varav nya under året", *cells(new)])
        summary.append(
            ["Varav från föregående år", *cells(ctx.figures.get(f"{kind.id}.{CARRIED_FIGURE}"))]
        )
    for column in kind.sums:
        summary.append([column.name, *cells(ctx.figures.get(f"{kind.id}.{column.id}"))])
    for share in kind.shares:
        figure = ctx.figures.get(f"{kind.id}.{SHARE_SEGMENT}.{share.id}")
        summary.append([share.name, *cells(figure)])  # a small base reads "2 av 3"
    head = ["", str(year), str(year - 1), "Förändring"]
    parts = [
        heading,
        render_table(Table(f"{kind.name} {year} i sammandrag", head, summary, None, NUM)),
    ]
    if rows:  # an empty file: the 0 above is known, tables of nothing would say no more
        parts += [_column(ctx, kind, column) for column in kind.columns]
        parts += [_cross(ctx, kind, cross) for cross in kind.crosses]
    parts.append(trend_chart(ctx, f"{kind.id}.total", f"{kind.name} per år"))
    return "\n\n".join(p for p in parts if p)


def _absent(ctx: BlockContext, kind: OwnKind) -> str:
    """No file: the number is not known, so none is shown (a 0 would be a false figure)."""
    if kind.id in ctx.data.meta.no_data:
        text = f"Året har inga uppgifter om {kind.name.lower()} (ingen_data i report.yml)."
    else:
        text = (
            f"Uppgift saknas: {ctx.data.folder}/{kind.id}.csv (eller .yml) finns inte, "
            "så inget antal visas."
        )
    return f'<p class="ls-report-empty">{escape(text)}</p>'


def _column(ctx: BlockContext, kind: OwnKind, column: OwnColumn) -> str:
    pivot = own_pivot(ctx.data.own[kind.id], column, ctx.tree, kind.level)
    choices = [(v.id, v.name) for v in (*column.values, UNKNOWN)]
    last = ctx.reports.previous(ctx.data.year)
    rows = last.own.get(kind.id) if last else None
    before = own_pivot(rows, column, ctx.tree, kind.level) if rows is not None else None
    columns = cross_columns(ctx, pivot, f"{kind.id}.{column.id}", choices, before)
    body = [
        [ctx.unit_name(n), *cross_cells(pivot, n, columns)]
        for n in sorted(pivot.row_keys, key=ctx.unit_order)
    ]
    title = f"{kind.name} per {column.name.lower()}"
    table = cross_table(
        ctx,
        pivot,
        columns,
        f"{kind.name} {ctx.data.year} per {kind.level} och {column.name.lower()}",
        (LEVEL_HEADINGS[kind.level], "Summa"),
        body,
        f"{kind.id}.total",
    )
    chart_id = f"{kind.id}-{column.id}"
    return pair(column_chart(ctx, chart_id, title, pivot, columns), render_table(table))


def _cross(ctx: BlockContext, kind: OwnKind, cross: OwnCross) -> str:
    """The cross table of two columns: every configured row value, okänt where there is one."""
    pivot = own_cross_pivot(ctx.data.own[kind.id], kind, cross)
    rows, column = kind.column(cross.rows), kind.column(cross.columns)
    choices = [(v.id, v.name) for v in (*column.values, UNKNOWN)]
    columns = cross_columns(ctx, pivot, f"{kind.id}.{column.id}", choices)
    body = [
        [value.name, *cross_cells(pivot, value.id, columns)]
        for value in (*rows.values, UNKNOWN)
        if value is not UNKNOWN or value.id in pivot.row_keys
    ]
    caption = f"{kind.name} {ctx.data.year} per {rows.name.lower()} och {column.name.lower()}"
    head = (rows.name, "Summa")
    return render_table(cross_table(ctx, pivot, columns, caption, head, body, f"{kind.id}.total"))
