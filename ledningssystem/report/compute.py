"""Compute a year's figures from its validated rows (pure; no files)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from ledningssystem.core.model.organisation import Organisation
from ledningssystem.report.action_row import ActionRow, ActionStatus
from ledningssystem.report.case_figures import maria_figures, sarah_figures
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.deviation_figures import measured_checks
from ledningssystem.report.event_figures import (
    complaint_figures,
    deviation_figures,
    division_figures,
)
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import Figure
from ledningssystem.report.incident_figures import incident_figures
from ledningssystem.report.indicator_row import IndicatorRow
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.numbers import slug
from ledningssystem.report.own_figures import own_figures
from ledningssystem.report.pivots import tally_by
from ledningssystem.report.self_check_row import CheckResult, SelfCheckRow
from ledningssystem.report.unenforced import unenforced_figures
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL


def compute_figures(
    data: YearData,
    config: ReportConfig,
    previous: YearData | None,
    unit_names: Mapping[str, str] | None = None,
    tree: OrgTree | None = None,
) -> FigureSet:
    """Every figure of one year, without previous-year values (see FigureSet.with_previous)."""
    figures = FigureSet(data.year, small_base=config.small_base)
    names = {**(unit_names or {}), UNKNOWN_ID: UNKNOWN_LABEL}
    org = tree if tree is not None else OrgTree(Organisation.empty())
    if data.complaints is not None:
        complaint_figures(figures, data.complaints, config, org, names)
    if data.deviations is not None:
        before = previous.deviations if previous and previous.deviations else ()
        deviation_figures(figures, data.deviations, config, org, names, before)
    if tree is not None:
        division_figures(figures, data, config, tree, names)
    own_figures(figures, data.own, config, org, names)
    _sarah_maria_incidents(figures, data, config)
    _risks_and_checks(figures, data, config)
    _indicators(figures, data, previous)
    _reviews_and_actions(figures, data, config, previous)
    return figures


def _sarah_maria_incidents(figures: FigureSet, data: YearData, config: ReportConfig) -> None:
    if data.sarah is not None:
        sarah_figures(figures, data.sarah, config)
    if data.maria is not None:
        maria_figures(figures, data.maria, config)
    if data.incidents is not None:
        incident_figures(figures, data.incidents)
    if data.unenforced is not None:
        unenforced_figures(figures, data.unenforced, data.year)


def _risks_and_checks(figures: FigureSet, data: YearData, config: ReportConfig) -> None:
    if data.risks is not None:
        figures.add("risker.total", "identifierade risker", len(data.risks))
        accepted = sum(1 for r in data.risks if r.accepted is not None)
        figures.add("risker.accepterade", "accepterade risker", accepted)
        classes = Counter(config.risk.classify(r.value).id for r in data.risks)
        for risk_class in config.risk.classes:
            figures.add(
                f"risker.klass.{risk_class.id}",
                f"risker i klassen {risk_class.name.lower()}",
                classes[risk_class.id],
            )
        for status in ActionStatus:
            count = sum(1 for r in data.risks if r.status is status)
            figures.add(
                f"risker.atgard.{slug(status.value)}", f"riskåtgärder {status.value}", count
            )
    if data.self_checks is not None:
        _self_checks(figures, data.self_checks)


def _self_checks(figures: FigureSet, rows: tuple[SelfCheckRow, ...]) -> None:
    figures.add("egenkontroller.total", "egenkontroller", len(rows))
    measured_checks(figures, rows)
    results = tally_by(rows, lambda r: (r.result.value if r.result else UNKNOWN_ID,), lambda r: 1)
    for result in CheckResult:
        name, label = f"egenkontroller.{slug(result.value)}", f"egenkontroller {result.value}"
        figures.add_tally(name, label, results.column_tally(result.value))
    unknown = results.column_tally(UNKNOWN_ID).known  # results written as okänt
    if unknown:
        figures.add(
            f"egenkontroller.{UNKNOWN_ID}", "egenkontroller utan registrerat resultat", unknown
        )
    passed = results.column_tally(CheckResult.PASSED.value).known
    performed = passed + results.column_tally(CheckResult.FAILED.value).known
    label = "andel godkända av genomförda egenkontroller"
    # An unknown result may be either: the share is not known.
    figures.add_share("egenkontroller.andel-godkanda", label, passed, performed, unknown)


def _indicators(figures: FigureSet, data: YearData, previous: YearData | None) -> None:
    for row in data.indicators or ():
        name = f"indikatorer.{row.id}"
        # värde: okänt is a figure too, shown as "uppgift saknas" (never a zero).
        stated = row.stated_change
        figures.figures[name] = Figure(
            name,
            row.name,
            row.current,
            row.unit,
            row.decimals,
            small_base=figures.small_base,
            direction=row.direction,
            measured_year=row.measured_year,
            bound=row.bound,
            stated=replace(stated, source=row.stated_change_source) if stated else None,
            periods=tuple((m.period, m.value) for m in row.measurements),
        )
        if row.from_parts:  # an okänt täljare or nämnare is a figure too: "uppgift saknas"
            for part, label, value in (
                ("taljare", "täljare", row.numerator),
                ("namnare", "nämnare", row.denominator),
            ):
                figures.figures[f"{name}.{part}"] = Figure(
                    f"{name}.{part}",
                    f"{row.name} – {label}",
                    value,
                    small_base=figures.small_base,
                    measured_year=row.measured_year,
                )
        before = _earlier_measure(row, data.year, previous)
        if before is not None:
            then, measure = before
            figures.figures[name] = replace(figures[name], previous=measure, previous_year=then)


def _earlier_measure(
    row: IndicatorRow, year: int, previous: YearData | None
) -> tuple[int, float] | None:
    """(mätår, value) of the measurement before this row's: last year's file, then `tidigare`.

    The years are measurement years: a 2025 report with mätår 2024 compares with 2023's
    measurement (or whatever earlier one last year's report gave), never with itself."""
    period = row.measured_year or year
    if len(row.measurements) > 1:  # within the year: against the measurement before
        before = row.measurements[-2].value
        return (period, before) if before is not None else None
    match = [r for r in (previous.indicators or ()) if r.id == row.id] if previous else []
    if match:  # last year's own data file wins over a value typed into `tidigare`
        last = match[0]
        last_period = last.measured_year or year - 1
        if last_period < period and last.current is not None:
            return last_period, last.current
        if last_period < period:
            return None  # last year's measurement is unknown: nothing to compare with
    # The latest earlier measurement, also one from years before last (a survey every third year).
    stored = [(y, v) for y, v in sorted(row.earlier.items()) if y < period]
    return stored[-1] if stored else None


def _reviews_and_actions(
    figures: FigureSet, data: YearData, config: ReportConfig, previous: YearData | None
) -> None:
    if data.reviews is not None:
        figures.add("granskningar.total", "externa granskningar", len(data.reviews))
        for kind in config.reviews.kinds:
            count = sum(1 for r in data.reviews if r.kind == kind.id)
            figures.add(f"granskningar.typ.{kind.id}", f"granskningar – {kind.name}", count)
    if data.actions is not None:
        figures.add("atgarder.total", "förbättringsåtgärder", len(data.actions))
        unknown = sum(1 for r in data.actions if r.status is None)
        for status in ActionStatus:
            count = sum(1 for r in data.actions if r.status is status)
            name, label = (
                f"atgarder.status.{slug(status.value)}",
                f"förbättringsåtgärder {status.value}",
            )
            if unknown:  # a lower bound, the unknown statuses counted apart
                figures.add_partly_known(name, label, count, unknown)
            else:
                figures.add(name, label, count)
        if unknown:
            figures.add(
                "atgarder.status.uppgift-saknas", "förbättringsåtgärder med okänd status", unknown
            )
    if previous is not None and previous.actions is not None:
        follow_up_figures(figures, follow_up(previous.actions, data.actions or ()))


def follow_up_figures(figures: FigureSet, follow: list[tuple[ActionRow, ActionRow | None]]) -> None:
    """Last year's förbättringsområden: how many, done (a lower bound with okänt), not followed."""
    done = sum(1 for before, now in follow if status_now(before, now) is ActionStatus.DONE)
    # Followed up this year with status okänt: neither done nor "utan uppföljning".
    unknown = sum(1 for _, now in follow if now is not None and now.status is None)
    figures.add("uppfoljning.total", "förbättringsområden från föregående år", len(follow))
    genomforda = ("uppfoljning.genomforda", "genomförda förbättringsområden")
    andel = ("uppfoljning.andel-genomforda", "andel genomförda förbättringsområden")
    if unknown:
        figures.add_partly_known(*genomforda, done, unknown)
    else:
        figures.add(*genomforda, done)
    figures.add_share(*andel, done, len(follow), unknown)
    figures.add(
        "uppfoljning.ej-uppfoljda",
        "förbättringsområden utan uppföljning",
        sum(1 for before, now in follow if now is None and before.status not in CLOSED),
    )


def follow_up(
    before: tuple[ActionRow, ...], now: tuple[ActionRow, ...]
) -> list[tuple[ActionRow, ActionRow | None]]:
    """Last year's åtgärder, each with this year's row of the same id (None if not followed up)."""
    current = {row.id: row for row in now}
    return [(row, current.get(row.id)) for row in before]


CLOSED = (ActionStatus.DONE, ActionStatus.CANCELLED)


def status_now(before: ActionRow, now: ActionRow | None) -> ActionStatus | None:
    """This year's status; an åtgärd closed last year and not repeated stays closed; else None."""
    if now is not None:
        return now.status
    return before.status if before.status in CLOSED else None


def indicator_history(
    reports_years: Mapping[int, YearData], year: int, indicator_id: str
) -> dict[int, float]:
    """Every known value of an indicator before `year`: from earlier years' files and `tidigare`.

    Keyed by measurement year (mätår, else the report year), as `tidigare` is."""
    history: dict[int, float] = {}
    for data_year in sorted(y for y in reports_years if y <= year):
        for row in reports_years[data_year].indicators or ():
            if row.id != indicator_id:
                continue
            period = row.measured_year or year
            history.update({y: v for y, v in row.earlier.items() if y < period})
            if data_year < year and row.current is not None:  # okänt is no point on a chart
                history[row.measured_year or data_year] = row.current
    return dict(sorted(history.items()))
