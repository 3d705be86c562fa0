"""The indicator block: each measure with its earlier measurement, direction, target and history.

An indicator may be measured another year than the report's (mätår). Its earlier value is
then the earlier measurement, and every year in the table is the year of a measurement,
named as such: "2024 (mätår)" against "2023 (mätår)", never 2025 against 2024.
"""

from __future__ import annotations

from markupsafe import Markup

from ledningssystem.report.blocks import BlockContext, nothing
from ledningssystem.report.compute import indicator_history
from ledningssystem.report.figures import Figure
from ledningssystem.report.indicator_row import IndicatorRow
from ledningssystem.report.numbers import swedish
from ledningssystem.report.visuals import Table, render_table, stacked


def indicators(ctx: BlockContext) -> str:
    rows = ctx.data.indicators
    if rows is None:
        return nothing("indikatorer")
    year = ctx.data.year
    figures = [ctx.figures[f"indikatorer.{r.id}"] for r in rows]
    # Years are named per cell only when some indicator was measured another year, several
    # times this year, or is compared with a year before last.
    measured = any(r.measured_year not in (None, year) for r in rows) or any(
        f.periods or f.previous_year not in (None, year - 1) for f in figures
    )
    table_rows = [_row(ctx, r, f, measured) for r, f in zip(rows, figures, strict=True)]
    headers = (
        ["Värde och mätår", "Föregående mätning och förändring"]
        if measured
        else [str(year), f"{year - 1} och förändring"]
    )
    return render_table(
        Table(
            f"Indikatorer {year}",
            ["Indikator och källa", *headers, "Utveckling", "Mål", "Jämförelse", "Tidigare år"],
            table_rows,
            None,
            frozenset({1, 2, 4}),
            unbroken=frozenset({4}),  # "12" over "mål nått: nej", not four lines on paper
        )
    )


def _row(ctx: BlockContext, r: IndicatorRow, figure: Figure, measured: bool) -> list[str]:
    sources = {c.id: c.name for c in ctx.reports.config.indicators.sources}
    period = r.measured_year or ctx.data.year
    earlier = indicator_history(ctx.reports.years, ctx.data.year, r.id)
    before = figure.previous_year if figure.previous_year is not None else period
    history = ", ".join(
        [f"{y}: {swedish(v, r.decimals)}" for y, v in earlier.items() if y < before]
        + [f"{label}: {_number(v, r.decimals)}" for label, v in figure.periods[:-2]]
    )
    target = swedish(r.target, r.decimals) if r.target is not None else "–"
    reached = {True: "Ja", False: "Nej", None: "–"}[r.reached()]
    comparison = (
        f"{swedish(r.comparison, r.decimals)} ({r.comparison_name or 'jämförelse'})"
        if r.comparison is not None
        else "–"
    )
    # Secondary values stacked under the main one: six columns fit a desktop column.
    return [
        stacked(r.name, sources.get(r.source, r.source)),
        *_value_cells(figure, period, measured),
        (figure.development or "–").capitalize(),
        stacked(target, f"mål nått: {reached.lower()}" if r.target is not None else ""),
        comparison,
        history or "–",
    ]


def _value_cells(figure: Figure, period: int, measured: bool) -> list[Markup | str]:
    """This measurement and the earlier one with the change, each named by its year if needed."""
    if figure.stated is not None and figure.previous is None:  # never an invented earlier value
        given = f"angiven förändring, {figure.stated.source}" if figure.stated.source else ""
        now = stacked(figure.text(), _year_name(figure, period)) if measured else figure.text()
        return [now, stacked("uppgift saknas", figure.change(), given or "angiven förändring")]
    if len(figure.periods) > 1:
        (before, _), (last, _) = figure.periods[-2:]
        return [
            stacked(figure.text(), f"{last} {period}"),
            stacked(figure.previous_text(), f"{before} {period}", figure.change() or ""),
        ]
    if not measured:
        suffix = f" (mätår {figure.measured_year})" if figure.measured_year else ""
        return [figure.text() + suffix, stacked(figure.previous_text(), figure.change() or "")]
    if figure.previous is None or figure.previous_year is None:
        return [stacked(figure.text(), _year_name(figure, period)), "–"]
    return [
        stacked(figure.text(), _year_name(figure, period)),
        stacked(
            figure.previous_text(), _year_name(figure, figure.previous_year), figure.change() or ""
        ),
    ]


def _year_name(figure: Figure, year: int) -> str:
    return f"{year} (mätår)" if figure.measured_year else str(year)


def _number(value: float | None, decimals: int) -> str:
    return swedish(value, decimals) if value is not None else "uppgift saknas"
