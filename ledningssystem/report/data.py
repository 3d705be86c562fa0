"""Loaded, validated report data: one YearData per year folder, and all years together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ledningssystem.report.action_row import ActionRow
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.history_file import History
from ledningssystem.report.indicator_row import IndicatorRow
from ledningssystem.report.meta import ReportMeta
from ledningssystem.report.model import (
    ComplaintRow,
    DeviationRow,
    IncidentRow,
    MariaRow,
    ReviewRow,
    RiskRow,
    SarahRow,
)
from ledningssystem.report.own_kinds import OwnRow
from ledningssystem.report.section_templates import ReportTemplate
from ledningssystem.report.self_check_row import SelfCheckRow
from ledningssystem.report.unenforced import UnenforcedRow


@dataclass(frozen=True)
class Narrative:
    """The text people wrote for one section (reports/<år>/text/<avsnitt>.md)."""

    file: str
    text: str


@dataclass(frozen=True)
class YearData:
    """Everything in reports/<år>/; a kind is None when its file is absent."""

    year: int
    folder: str
    meta: ReportMeta
    template: ReportTemplate
    complaints: tuple[ComplaintRow, ...] | None = None
    deviations: tuple[DeviationRow, ...] | None = None
    sarah: tuple[SarahRow, ...] | None = None
    maria: tuple[MariaRow, ...] | None = None
    incidents: tuple[IncidentRow, ...] | None = None
    unenforced: tuple[UnenforcedRow, ...] | None = None
    risks: tuple[RiskRow, ...] | None = None
    self_checks: tuple[SelfCheckRow, ...] | None = None
    indicators: tuple[IndicatorRow, ...] | None = None
    reviews: tuple[ReviewRow, ...] | None = None
    actions: tuple[ActionRow, ...] | None = None
    narratives: dict[str, Narrative] = field(default_factory=dict)
    own: dict[str, tuple[OwnRow, ...]] = field(default_factory=dict)  # egna_uppgifter by id


@dataclass(frozen=True)
class Reports:
    """All years, their figures and their narratives with figures filled in."""

    config: ReportConfig
    templates: dict[str, ReportTemplate]
    years: dict[int, YearData]
    figures: dict[int, FigureSet]
    texts: dict[tuple[int, str], str]
    history: History | None = None  # reports/historik.yml: earlier years without a folder

    def previous(self, year: int) -> YearData | None:
        return self.years.get(year - 1)

    @property
    def latest(self) -> int | None:
        return max(self.years) if self.years else None

    def only(self, years: Iterable[int]) -> Reports:
        """These years alone, so that no table or chart shows figures of the others."""
        keep = set(years)
        return replace(
            self,
            years={y: d for y, d in self.years.items() if y in keep},
            figures={y: f for y, f in self.figures.items() if y in keep},
            texts={k: t for k, t in self.texts.items() if k[0] in keep},
        )


# (attribute, file stem, YAML key, row model): the data files of a year.
KINDS: tuple[tuple[str, str, str, type], ...] = (
    ("complaints", "klagomal", "klagomål", ComplaintRow),
    ("deviations", "avvikelser", "avvikelser", DeviationRow),
    ("sarah", "lex-sarah", "utredningar", SarahRow),
    ("maria", "lex-maria", "händelser", MariaRow),
    ("incidents", "personuppgiftsincidenter", "incidenter", IncidentRow),
    ("unenforced", "ej-verkstallda-beslut", "beslut", UnenforcedRow),
    ("risks", "riskanalys", "risker", RiskRow),
    ("self_checks", "egenkontroller", "egenkontroller", SelfCheckRow),
    ("indicators", "indikatorer", "indikatorer", IndicatorRow),
    ("reviews", "granskningar", "granskningar", ReviewRow),
    ("actions", "atgarder", "åtgärder", ActionRow),
)
