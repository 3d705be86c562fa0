"""Avvikelser by allvarlighetsgrad, risk för upprepning and samverkan direction."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ledningssystem.report.breakdown import breakdown
from ledningssystem.report.choice import Choice
from ledningssystem.report.config import UNKNOWN_CHOICE, ReportConfig
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import Figure
from ledningssystem.report.model import DeviationRow
from ledningssystem.report.pivots import tally_by
from ledningssystem.report.self_check_row import SelfCheckRow

GRADED = (
    ("allvarlighetsgrad", "severity", "avvikelser med allvarlighetsgrad"),
    ("risk-for-upprepning", "recurrence", "avvikelser med risk för upprepning"),
)
SCALES: dict[str, Callable[[ReportConfig], tuple[Choice, ...]]] = {
    "severity": lambda config: config.grades,
    "recurrence": lambda config: config.recurrence_scale,
}
DIRECTIONS = (
    ("skickad", "skickade", "skickade till"),
    ("mottagen", "mottagna", "mottagna från"),
)


def deviation_grades(
    figures: FigureSet, rows: Sequence[DeviationRow], config: ReportConfig
) -> None:
    """Figures per grade where the export has them, and samverkan by direction."""
    for prefix, attribute, label in GRADED:
        if all(getattr(r, attribute) is None for r in rows):
            continue  # the export has no such column: no figure, not a zero
        # Where the column is kept, a row without a grade is of unknown grade.
        by_grade = breakdown(rows, _grade_of(attribute), lambda r: r.count)
        for grade in (*SCALES[attribute](config), UNKNOWN_CHOICE):
            tally = by_grade.tally(grade.id)
            if tally.known or tally.missing or grade is not UNKNOWN_CHOICE:
                name = f"avvikelser.{prefix}.{grade.id}"
                figures.add_tally(name, f"{label} {grade.name.lower()}", tally)
    if any(r.collaboration for r in rows):
        _collaboration(figures, rows, config)


def _collaboration(figures: FigureSet, rows: Sequence[DeviationRow], config: ReportConfig) -> None:
    """Avvikelser i samverkan by direction, and by motpart when there are several."""
    partners = config.partners
    first = partners[0].id
    by_direction = tally_by(rows, lambda r: (r.collaboration or "",), lambda r: r.count)
    by_partner = tally_by(
        [r for r in rows if r.collaboration],
        lambda r: (f"{r.partner or first}.{r.collaboration}",),
        lambda r: r.count,
    )
    whom = partners[0].name if len(partners) == 1 else "andra huvudmän och förvaltningar"
    for value, name, label in DIRECTIONS:
        tally = by_direction.column_tally(value)
        figures.add_tally(
            f"avvikelser.samverkan.{name}", f"avvikelser i samverkan {label} {whom}", tally
        )
        if len(partners) > 1:
            for partner in partners:
                tally = by_partner.column_tally(f"{partner.id}.{value}")
                figures.add_tally(
                    f"avvikelser.samverkan.{partner.id}.{name}",
                    f"avvikelser i samverkan {label} {partner.name}",
                    tally,
                )


def _grade_of(attribute: str) -> Callable[[DeviationRow], str | None]:
    return lambda row: getattr(row, attribute)


def measured_checks(figures: FigureSet, rows: Sequence[SelfCheckRow]) -> None:
    """Each egenkontroll with a measured value as a figure of its own, with its direction.

    An earlier value written in `tidigare` is its previous value here; last year's folder
    (FigureSet.with_previous) and reports/historik.yml fill it in otherwise."""
    for row in rows:
        if row.measured is None:
            continue
        earlier = (
            row.earlier if row.earlier and row.earlier.year < figures.year else None
        )  # check refuses a later year
        figures.figures[f"egenkontroller.matt.{row.id}"] = Figure(
            f"egenkontroller.matt.{row.id}",
            row.check,
            row.measured,
            row.unit,
            1 if row.measured % 1 else 0,
            previous=earlier.value if earlier else None,
            previous_year=earlier.year if earlier else None,
            small_base=figures.small_base,
            direction=row.direction,
        )
