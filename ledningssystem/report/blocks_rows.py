"""Parts of the risk and egenkontroll blocks: an accepted risk's cell, counts per process."""

from __future__ import annotations

from markupsafe import Markup, escape

from ledningssystem.report.blocks import BlockContext, pair
from ledningssystem.report.blocks_cross import (
    column_chart,
    cross_cells,
    cross_columns,
    cross_table,
)
from ledningssystem.report.model import RiskRow
from ledningssystem.report.pivots import WHOLE_PROCESS
from ledningssystem.report.self_check_row import CheckResult
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL
from ledningssystem.report.visuals import render_table


def risk_action(row: RiskRow) -> Markup:
    """The åtgärd, or the decision to accept the risk with who, when and why."""
    accepted = row.accepted
    if accepted is None:
        return Markup(escape(row.action or "–"))
    decision = Markup("<strong>Accepterad risk:</strong> {} ({}, {}). {}").format(
        accepted.decision, accepted.by, accepted.date.isoformat(), accepted.reason
    )
    return Markup("{}<br>{}").format(row.action, decision) if row.action else decision


def checks_per_process(ctx: BlockContext) -> str:
    """A chart of the results, then per process and, where a process has several, per
    delprocess (step group).

    One table, not two (issue 12): a process with one delprocess is one row; a process with
    several has a subtotal row (marked ls-subtotal, left out of the column sums) above its
    delprocesses. Under the Summa row, last year's sums and the change.
    """
    by_process, by_sub = ctx.pivots.checks_by_process, ctx.pivots.checks_by_subprocess
    assert by_process is not None and by_sub is not None  # the year has egenkontroller
    results = [(r.value, r.value.capitalize()) for r in CheckResult]
    results.append((UNKNOWN_ID, UNKNOWN_LABEL))  # a column only when a result was okänt
    before = ctx.previous_pivots.checks_by_process if ctx.previous_pivots else None
    columns = cross_columns(ctx, by_process, "egenkontroller", results, before)
    body: list[list[object]] = []
    for process in sorted(by_process.row_keys, key=lambda p: ctx.step_position(p, None)):
        subs = sorted((k for k in by_sub.row_keys if k[0] == process), key=ctx.group_position)
        link = ctx.process_link(process)
        if len(subs) == 1:
            label = (
                link if subs[0][1] == WHOLE_PROCESS else Markup("{} › {}").format(link, subs[0][1])
            )
            body.append([label, *cross_cells(by_process, process, columns)])
            continue
        subtotal = Markup('<span class="ls-subtotal">{}, alla delprocesser</span>').format(link)
        body.append([subtotal, *cross_cells(by_process, process, columns)])
        for key in subs:
            label = Markup('<span class="ls-subrow">{} › {}</span>').format(link, key[1])
            body.append([label, *cross_cells(by_sub, key, columns)])
    table = cross_table(
        ctx,
        by_process,
        columns,
        f"Egenkontroller {ctx.data.year} per process och delprocess",
        ("Process och delprocess", "Summa"),
        body,
        "egenkontroller.total",
    )
    chart = column_chart(ctx, "egenkontroller", "Egenkontroller per resultat", by_process, columns)
    return pair(chart, render_table(table))
