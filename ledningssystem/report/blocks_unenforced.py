"""The block for ej verkställda beslut: by lagrum, status at year end, kvartal and kön."""

from __future__ import annotations

from ledningssystem.report.blocks import (
    NUM,
    BlockContext,
    distribution,
    note,
    nothing,
    trend_chart,
)
from ledningssystem.report.levels import LEVEL_HEADINGS
from ledningssystem.report.pivots import case_pivot
from ledningssystem.report.unenforced import (
    GENDER_LABELS,
    LAW_LABELS,
    PREFIX,
    QUARTERS,
)
from ledningssystem.report.visuals import Table, render_table

_STATUS = (
    ("verkstallda", "Verkställda under året"),
    ("avslutade", "Avslutade utan verkställighet"),
    ("ej-verkstallda", "Ej verkställda vid årets slut"),
)


def unenforced(ctx: BlockContext) -> str:
    """Ej verkställda beslut as reported to IVO, each breakdown with its table."""
    if ctx.data.unenforced is None:
        return nothing("ej verkställda beslut")
    year = ctx.data.year
    total = ctx.figures[f"{PREFIX}.total"].text()
    laws = [(law.value, label) for law, label in LAW_LABELS.items()]
    genders = [(gender.value, label) for gender, label in GENDER_LABELS.items()]
    quarters = [(str(q), f"Kvartal {q}") for q in QUARTERS]
    parts = [
        note(
            f"{total} gynnande beslut rapporterades till IVO {year} för att de inte "
            "verkställts inom tre månader."
        ),
        distribution(ctx, f"{PREFIX}.lagrum", laws, f"Ej verkställda beslut {year} per lagrum"),
        distribution(ctx, PREFIX, _STATUS, f"Ej verkställda beslut {year}: läget vid årets slut"),
        distribution(
            ctx, f"{PREFIX}.kvartal", quarters, f"Ej verkställda beslut {year} per kvartal"
        ),
        distribution(ctx, f"{PREFIX}.kon", genders, f"Ej verkställda beslut {year} per kön"),
        _per_node(ctx),
        trend_chart(ctx, f"{PREFIX}.total", "Ej verkställda beslut per år"),
    ]
    return "\n\n".join(p for p in parts if p)


def _per_node(ctx: BlockContext) -> str:
    """Beslut per node at the level chosen in config.yml (redovisningsnivå)."""
    level = ctx.reports.config.levels.unenforced
    rows = ctx.data.unenforced or ()
    pivot = case_pivot(rows, ctx.tree, level)
    body = [
        [ctx.unit_name(n), pivot.row_tally(n).text()]
        for n in sorted(pivot.row_keys, key=ctx.unit_order)
    ]
    foot = ["Summa", pivot.total_tally().text()]
    caption = f"Ej verkställda beslut {ctx.data.year} per {level}"
    return render_table(Table(caption, [LEVEL_HEADINGS[level], "Beslut"], body, foot, NUM))
