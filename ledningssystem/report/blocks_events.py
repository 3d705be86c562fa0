"""Blocks for what was reported: klagomål, avvikelser, lex Sarah, lex Maria, incidents."""

from __future__ import annotations

from markupsafe import escape

from ledningssystem.report.blocks import (
    NUM,
    BlockContext,
    above_note,
    cells,
    date_cell,
    distribution,
    id_cell,
    note,
    nothing,
    pair,
    trend_chart,
)
from ledningssystem.report.blocks_cases import process_rows
from ledningssystem.report.blocks_cross import column_chart, cross_cells, cross_columns, cross_table
from ledningssystem.report.blocks_grades import graded_deviations
from ledningssystem.report.case_process import IVO_LABELS
from ledningssystem.report.config import UNKNOWN_CHOICE as UNKNOWN
from ledningssystem.report.deviation_kinds import shown_kinds
from ledningssystem.report.levels import LEVEL_HEADINGS
from ledningssystem.report.model import SARAH_LABELS
from ledningssystem.report.numbers import swedish
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL
from ledningssystem.report.visuals import Table, render_table


def complaints(ctx: BlockContext) -> str:
    rows = ctx.data.complaints
    if rows is None:
        return nothing("klagomål och synpunkter")
    config = ctx.reports.config.complaints
    level = ctx.reports.config.levels.complaints
    pivot = ctx.pivots.complaints
    assert pivot is not None  # the year has complaints
    sources = [(c.id, c.name) for c in config.sources] + [(UNKNOWN_ID, UNKNOWN_LABEL)]
    before = ctx.previous_pivots.complaints if ctx.previous_pivots else None
    columns = cross_columns(ctx, pivot, "klagomal.fran", sources, before)
    by_unit = [
        [ctx.unit_name(n), *cross_cells(pivot, n, columns)]
        for n in sorted(pivot.row_keys, key=ctx.unit_order)
    ]
    unit_table = cross_table(
        ctx,
        pivot,
        columns,
        f"Klagomål och synpunkter {ctx.data.year} per {level} och avsändare",
        (LEVEL_HEADINGS[level], "Summa"),
        by_unit,
        "klagomal.total",
    )
    total_value = pivot.total
    unit_note = (
        note(
            f"Ett ärende kan gälla flera enheter. Det räknas en gång per {level} i tabellen "
            f"men bara en gång i summan: raderna summerar till {swedish(pivot.body_total)}, "
            f"antalet ärenden är {swedish(total_value)}."
        )
        if pivot.body_total > total_value
        else ""
    )
    marks = ctx.figures.value("klagomal.kategorimarkeringar") or 0
    marks_note = (
        note(
            f"Ett ärende kan ha flera kategorier: {swedish(total_value)} ärenden har "
            f"sammanlagt {swedish(marks)} kategorimarkeringar, så kategorierna summerar "
            "till fler än antalet ärenden."
        )
        if marks > total_value
        else ""
    )
    total = ctx.figures.get("klagomal.total")
    summary = [["Klagomål och synpunkter (ärenden)", *cells(total)]]
    for name, label in (
        ("klagomal.kategorimarkeringar", "Kategorimarkeringar"),
        ("klagomal.unika-inlamnare", "Unika inlämnare"),
        ("klagomal.besvarade-i-tid", "Besvarade i tid"),
        ("klagomal.andel-i-tid", "Andel besvarade i tid"),
        ("klagomal.aterkoppling", "Dokumenterad återkoppling"),
        ("klagomal.andel-aterkoppling", "Andel med dokumenterad återkoppling"),
    ):
        if name in ctx.figures:
            summary.append([label, *cells(ctx.figures[name])])
    parts = [
        render_table(
            Table(
                f"Klagomål {ctx.data.year} i sammandrag",
                ["", str(ctx.data.year), str(ctx.data.year - 1), "Förändring"],
                summary,
                None,
                NUM,
            )
        ),
        pair(
            column_chart(ctx, "klagomal-fran", "Klagomål per avsändare", pivot, columns),
            render_table(unit_table),
        ),
        unit_note,
        above_note(ctx, pivot, level, "klagomål och synpunkter"),
        distribution(
            ctx,
            "klagomal.kategori",
            [(c.id, c.name) for c in config.categories],
            "Klagomål per kategori (ett klagomål kan ha flera kategorier)",
        ),
        marks_note,
        distribution(
            ctx, "klagomal.slag", [(c.id, c.name) for c in config.kinds], "Synpunkter per slag"
        ),
        trend_chart(ctx, "klagomal.total", "Klagomål och synpunkter per år"),
    ]
    return "\n\n".join(p for p in parts if p)


