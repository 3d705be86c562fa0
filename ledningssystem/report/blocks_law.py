"""The block "lagandringar": the year's changes in laws and regulations, from the register."""

from __future__ import annotations

from ledningssystem.legal.law_changes import law_changes
from ledningssystem.report.blocks import BlockContext, date_cell
from ledningssystem.report.visuals import Table, render_table


def law_changes_block(ctx: BlockContext) -> str:
    """A table of what started, ended or changed in the report year and the documents it hit."""
    year = ctx.data.year
    changes = law_changes(ctx.content, year)
    if not changes:
        return (
            '<p class="ls-report-empty">Lagkravsregistret har inga författningar eller krav som '
            f"började gälla, upphörde eller ändrades {year}.</p>"
        )
    rows = [
        [
            change.what,
            change.change,
            date_cell(change.on),  # never wrapped at a hyphen, on a phone either
            ", ".join(d.title for d in change.revised) or "–",
            ", ".join(d.title for d in change.still_old) or "–",
        ]
        for change in changes
    ]
    table = Table(
        f"Förändringar i lagar och föreskrifter {year}",
        [
            "Författning eller krav",
            "Förändring",
            "Datum",
            "Dokument som har reviderats sedan dess",
            "Hänvisar fortfarande till den gamla texten",
        ],
        rows,
        None,
        frozenset({2}),  # the date, aligned as a number
        frozenset({0}),
    )
    return render_table(table)
