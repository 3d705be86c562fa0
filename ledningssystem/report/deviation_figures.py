"""Avvikelser by allvarlighetsgrad, risk för upprepning and samverkan direction."""

from __future__ import annotations

from collections.abc import Sequence

from ledningssystem.report.config import UNKNOWN_CHOICE, ReportConfig
from ledningssystem.report.figures import FigureSet
from ledningssystem.report.model import DeviationRow
from ledningssystem.report.self_check_row import SelfCheckRow

GRADED = (
    ("allvarlighetsgrad", "severity", "avvikelser med allvarlighetsgrad"),
    ("risk-for-upprepning", "recurrence", "avvikelser med risk för upprepning"),
)
DIRECTIONS = (
    ("skickad", "skickade", "skickade till regionen"),
    ("mottagen", "mottagna", "mottagna från regionen"),
)


def deviation_grades(
    figures: FigureSet, rows: Sequence[DeviationRow], config: ReportConfig
) -> None:
    """Figures per grade where the export has them, and samverkan by direction."""
    for prefix, attribute, label in GRADED:
        graded = [r for r in rows if getattr(r, attribute) is not None]
        if not graded:
            continue  # the export has no such column: no figure, not a zero
        for grade in (*config.grades, UNKNOWN_CHOICE):
            count = sum(r.count for r in graded if getattr(r, attribute) == grade.id)
            if count or grade is not UNKNOWN_CHOICE:
                figures.add(
                    f"avvikelser.{prefix}.{grade.id}", f"{label} {grade.name.lower()}", count
                )
    if any(r.collaboration for r in rows):
        for value, name, label in DIRECTIONS:
            count = sum(r.count for r in rows if r.collaboration == value)
            figures.add(f"avvikelser.samverkan.{name}", f"avvikelser i samverkan {label}", count)


def measured_checks(figures: FigureSet, rows: Sequence[SelfCheckRow]) -> None:
    """Each egenkontroll with a measured value as a figure of its own."""
    for row in rows:
        if row.measured is not None:
            figures.add(
                f"egenkontroller.matt.{row.id}",
                row.check,
                row.measured,
                row.unit,
                1 if row.measured % 1 else 0,
            )
