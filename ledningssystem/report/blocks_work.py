"""Blocks for the quality work itself: risks, egenkontroller, reviews, åtgärder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup

from ledningssystem.report.action_row import ActionRow, ActionStatus
from ledningssystem.report.blocks import BlockContext, date_cell, distribution, nothing
from ledningssystem.report.blocks_rows import checks_per_process, risk_action
from ledningssystem.report.compute import follow_up, status_now
from ledningssystem.report.figures import Figure
from ledningssystem.report.numbers import slug
from ledningssystem.report.self_check_row import CheckResult
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL
from ledningssystem.report.visuals import (
    Table,
    render_risk_matrix,
    render_table,
    risk_class_mark,
    risk_levels,
    stacked,
)


def risks(ctx: BlockContext) -> str:
    rows = ctx.data.risks
    if rows is None:
        return nothing("riskanalyser")
    scale = ctx.reports.config.risk
    ordered = sorted(rows, key=lambda r: (-r.value, r.process, r.id))
    # Three columns, secondary values stacked under the main one: fits a desktop column
    # and a portrait page, and the nämnd sees Åtgärd, Status and Ansvarig without scrolling.
    table_rows = [
        [
            stacked(r.risk, ctx.process_link(r.process, r.step)),
            stacked(
                risk_class_mark(scale, r.value),
                f"sannolikhet {r.likelihood} × konsekvens {r.consequence}",
            ),
            stacked(
                risk_action(r),
                " · ".join(
                    [r.status.value if r.status else "status saknas"]
                    + ([ctx.role_name(r.owner)] if r.owner else [])
                ),
            ),
        ]
        for r in ordered
    ]
    register = Table(
        f"Riskregister {ctx.data.year}, högst riskvärde först",
        ["Risk, process och aktivitet", "Riskvärde och klass", "Åtgärd, status och ansvarig"],
        table_rows,
        wide=frozenset({2}),
    )
    classes = [(c.id, c.name) for c in scale.classes]
    return "\n\n".join(
        [
            render_risk_matrix(scale, rows),
            render_table(register),
            distribution(
                ctx,
                "risker.klass",
                classes,
                "Risker per klass",
                bar_classes={c: f"ls-risk--{n}" for c, n in risk_levels(scale).items()},
            ),
        ]
    )


def self_checks(ctx: BlockContext) -> str:
    rows = ctx.data.self_checks
    if rows is None:
        return nothing("egenkontroller")
    # An unknown date (okänt) sorts last and prints "–", never a placeholder date.
    ordered = sorted(
        rows, key=lambda r: (*ctx.step_position(r.process, r.step), r.date or dt.date.max, r.id)
    )
    marks = {
        CheckResult.PASSED: "✔ Godkänd",
        CheckResult.FAILED: "✘ Ej godkänd",
        CheckResult.NOT_DONE: "○ Ej genomförd",
    }
    table_rows = [
        [
            ctx.process_link(r.process, r.step),
            r.check,
            date_cell(r.date),
            Markup('<span class="ls-check ls-check--{}">{}</span>{}').format(
                slug(r.result.value) if r.result else UNKNOWN_ID,
                marks[r.result] if r.result else UNKNOWN_LABEL,
                f": {r.measure_text()}" if r.measure_text() else "",
            )
            + _earlier_text(ctx.figures.get(f"egenkontroller.matt.{r.id}")),
            r.action or "–",
        ]
        for r in ordered
    ]
    return "\n\n".join(
        [
            checks_per_process(ctx),
            render_table(
                Table(
                    f"Egenkontroller {ctx.data.year} per processteg",
                    ["Process och steg", "Kontroll", "Datum", "Resultat", "Åtgärd"],
                    table_rows,
                    cards=True,
                )
            ),
        ]
    )


def _earlier_text(figure: Figure | None) -> str:
    """ "; 2024: 49 % (+5 procentenheter, förbättring)", or "" without an earlier value."""
    if figure is None or figure.previous is None or not figure.change():
        return ""
    development = f", {figure.development}" if figure.development else ""
    return f"; {figure.previous_year}: {figure.previous_text()} ({figure.change()}{development})"


def reviews(ctx: BlockContext) -> str:
    rows = ctx.data.reviews
    if rows is None:
        return nothing("granskningar")
    kinds = {c.id: c.name for c in ctx.reports.config.reviews.kinds}
    table_rows = [
        [
            r.subject,
            kinds.get(r.kind, r.kind),
            date_cell(r.date),
            r.finding,
            r.action or "–",
        ]
        for r in rows
    ]
    return render_table(
        Table(
            f"Externa granskningar {ctx.data.year}",
            ["Granskning", "Typ", "Datum", "Iakttagelse", "Åtgärd"],
            table_rows,
        )
    )


def _status_text(status: ActionStatus | None) -> str:
    return status.value.capitalize() if status else UNKNOWN_LABEL


def _action_rows(ctx: BlockContext, rows: Sequence[ActionRow]) -> list[list[str]]:
    return [
        [
            r.title,
            ctx.role_name(r.owner),
            date_cell(r.due),
            _status_text(r.status),
            ctx.process_link(r.process),
            r.comment or "–",
        ]
        for r in rows
    ]


def actions(ctx: BlockContext) -> str:
    rows = ctx.data.actions
    if rows is None:
        return nothing("förbättringsåtgärder")
    open_rows = sorted(rows, key=lambda r: (r.due is None, r.due or dt.date.min, r.id))
    return render_table(
        Table(
            f"Förbättringsområden och åtgärder {ctx.data.year}",
            ["Åtgärd", "Ansvarig", "Klart senast", "Status", "Process", "Kommentar"],
            _action_rows(ctx, open_rows),
        )
    )


def follow_up_block(ctx: BlockContext) -> str:
    previous = ctx.reports.previous(ctx.data.year)
    if previous is None or previous.actions is None:
        return (
            f'<p class="ls-report-empty">Det finns inga förbättringsområden från '
            f"{ctx.data.year - 1} i portalen att följa upp.</p>"
        )
    table_rows = []
    for before, now in follow_up(previous.actions, ctx.data.actions or ()):
        current = status_now(before, now)
        status = _status_text(current) if current or now else "Ingen uppföljning i år"
        if now is None and current is not None:
            status += f" (redan {previous.year})"
        table_rows.append(
            [
                before.title,
                ctx.role_name(before.owner),
                date_cell(before.due),
                _status_text(before.status),
                status,
                (now.comment if now and now.comment else "–"),
            ]
        )
    done = ctx.figures.get("uppfoljning.genomforda")
    total = ctx.figures.get("uppfoljning.total")
    caption = f"Uppföljning av förbättringsområden från {previous.year}"
    if done and total:
        caption += f": {done.text()} av {total.text()} genomförda"
    return render_table(
        Table(
            caption,
            [
                "Förbättringsområde",
                "Ansvarig",
                "Klart senast",
                f"Status {previous.year}",
                f"Status nu ({ctx.data.year})",
                "Kommentar",
            ],
            table_rows,
        )
    )
