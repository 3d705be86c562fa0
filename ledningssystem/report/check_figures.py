"""Checks of one year's computed figures: key-figure names and control totals."""

from __future__ import annotations

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.yaml_lines import LineMap
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.figure_set import FigureSet
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
    errors += _stated_changes_with_a_previous(data, figures)
    if meta.status is ReportStatus.APPROVED and not data.narratives:
        fail(
            ("status",),
            "status",
            "en fastställd berättelse saknar text",
            f"Skriv texterna i {data.folder}/text/.",
        )
    return errors


def _stated_changes_with_a_previous(data: YearData, figures: FigureSet) -> list[ContentError]:
    """A stated förändring where an earlier value exists would be dropped without a word: the
    page shows the change computed from the earlier value."""
    errors = []
    for row in data.indicators or ():
        figure = figures.get(f"indikatorer.{row.id}")
        if row.stated_change is None or figure is None or figure.previous is None:
            continue
        errors.append(
            ContentError(
                row.origin.file,
                row.origin.line("förändring"),
                "förändring",
                f"förändring anges bara när det tidigare värdet saknas, men "
                f"{figure.previous_year} har värdet {figure.previous_text()}: sidan visar "
                f"förändringen räknad ur det",
                "Ta bort förändring och förändring_källa, eller det tidigare värdet om det är fel.",
            )
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


# The first part of every figure name the engine computes. A räknas entry whose kind has
# no data in any year is not checked (nothing to compare with); any other unknown name is.
FIGURE_KINDS = frozenset(
    {
        "klagomal",
        "avvikelser",
        "lex-sarah",
        "lex-maria",
        "personuppgiftsincidenter",
        "ej-verkstallda-beslut",
        "risker",
        "egenkontroller",
        "indikatorer",
        "granskningar",
        "atgarder",
        "uppfoljning",
    }
)

# Figures that exist only where a year's file has an optional column (återkoppling): the
# standard names them under räknas for the portals that keep it, and no year having one
# is then no misspelling.
OPTIONAL_FIGURES = frozenset({"klagomal.aterkoppling"})


def check_counted_figures(
    config: ReportConfig, figures: dict[int, FigureSet], file: str, lines: LineMap
) -> list[ContentError]:
    """Figures named under räknas that no year has: a misspelt name would silently count nothing."""
    known = {name for year in figures.values() for name in year.figures}
    if not known:
        return []
    errors = []
    for i, thing in enumerate(config.counted):
        name = thing.figure
        kind = name.split(".", 1)[0]
        if name in known or name in OPTIONAL_FIGURES:
            continue
        if kind in FIGURE_KINDS and not _has_kind(known, kind):
            continue
        errors.append(
            ContentError(
                file,
                lines.line(("räknas", i, "figur")),
                f"räknas nr {i + 1} › figur",
                f'figuren "{name}" finns inte för något år, så orden räknas inte',
                did_you_mean(name, known).strip() or "Se make nyckeltal för figurernas namn.",
            )
        )
    return errors


def _has_kind(known: set[str], kind: str) -> bool:
    return any(name.startswith(f"{kind}.") for name in known)