def deviations(ctx: BlockContext, level: str = "individ") -> str:
    rows = ctx.data.deviations
    if rows is None:
        return nothing("avvikelser")
    last = ctx.reports.previous(ctx.data.year)
    had = last.deviations if last and last.deviations else ()
    kinds = [k for k in shown_kinds(ctx.reports.config, rows, had) if k.level == level]
    if not kinds:  # a förvaltning without such avvikelser: no row of zeros
        return nothing("organisatoriska avvikelser" if level == "organisation" else "avvikelser")
    parts = []
    summary = []
    for kind in kinds:
        base = f"avvikelser.{kind.id}"
        summary.append(
            [
                kind.name,
                *cells(ctx.figures.get(f"{base}.total")),
                ctx.figures[f"{base}.utredda"].cell(),
                ctx.figures[f"{base}.avslutade"].cell(),
                ctx.figures[f"{base}.andel-utredda"].cell()  # with its source (kända_summor)
                if f"{base}.andel-utredda" in ctx.figures
                else "–",
            ]
        )
    title = "Avvikelser på individnivå" if level == "individ" else "Organisatoriska avvikelser"
    parts.append(
        render_table(
            Table(
                f"{title} {ctx.data.year}",
                [
                    "",
                    str(ctx.data.year),
                    str(ctx.data.year - 1),
                    "Förändring",
                    "Utredda",
                    "Avslutade",
                    "Andel utredda",
                ],
                summary,
                None,
                NUM,
            )
        )
    )
    if level == "individ":
        parts += graded_deviations(ctx)
    for kind in kinds:
        pivot = ctx.pivots.deviations.get(kind.id)
        if pivot is None:
            continue
        level = ctx.reports.config.levels.deviations
        prefix = f"avvikelser.{kind.id}.kategori"
        categories = [(c.id, c.name) for c in (*kind.categories, UNKNOWN)]
        before = ctx.previous_pivots.deviations.get(kind.id) if ctx.previous_pivots else None
        columns = cross_columns(ctx, pivot, prefix, categories, before)
        table_rows = [
            [ctx.unit_name(u), *cross_cells(pivot, u, columns)]
            for u in sorted(pivot.row_keys, key=ctx.unit_order)
        ]
        table = cross_table(
            ctx,
            pivot,
            columns,
            f"{kind.name} {ctx.data.year} per {level} och kategori",
            (LEVEL_HEADINGS[level], "Summa"),
            table_rows,
            f"avvikelser.{kind.id}.total",
        )
        chart_id = f"avvikelser-{kind.id}-kategori"
        chart = column_chart(ctx, chart_id, f"{kind.name} per kategori", pivot, columns)
        if len(kinds) > 1:  # each kind's chart, table and trend under its own name
            parts.append(f'<h4 class="ls-block-heading">{escape(kind.name)}</h4>')
        parts.append(pair(chart, render_table(table)))
        if kind.level == "individ":  # an organisational one may concern the whole avdelning
            parts.append(above_note(ctx, pivot, level, kind.label))
        parts.append(trend_chart(ctx, f"avvikelser.{kind.id}.total", f"{kind.name} per år"))
    return "\n\n".join(p for p in parts if p)


def organisational(ctx: BlockContext) -> str:
    return deviations(ctx, "organisation")


def sarah(ctx: BlockContext) -> str:
    rows = ctx.data.sarah
    if rows is None:
        return nothing("lex Sarah")
    f = ctx.figures
    summary = [
        [label, *cells(f.get(name))]
        for name, label in (
            ("lex-sarah.rapporter", "Rapporter"),
            ("lex-sarah.utredningar", "Utredningar"),
            ("lex-sarah.avslutade", "Avslutade utredningar"),
            ("lex-sarah.pagaende", "Pågående"),
            ("lex-sarah.anmalda-ivo", "Anmälda till IVO"),
        )
    ] + process_rows(ctx, "lex-sarah")
    head = ["", str(ctx.data.year), str(ctx.data.year - 1), "Förändring"]
    parts = [
        render_table(Table(f"Lex Sarah {ctx.data.year}", head, summary, None, NUM)),
        distribution(
            ctx,
            "lex-sarah.bedomning",
            [(a.value, label) for a, label in SARAH_LABELS.items()],
            "Avslutade lex Sarah-utredningar per bedömning",
        ),
        distribution(
            ctx,
            "lex-sarah.kategori",
            [(c.id, c.name) for c in ctx.reports.config.sarah.categories],
            "Lex Sarah-utredningar per kategori",
        ),
        trend_chart(ctx, "lex-sarah.rapporter", "Lex Sarah-rapporter per år"),
    ]
    return "\n\n".join(p for p in parts if p)


def maria(ctx: BlockContext) -> str:
    rows = ctx.data.maria
    if rows is None:
        return nothing("lex Maria")
    table_rows = [
        [
            id_cell(r.id),  # LM-2024-03 stays whole on a phone
            ctx.unit_name(r.unit),
            r.event or "–",
            date_cell(r.finished),  # never a placeholder date, never wrapped at a hyphen
            {True: "Ja", False: "Nej", None: UNKNOWN_LABEL}[r.reported_ivo]
            + (f" ({IVO_LABELS[r.ivo_outcome]})" if r.ivo_outcome else ""),
        ]
        for r in rows
    ]
    head = ["", str(ctx.data.year), str(ctx.data.year - 1), "Förändring"]
    summary = [
        [label, *cells(ctx.figures.get(name))]
        for name, label in (
            ("lex-maria.utredningar", "Utredda händelser"),
            ("lex-maria.anmalda-ivo", "Anmälda till IVO"),
        )
    ] + process_rows(ctx, "lex-maria")
    parts = [
        render_table(Table(f"Lex Maria {ctx.data.year}", head, summary, None, NUM)),
        trend_chart(ctx, "lex-maria.utredningar", "Lex Maria-utredningar per år"),
    ]
    if table_rows:
        parts.append(
            render_table(
                Table(
                    "Utredda händelser enligt lex Maria",
                    ["Händelse", "Enhet", "Beskrivning", "Utredning avslutad", "Anmäld till IVO"],
                    table_rows,
                )
            )
        )
    return "\n\n".join(p for p in parts if p)
