"""Rows of the lex Sarah and lex Maria summary tables for the process: status, time, IVO."""

from __future__ import annotations

from ledningssystem.report.blocks import BlockContext, cells

# (figure suffix, row label): shown when the year has the figure.
PROCESS_ROWS = (
    ("avslutade-utan-bedomning", "Avslutade utan registrerad bedömning"),
    ("for-kannedom", "Rapporter för kännedom från andra"),
    ("som-avvikelse", "Rapporter hanterade som avvikelse"),
    ("utredningstid-median", "Utredningstid från rapport till avslutad utredning, median"),
    ("inom-mal", "Avslutade inom målet"),
    ("andel-inom-mal", "Andel avslutade inom målet"),
    ("ivo.pagar", "IVO:s handläggning pågår"),
    ("ivo.avslutat-utan-kritik", "IVO avslutade utan kritik"),
    ("ivo.kritik", "IVO riktade kritik"),
    ("ivo.uppgift-saknas", "IVO:s beslut ej registrerat"),
)


def process_rows(ctx: BlockContext, prefix: str) -> list[list[str]]:
    """The process figures of lex Sarah or lex Maria that say something this year."""
    rows = []
    for suffix, label in PROCESS_ROWS:
        figure = ctx.figures.get(f"{prefix}.{suffix}")
        if figure is None or (figure.value == 0 and not figure.previous):
            continue  # a zero nobody had last year either is no news
        if suffix.endswith("inom-mal"):
            config = ctx.reports.config
            target = (config.sarah if prefix == "lex-sarah" else config.maria).target_days
            label = f"{label} ({target} dagar)"
        rows.append([label, *cells(figure)])
    return rows
