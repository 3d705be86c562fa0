"""kända_summor: figures the rows leave unknown, given by report.yml with their source."""

from __future__ import annotations

from dataclasses import replace

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import PERCENT
from ledningssystem.report.meta import KnownTotal, ReportMeta
from ledningssystem.report.numbers import share, swedish

# A given part and the share computed from it over the kind's total: avvikelser.sol.utredda
# gives avvikelser.sol.andel-utredda (over avvikelser.sol.total), klagomal.aterkoppling
# klagomal.andel-aterkoppling (over klagomal.total).
SHARES = {"utredda": "andel-utredda", "aterkoppling": "andel-aterkoppling"}


def apply_known_totals(figures: FigureSet, meta: ReportMeta) -> list[ContentError]:
    """Give each valid entry's figure its value and source; every refused entry is an error."""
    errors: list[ContentError] = []
    for i, entry in enumerate(meta.known_totals):
        problem = _problem(figures, entry)
        if problem:
            message, hint = problem
            line = meta.origin.line("kända_summor", i, "figur")
            field = f"kända_summor nr {i + 1} › figur"
            errors.append(ContentError(meta.origin.file, line, field, message, hint))
            continue
        figure = figures[entry.figure]
        figures.figures[entry.figure] = replace(
            figure, value=entry.value, missing=0, unknown_choice=0, source=entry.source
        )
        _share_from(figures, entry)
    return errors


def _problem(figures: FigureSet, entry: KnownTotal) -> tuple[str, str] | None:
    """(message, hint) when the entry cannot be used, else None."""
    figure = figures.get(entry.figure)
    if figure is None:
        hint = did_you_mean(entry.figure, figures.figures).strip()
        return f'figuren "{entry.figure}" finns inte', hint or "Se make nyckeltal."
    if not figure.missing and figure.value is not None:
        return (
            f'figuren "{entry.figure}" är redan känd ur datafilerna (ger {figure.text()}); '
            "ta bort raden",
            "En känd summa behövs bara där raderna lämnar figuren okänd.",
        )
    if figure.unit == PERCENT:
        return (
            f'figuren "{entry.figure}" är en andel; ange delen i stället',
            "Andelen räknas ut ur den angivna delen.",
        )
    if figure.value is not None and entry.value < figure.value:
        return (
            f"värdet {swedish(entry.value)} är mindre än det som datafilerna redan ger "
            f"({swedish(figure.value)} kända)",
            f"Ange minst {swedish(figure.value)}, eller rätta datafilerna.",
        )
    return None


def _share_from(figures: FigureSet, entry: KnownTotal) -> None:
    """The share computed from the given part, when the whole is fully known."""
    base, _, part = entry.figure.rpartition(".")
    share_name = f"{base}.{SHARES[part]}" if part in SHARES else ""
    whole = figures.get(f"{base}.total")
    current = figures.get(share_name)
    if current is None or whole is None or whole.value is None or whole.missing:
        return
    figures.figures[share_name] = replace(
        current,
        value=share(int(entry.value), int(whole.value)),
        missing=0,
        unknown_choice=0,
        base=int(whole.value),
        part=int(entry.value),
        source=entry.source,
    )
