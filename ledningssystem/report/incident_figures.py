"""Figures of personuppgiftsincidenter, whose counts are entered by hand and may be unknown.

A unit that could not say how many incidents it had writes `antal: okänt`. Its row is
counted apart ("uppgift saknas för 1"), never summed as a zero, and the total is then
a lower bound whose change against last year is not shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.model import IncidentRow
from ledningssystem.report.pivots import incident_pivot
from ledningssystem.report.unknown import UNKNOWN_ID

PREFIX = "personuppgiftsincidenter"


def incident_figures(figures: FigureSet, rows: Sequence[IncidentRow]) -> None:
    """Total and anmälda till IMY; rows without a known antal are counted apart."""
    pivot = incident_pivot(rows, None, "enhet")
    total = pivot.column_tally("incidenter")
    figures.add_tally(f"{PREFIX}.total", "personuppgiftsincidenter", total)
    label = "personuppgiftsincidenter anmälda till IMY"
    figures.add_tally(f"{PREFIX}.anmalda-imy", label, pivot.column_tally("anmalda-imy"))
    if total.missing:
        label = "rader med okänt antal personuppgiftsincidenter"
        figures.add(f"{PREFIX}.antal.{UNKNOWN_ID}", label, total.missing)
