"""Blocks for avvikelser by grade and samverkan, and for personuppgiftsincidenter."""

from __future__ import annotations

from ledningssystem.report.blocks import NUM, BlockContext, distribution, nothing, trend_chart
from ledningssystem.report.choice import Choice
from ledningssystem.report.levels import LEVEL_HEADINGS
from ledningssystem.report.visuals import Table, render_table


def graded_deviations(ctx: BlockContext) -> list[str]:
    """Allvarlighetsgrad, risk för upprepning and samverkan, where the data has them."""
    config = ctx.reports.config
    parts = [
        distribution(ctx, f"avvikelser.{prefix}", grades, f"Avvikelser per {title}")
        for prefix, title, grades in (
            ("allvarlighetsgrad", "allvarlighetsgrad", _pairs(config.grades)),
            ("risk-for-upprepning", "risk för upprepning", _pairs(config.recurrence_scale)),
        )
        if f"avvikelser.{prefix}.{grades[0][0]}" in ctx.figures
    ]
    if "avvikelser.samverkan.skickade" in ctx.figures:
        partners = ctx.reports.config.partners
        if len(partners) == 1:
            directions = [
                ("skickade", f"Skickade till {partners[0].name}"),
                ("mottagna", f"Mottagna från {partners[0].name}"),
            ]
        else:
            directions = [
                (f"{p.id}.{key}", f"{label} {p.name}")
                for p in partners
                for key, label in (("skickade", "Skickade till"), ("mottagna", "Mottagna från"))
            ]
        whom = " och ".join(p.name for p in partners)
        parts.append(
            distribution(
                ctx, "avvikelser.samverkan", directions, f"Avvikelser i samverkan med {whom}"
            )
        )
    return parts


def _pairs(scale: tuple[Choice, ...]) -> list[tuple[str, str]]:
    return [(g.id, g.name) for g in scale]


def incidents(ctx: BlockContext) -> str:
    rows = ctx.data.incidents
    if rows is None:
        return nothing("personuppgiftsincidenter")
    level = ctx.reports.config.levels.incidents
    pivot = ctx.pivots.incidents
    assert pivot is not None  # the year has incidents
    table_rows = [
        [ctx.unit_name(n), *[pivot.cell_tally(n, c).text() for c in pivot.column_keys]]
        for n in sorted(pivot.row_keys, key=ctx.unit_order)
    ]
    foot = ["Summa", *[pivot.column_tally(c).text() for c in pivot.column_keys]]
    table = render_table(
        Table(
            f"Personuppgiftsincidenter {ctx.data.year}",
            [LEVEL_HEADINGS[level], "Incidenter", "Anmälda till IMY"],
            table_rows,
            foot,
            NUM,
        )
    )
    chart = trend_chart(
        ctx, "personuppgiftsincidenter.total", "Personuppgiftsincidenter per år", compared=False
    )
    return "\n\n".join(p for p in (table, chart) if p)
