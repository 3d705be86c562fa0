"""Earlier years' figures in one file (reports/historik.yml), for years not kept in the portal.

A förvaltning that starts using the portal has its earlier berättelser as PDFs.
Rather than inventing year folders full of "Text saknas", it types the figures
it wants trends for: figure → year → value. A year folder always wins; giving
the same figure for a year that has its own folder is an error, so the two
sources can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Annotated

from pydantic import BeforeValidator, Field

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.model.base import ContentModel, sv
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import Figure
from ledningssystem.report.files import FileReader
from ledningssystem.report.unknown import is_unknown

HISTORY_FILE = "reports/historik.yml"
TREND_YEARS = 5  # the year page shows at most this many years of a figure


def _value(value: object) -> object:
    if is_unknown(value):
        return None
    if isinstance(value, str):  # 81,5 as Excel writes it
        return value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return value


HistoryValue = Annotated[float | None, BeforeValidator(_value)]


class History(ContentModel):
    """reports/historik.yml: figurer → figurens namn → år → värde (okänt allowed)."""

    source: str = sv(
        "källa", "Var värdena kommer ifrån, t.ex. berättelserna 2019–2023.", default=""
    )
    figures: dict[str, dict[int, HistoryValue]] = Field(
        alias="figurer",
        description="Figurens namn → år → värde, t.ex. klagomal.total: {2022: 31, 2023: 35}.",
    )

    def value(self, name: str, year: int) -> float | None:
        return self.figures.get(name, {}).get(year)

    def has(self, name: str, year: int) -> bool:
        return year in self.figures.get(name, {})


def read_history(reader: FileReader) -> History | None:
    """reports/historik.yml, validated; None when there is none (or it has errors)."""
    path = reader.root / HISTORY_FILE
    if not path.exists():
        return None
    parsed = reader.yaml(path)
    if parsed is None:
        return None
    return reader.validate(History, parsed[0], HISTORY_FILE, parsed[1])


def check_history(history: History, figures: Mapping[int, FigureSet]) -> list[ContentError]:
    """Unknown figure names, and years that have their own folder."""
    errors: list[ContentError] = []
    known = {name for year in figures.values() for name in year.figures}
    for name, years in history.figures.items():
        line = history.origin.line("figurer", name)
        if known and name not in known:
            errors.append(
                ContentError(
                    HISTORY_FILE,
                    line,
                    f"figurer › {name}",
                    f'figuren "{name}" finns inte för något år',
                    (
                        did_you_mean(name, known).strip() + " Alla figurer finns i nyckeltal.csv."
                    ).strip(),
                )
            )
        given = _given_years(name, figures)
        for year in (y for y in years if y in given):
            folder = given[year]
            what = f"{year} har en egen mapp i reports/ som ger figuren"
            if folder != year:  # an indicator measured the year before its report (mätår)
                what = f"mätåret {year} ges av reports/{folder}/"
            errors.append(
                ContentError(
                    HISTORY_FILE,
                    history.origin.line("figurer", name, year),
                    f"figurer › {name} › {year}",
                    what,
                    f"Ta bort {year} här: värdet räknas fram ur reports/{folder}/.",
                )
            )
    return errors


def _given_years(name: str, figures: Mapping[int, FigureSet]) -> dict[int, int]:
    """The years a figure's year folders give it → the folder: its mätår, else the folder's."""
    given: dict[int, int] = {}
    for year, year_figures in figures.items():
        figure = year_figures.get(name)
        if figure is not None:
            given[figure.measured_year or year] = year
    return given


def with_history(figures: FigureSet, history: History | None) -> FigureSet:
    """Last year's value from the history file where no year folder gives one."""
    if history is None:
        return figures
    for name, figure in list(figures.figures.items()):
        # A figure measured another year (mätår) is keyed by its measurement years.
        year = (figure.measured_year or figures.year) - 1
        before = history.value(name, year)
        if figure.previous is None and before is not None:
            figures.figures[name] = replace(figure, previous=before, previous_year=year)
    return figures


def trend(
    name: str, year: int, figures: Mapping[int, FigureSet], history: History | None
) -> list[tuple[int, Figure]]:
    """The figure in the last TREND_YEARS years up to `year`, from folders and history."""
    current = figures[year].get(name)
    series: dict[int, Figure] = {}
    if history is not None and current is not None:
        for past, value in history.figures.get(name, {}).items():
            if past < year:
                series[past] = Figure(name, current.label, value, current.unit, current.decimals)
    for past, year_figures in figures.items():
        if past <= year and name in year_figures:
            series[past] = year_figures[name]
    chosen = sorted(series)[-TREND_YEARS:]
    return [(y, series[y]) for y in chosen]
