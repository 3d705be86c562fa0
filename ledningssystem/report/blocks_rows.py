"""Parts of the risk and egenkontroll blocks: an accepted risk's cell, counts per delprocess."""

from __future__ import annotations

from markupsafe import Markup, escape

from ledningssystem.report.blocks import BlockContext
from ledningssystem.report.model import RiskRow
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL
from ledningssystem.report.visuals import Table


def risk_action(row: RiskRow) -> Markup:
    """The åtgärd, or the decision to accept the risk with who, when and why."""
    accepted = row.accepted
    if accepted is None:
        return Markup(escape(row.action or "–"))
    decision = Markup("<strong>Accepterad risk:</strong> {} ({}, {}). {}").format(
        accepted.decision, accepted.by, accepted.date.isoformat(), accepted.reason
    )
    return Markup("{}<br>{}").format(row.action, decision) if row.action else decision


def result_heading(column: str) -> str:
    """A result column's heading: "Godkänd", or "Uppgift saknas" for results written okänt."""
    return UNKNOWN_LABEL if column == UNKNOWN_ID else column.capitalize()


def per_subprocess(ctx: BlockContext) -> Table:
    """Results per delprocess (the step's group), within each process."""
    pivot = ctx.pivots.checks_by_subprocess
    assert pivot is not None  # the year has egenkontroller
    ordered = sorted(pivot.row_keys, key=lambda k: (ctx.step_position(k[0], None), k[1]))
    table_rows = [
        [
            Markup("{} › {}").format(ctx.process_link(key[0]), key[1]),
            *[pivot.cell_tally(key, c).text() for c in pivot.column_keys],
            pivot.row_tally(key).text(),
        ]
        for key in ordered
    ]
    return Table(
        f"Egenkontroller {ctx.data.year} per delprocess",
        ["Process › delprocess", *[result_heading(c) for c in pivot.column_keys], "Summa"],
        table_rows,
        None,
        frozenset(range(1, len(pivot.column_keys) + 2)),
    )
