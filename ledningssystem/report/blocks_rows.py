"""Parts of the risk and egenkontroll blocks: an accepted risk's cell, counts per delprocess."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from ledningssystem.report.blocks import BlockContext
from ledningssystem.report.model import RiskRow
from ledningssystem.report.self_check_row import CheckResult, SelfCheckRow
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


def per_subprocess(ctx: BlockContext, rows: Sequence[SelfCheckRow]) -> Table:
    """Results per delprocess (the step's group), within each process."""
    groups: dict[tuple[str, str], list[SelfCheckRow]] = {}
    for row in rows:
        process = ctx.content.processes.get(row.process)
        step = next((s for s in process.steps if s.id == row.step), None) if process else None
        group = step.group if step and step.group else "Hela processen"
        groups.setdefault((row.process, group), []).append(row)
    ordered = sorted(groups, key=lambda k: (ctx.step_position(k[0], None), k[1]))
    table_rows = [
        [
            Markup("{} › {}").format(ctx.process_link(p), g),
            *[str(sum(1 for r in groups[(p, g)] if r.result is c)) for c in CheckResult],
            str(len(groups[(p, g)])),
        ]
        for p, g in ordered
    ]
    return Table(
        f"Egenkontroller {ctx.data.year} per delprocess",
        ["Process › delprocess", *[c.value.capitalize() for c in CheckResult], "Summa"],
        table_rows,
        None,
        frozenset({1, 2, 3, 4}),
    )
