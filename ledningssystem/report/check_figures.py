"""Checks of one year's computed figures: key-figure names and control totals."""

from __future__ import annotations

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.yaml_lines import LineMap
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.figures import FigureSet
from ledningssystem.report.meta import ReportStatus


def check_year_figures(data: YearData, figures: FigureSet) -> list[ContentError]:
    """Key-figure names and control totals (sums from the diarium) against computed figures."""
    meta = data.meta
    names = list(figures.figures)
    errors: list[ContentError] = []

    def fail(path: tuple[str | int, ...], field: str, message: str, hint: str = "") -> None:
        errors.append(ContentError(meta.origin.file, meta.origin.line(*path), field, message, hint))

    for i, name in enumerate(meta.key_figures or ()):
        if name not in figures:
            fail(
                ("nyckeltal", i),
                f"nyckeltal nr {i + 1}",
                f'figuren "{name}" finns inte',
                did_you_mean(name, names).strip(),
            )
    for name, expected in meta.control_totals.items():
        figure = figures.get(name)
        field = f"kontrollsummor › {name}"
        if figure is None:
            fail(
                ("kontrollsummor", name),
                field,
                f'figuren "{name}" finns inte',
                did_you_mean(name, names).strip(),
            )
        elif figure.value != expected:
            fail(
                ("kontrollsummor", name),
                field,
                f"summan {expected} stämmer inte med delarna: datafilerna ger {figure.text()}",
                "Rätta antalen i datafilerna eller kontrollsumman.",
            )
    if meta.status is ReportStatus.APPROVED and not data.narratives:
        fail(
            ("status",),
            "status",
            "en fastställd berättelse saknar text",
            f"Skriv texterna i {data.folder}/text/.",
        )
    return errors


def check_config_key_figures(
    config: ReportConfig, figures: dict[int, FigureSet], file: str, lines: LineMap
) -> list[ContentError]:
    """Key figures in config.yml that no year has: most likely a misspelt name."""
    known = {name for year in figures.values() for name in year.figures}
    if not known:  # no year has data yet (a new organisation's first berättelse): nothing to check
        return []
    return [
        ContentError(
            file,
            lines.line(("nyckeltal", i)),
            f"nyckeltal nr {i + 1}",
            f'figuren "{name}" finns inte för något år',
            did_you_mean(name, known).strip(),
        )
        for i, name in enumerate(config.key_figures)
        if name not in known
    ]
