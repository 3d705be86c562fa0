"""Figures of the lex Sarah and lex Maria process: handling, status, durations, IVO."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from ledningssystem.report.breakdown import breakdown
from ledningssystem.report.case_process import IVO_LABELS, CaseProcess, Handling
from ledningssystem.report.config import UNKNOWN_CHOICE as UNKNOWN
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.model import SARAH_LABELS, MariaRow, SarahRow
from ledningssystem.report.numbers import Tally, rounded, slug

HANDLING_LABELS = {
    Handling.INVESTIGATION: "utredda här",
    Handling.FOR_INFORMATION: "rapporter för kännedom från andra",
    Handling.AS_DEVIATION: "rapporter hanterade som avvikelse",
}


def sarah_figures(figures: FigureSet, rows: tuple[SarahRow, ...], config: ReportConfig) -> None:
    """Lex Sarah: own reports, investigations by status and bedömning, categories, IVO."""
    own = [r for r in rows if r.handling is not Handling.FOR_INFORMATION]
    mine = [r for r in own if r.handling is Handling.INVESTIGATION]
    figures.add("lex-sarah.rapporter", "lex Sarah-rapporter", sum(r.reports for r in own))
    figures.add("lex-sarah.utredningar", "lex Sarah-utredningar", len(mine))
    done = [r for r in mine if r.assessment is not None]
    # Closed without a registered bedömning is not "pågående": it is its own figure.
    unassessed = [r for r in mine if r.assessment is None and r.closed]
    # "bedömning: okänt" without a closing date: ongoing or closed is not known, so the
    # status figures are lower bounds with these counted apart, never a false zero.
    unknown = sum(1 for r in mine if r.status_unknown)
    ongoing = len(mine) - len(done) - len(unassessed) - unknown
    statuses = (
        ("lex-sarah.avslutade", "avslutade lex Sarah-utredningar", len(done)),
        (
            "lex-sarah.avslutade-utan-bedomning",
            "lex Sarah-utredningar avslutade utan registrerad bedömning",
            len(unassessed),
        ),
        ("lex-sarah.pagaende", "pågående lex Sarah-utredningar", ongoing),
    )
    for name, label, count in statuses:
        _add_lower_bound(figures, name, label, count, unknown)
    if unknown:
        figures.add("lex-sarah.status-okand", "lex Sarah-utredningar med okänd status", unknown)
    figures.add_tally("lex-sarah.anmalda-ivo", "lex Sarah-anmälningar till IVO", _ivo(mine))
    for assessment, label in SARAH_LABELS.items():
        count = sum(1 for r in done if r.assessment is assessment)
        name = f"lex-sarah.bedomning.{assessment.value}"
        _add_lower_bound(figures, name, f"lex Sarah – {label}", count, unknown)
    by_category = breakdown(mine, lambda r: r.category, lambda r: 1)  # okänt: a lower bound
    for category in (*config.sarah.categories, UNKNOWN):
        tally = by_category.tally(category.id)
        if tally.known or category is not UNKNOWN:
            label = f"lex Sarah – {category.name}"
            figures.add_tally(f"lex-sarah.kategori.{category.id}", label, tally)
    case_figures(
        figures,
        "lex-sarah",
        "lex Sarah-utredningar",
        rows,
        done + unassessed,
        config.sarah.target_days,
    )


def _add_lower_bound(figures: FigureSet, name: str, label: str, count: int, unknown: int) -> None:
    """A count that is exact, or with `unknown` cases a lower bound shown with them apart."""
    if unknown:
        figures.add_partly_known(name, label, count, unknown)
    else:
        figures.add(name, label, count)


def maria_figures(figures: FigureSet, rows: tuple[MariaRow, ...], config: ReportConfig) -> None:
    """Lex Maria: investigations, IVO anmälningar, durations and IVO's outcome."""
    mine = [r for r in rows if r.handling is Handling.INVESTIGATION]
    figures.add("lex-maria.utredningar", "lex Maria-utredningar", len(mine))
    figures.add_tally("lex-maria.anmalda-ivo", "lex Maria-anmälningar till IVO", _ivo(mine))
    done = [r for r in mine if r.closed]
    case_figures(
        figures, "lex-maria", "lex Maria-utredningar", rows, done, config.maria.target_days
    )


def _ivo(rows: Sequence[CaseProcess]) -> Tally:
    """Cases anmälda till IVO; a case whose anmälan is okänt is counted apart, never as nej."""
    known = sum(1 for r in rows if r.reported_ivo)
    return Tally(known, sum(1 for r in rows if r.reported_ivo is None))


def case_figures(
    figures: FigureSet,
    prefix: str,
    label: str,
    rows: Sequence[CaseProcess],
    done: Sequence[CaseProcess],
    target_days: int | None,
) -> None:
    """Figures prefix.* for the rows' handling, their finished cases' durations and IVO."""
    for handling in (Handling.FOR_INFORMATION, Handling.AS_DEVIATION):
        count = sum(1 for r in rows if r.handling is handling)
        figures.add(
            f"{prefix}.{slug(handling.value)}", f"{label} – {HANDLING_LABELS[handling]}", count
        )
    investigated = [r for r in rows if r.handling is Handling.INVESTIGATION]
    finished = [r for r in investigated if r.closed or r in done]
    if any(r.received is not None for r in investigated):
        _durations(figures, prefix, label, finished, target_days)
    reported = [r for r in investigated if r.reported_ivo]
    if not any(r.ivo_outcome for r in reported):
        return  # IVO's outcomes are not kept: no figures rather than zeros
    for outcome, outcome_label in IVO_LABELS.items():
        count = sum(1 for r in reported if r.ivo_outcome is outcome)
        figures.add(f"{prefix}.ivo.{slug(outcome.value)}", f"{label} – {outcome_label}", count)
    unknown = sum(1 for r in reported if r.ivo_outcome is None)
    figures.add(f"{prefix}.ivo.uppgift-saknas", f"{label} – IVO:s beslut ej registrerat", unknown)


def _durations(
    figures: FigureSet,
    prefix: str,
    label: str,
    finished: Sequence[CaseProcess],
    target_days: int | None,
) -> None:
    days = [r.days for r in finished if r.days is not None]
    missing = len(finished) - len(days)
    middle = rounded(median(days), 0) if days else None
    figures.add_partly_known(
        f"{prefix}.utredningstid-median",
        f"utredningstid för {label}, median",
        middle,
        missing,
        "dagar",
    )
    if target_days is None:
        return
    within = sum(1 for d in days if d <= target_days)
    figures.add_partly_known(
        f"{prefix}.inom-mal", f"{label} avslutade inom {target_days} dagar", within, missing
    )
    if finished:
        figures.add_share(
            f"{prefix}.andel-inom-mal",
            f"andel {label} avslutade inom {target_days} dagar",
            within,
            len(finished),
            missing,
        )
