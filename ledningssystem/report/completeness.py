"""Drafts say they are drafts: which data files of a year are missing or not yet complete.

A year half entered must not read as real: its page and PDF list what is missing or marked
`komplett: nej` in report.yml, and its comparisons with the year before are marked
preliminary until every data file is there and complete.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean
from ledningssystem.report.data import KINDS, YearData
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.meta import ReportStatus
from ledningssystem.report.required_files import shown_files

DATA_FILES = tuple(stem for _, stem, _, _ in KINDS)  # avvikelser, klagomal, …
# What each data file holds, in Swedish, and the file to create (exports are CSV).
FILE_KINDS = {
    "klagomal": ("Klagomål och synpunkter", "csv"),
    "avvikelser": ("Avvikelser", "csv"),
    "lex-sarah": ("Lex Sarah", "yml"),
    "lex-maria": ("Lex Maria", "yml"),
    "personuppgiftsincidenter": ("Personuppgiftsincidenter", "csv"),
    "ej-verkstallda-beslut": ("Ej verkställda beslut", "csv"),
    "riskanalys": ("Riskanalys", "yml"),
    "egenkontroller": ("Egenkontroller", "yml"),
    "indikatorer": ("Indikatorer", "yml"),
    "granskningar": ("Externa granskningar", "yml"),
    "atgarder": ("Förbättringsåtgärder", "yml"),
}
# The figures computed from each data file, by the first part of their names.
FIGURES_OF = {"riskanalys": ("risker",), "atgarder": ("atgarder", "uppfoljning")}


@dataclass(frozen=True)
class Completeness:
    """The data files of a draft year that are missing, and those marked komplett: nej."""

    missing: tuple[str, ...] = ()
    incomplete: tuple[str, ...] = ()

    @property
    def preliminary(self) -> bool:
        return bool(self.missing or self.incomplete)

    def note(self) -> str:
        """A Swedish sentence for the page and the PDF, or "" when everything is there.

        The missing files themselves are a list of their own (`missing_files`)."""
        if self.incomplete:
            text = (
                "Uppgifterna är inte kompletta – datafiler som inte är klara (komplett: nej): "
                f"{', '.join(self.incomplete)}. Jämförelser med året innan är preliminära för "
                "datafiler som inte är klara."
            )
            return f"{text} Några datafiler saknas ännu." if self.missing else text
        return "Uppgifterna är inte kompletta: några datafiler saknas ännu." if self.missing else ""

    def missing_files(self, year: int) -> tuple[str, ...]:
        """ "Lex Sarah: reports/2025/lex-sarah.yml", a line per data file the year lacks."""
        lines = []
        for stem in self.missing:
            name, suffix = FILE_KINDS.get(stem, (stem, "yml"))
            lines.append(f"{name}: reports/{year}/{stem}.{suffix}")
        return tuple(lines)


def completeness(data: YearData) -> Completeness:
    """What a draft year still lacks; a fastställd year is complete by decision."""
    if data.meta.status is not ReportStatus.DRAFT:
        return Completeness()
    # Only files the year's sections show: ej verkställda beslut before its section's
    # från_år, or a file declined with ingen_data, is not missing.
    shown = shown_files(data.template, data.year)
    missing = tuple(
        stem
        for attr, stem, _, _ in KINDS
        if getattr(data, attr) is None and stem in shown and stem not in data.meta.no_data
    )
    marked = data.meta.complete
    incomplete = tuple(s for s in DATA_FILES if marked.get(s) is False and s not in missing)
    return Completeness(missing, incomplete)


def mark_preliminary(figures: FigureSet, data: YearData) -> FigureSet:
    """The figures of data files marked komplett: nej, with their comparisons preliminary.

    A missing file has no figures, so it has no comparisons to mark; the note lists it.
    """
    incomplete = completeness(data).incomplete
    prefixes = {p for stem in incomplete for p in FIGURES_OF.get(stem, (stem,))}
    for name, figure in figures.figures.items():
        if name.split(".", 1)[0] in prefixes:
            figures.figures[name] = replace(figure, preliminary=True)
    return figures


def check_completeness_keys(data: YearData) -> list[ContentError]:
    """`komplett:` in report.yml may only name the year's data files."""
    meta = data.meta
    return [
        ContentError(
            meta.origin.file,
            meta.origin.line("komplett", key),
            f"komplett › {key}",
            f'"{key}" är ingen datafil',
            (did_you_mean(key, DATA_FILES) + f" Datafilerna: {', '.join(DATA_FILES)}.").strip(),
        )
        for key in meta.complete
        if key not in DATA_FILES
    ]
