"""Figures of personuppgiftsincidenter, whose counts are entered by hand and may be unknown.

A unit that could not say how many incidents it had writes `antal: okänt`. Its row is
counted apart ("uppgift saknas för 1"), never summed as a zero, and the total is then
a lower bound whose change against last year is not shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledningssystem.report.figures import FigureSet
from ledningssystem.report.model import IncidentRow
from ledningssystem.report.unknown import UNKNOWN_ID

PREFIX = "personuppgiftsincidenter"


def incident_figures(figures: FigureSet, rows: Sequence[IncidentRow]) -> None:
    """Total and anmälda till IMY; rows without a known antal are counted apart."""
    known = [r for r in rows if r.count is not None]
    unknown = len(rows) - len(known)
    total = sum(r.count or 0 for r in known)
    reported = sum(r.reported_imy for r in known)
    if unknown:
        figures.add_partly_known(f"{PREFIX}.total", "personuppgiftsincidenter", total, unknown)
        label = "personuppgiftsincidenter anmälda till IMY"
        figures.add_partly_known(f"{PREFIX}.anmalda-imy", label, reported, unknown)
        label = "rader med okänt antal personuppgiftsincidenter"
        figures.add(f"{PREFIX}.antal.{UNKNOWN_ID}", label, unknown)
        return
    figures.add(f"{PREFIX}.total", "personuppgiftsincidenter", total)
    figures.add(f"{PREFIX}.anmalda-imy", "personuppgiftsincidenter anmälda till IMY", reported)


def incident_cell(rows: Sequence[IncidentRow], attribute: str) -> str:
    """A table cell of some rows: "3", "3 (uppgift saknas för 1)" or "uppgift saknas"."""
    known = [r for r in rows if r.count is not None]
    missing = len(rows) - len(known)
    total = sum(getattr(r, attribute) for r in known)
    if not missing:
        return f"{total}"
    if not known:
        return "uppgift saknas"
    return f"{total} (uppgift saknas för {missing})"
