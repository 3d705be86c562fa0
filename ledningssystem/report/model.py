"""The rows of one year's data files (report.yml itself is in meta.py).

Every data file is a list of rows, written either as CSV (semicolon, one row a
line) or as YAML (a list under one key); both give the same models. Ids and
categories are checked against the configuration and the organisation in load.py.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Date, Slug, Text, sv
from ledningssystem.report.action_row import ActionStatus
from ledningssystem.report.case_process import CaseProcess
from ledningssystem.report.fields import PartCount, SlugList, part_of_count
from ledningssystem.report.unknown import (
    MaybeCount,
    MaybeSlug,
    is_unknown,
)

# --- rows of the data files -------------------------------------------------------------


class ComplaintRow(ContentModel):
    """One complaint, or `antal` complaints alike in unit, source and categories."""

    id: str = sv("id", "Ärendets id (frivilligt, anonymt).", default="")
    unit: MaybeSlug = sv("enhet", "Enhetens (eller avdelningens) id, eller okänt.")
    more_units: SlugList = sv(
        "fler_enheter",
        "Fler enheter som ärendet gäller: det räknas en gång i summan, en gång per enhet.",
        default=(),
    )
    source: MaybeSlug = sv("från", "Vem klagomålet kom från (källa i config.yml), eller okänt.")
    kind: MaybeSlug | None = sv(
        "slag",
        "klagomal, synpunkt, forslag eller berom (slag i config.yml); utan slag (ingen "
        "kolumn, tom eller okänt) är slaget okänt och räknas som uppgift saknas.",
        default=None,
    )
    submitter: str = sv(
        "inlämnare", "Anonym nyckel för den som lämnade synpunkten (unika inlämnare).", default=""
    )
    categories: SlugList = sv("kategorier", "En eller flera kategorier, t.ex. bemotande.")
    # Honest default: a row is one ärende; antal only sums alike ones (okänt is unknown).
    count: MaybeCount = sv("antal", "Antal klagomål på raden, eller okänt.", default=1)
    in_time: PartCount = sv(
        "i_tid",
        "Antal besvarade i tid (ja/nej för ett enskilt klagomål; okänt om det inte registrerats).",
        default=None,
    )
    feedback: PartCount = sv(
        "återkoppling",
        "Antal med dokumenterad återkoppling till den som lämnade synpunkten (ja/nej för ett "
        "enskilt ärende); okänt, eller en tom cell, om det inte registrerats.",
        default=None,
    )
    # Empty cells of these columns are okänt (files.py); a row that leaves out a column
    # that other rows give is unknown too (default None), never "nej".
    UNKNOWN_WHEN_EMPTY: ClassVar[tuple[str, ...]] = ("återkoppling",)
    PARTS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("i_tid", "in_time"),
        ("återkoppling", "feedback"),
    )

    @model_validator(mode="before")
    @classmethod
    def _parts_as_counts(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for column, _ in cls.PARTS:
                data = part_of_count(data, column)
        return data

    @property
    def feedback_kept(self) -> bool:
        """True when the row gives återkoppling at all, okänt included (a column of its file)."""
        return "feedback" in self.model_fields_set

    @property
    def units(self) -> tuple[str, ...]:
        """Every unit the ärende concerns, the first one first."""
        return (self.unit, *(u for u in self.more_units if u != self.unit))

    @model_validator(mode="after")
    def _check(self) -> ComplaintRow:
        if not self.categories:
            raise PydanticCustomError(
                "sv_no_category", "ange minst en kategori", {"field": "kategorier"}
            )
        for column, attribute in self.PARTS:
            part = getattr(self, attribute)
            if part is not None and self.count is not None and part > self.count:
                raise PydanticCustomError(
                    "sv_in_time",
                    f"{column} ({part}) måste ligga mellan 0 och antal ({self.count})",
                    {"field": column},
                )
        return self


class DeviationRow(ContentModel):
    """Avvikelser of one kind and category at one unit."""

    unit: MaybeSlug = sv("enhet", "Enhetens id, eller okänt.")
    kind: MaybeSlug = sv(
        "typ", "Slag av avvikelse, t.ex. sol, lss, hsl, organisatorisk, eller okänt."
    )
    category: MaybeSlug = sv("kategori", "Kategori inom slaget, t.ex. lakemedel, eller okänt.")
    count: MaybeCount = sv("antal", "Antal rapporterade avvikelser, eller okänt.")
    investigated: MaybeCount = sv("utredda", "Antal som utretts, eller okänt.")
    closed: MaybeCount = sv("avslutade", "Antal som avslutats, eller okänt.")
    severity: MaybeSlug | None = sv(
        "allvarlighetsgrad", "Allvarlighetsgrad (avvikelsegrader i config.yml).", default=None
    )
    recurrence: MaybeSlug | None = sv(
        "risk_för_upprepning", "Risk för upprepning (avvikelsegrader i config.yml).", default=None
    )
    # Honest default: samverkan marks the avvikelser in samverkan, the rest are not; a file
    # with no row marked gives no samverkan figures at all (deviation_figures.py).
    collaboration: Literal["skickad", "mottagen"] | None = sv(
        "samverkan",
        "För avvikelser i samverkan: skickad (till motparten) eller mottagen (från den).",
        default=None,
    )
    partner: Slug | None = sv(
        "motpart",
        "Vem en avvikelse i samverkan skickades till eller kom från (samverkan_med i "
        "config.yml); utelämnad gäller den första, standard regionen.",
        default=None,
    )

    @model_validator(mode="after")
    def _parts(self) -> DeviationRow:
        for field, value in (("utredda", self.investigated), ("avslutade", self.closed)):
            if value is not None and self.count is not None and value > self.count:
                raise PydanticCustomError(
                    "sv_part_exceeds",
                    f"{field} ({value}) kan inte vara fler än antal ({self.count})",
                    {"field": field},
                )
        return self


class SarahAssessment(StrEnum):
    NONE = "ej-missforhallande"
    RISK = "risk-for-missforhallande"
    IMPROPRIETY = "missforhallande"
    SERIOUS_RISK = "patalig-risk-for-allvarligt-missforhallande"
    SERIOUS = "allvarligt-missforhallande"


# The legal wording (SoL, lex Sarah): "påtaglig risk för missförhållande".
SARAH_LABELS = {
    SarahAssessment.NONE: "Ej missförhållande",
    SarahAssessment.RISK: "Påtaglig risk för missförhållande",
    SarahAssessment.IMPROPRIETY: "Missförhållande",
    SarahAssessment.SERIOUS_RISK: "Påtaglig risk för allvarligt missförhållande",
    SarahAssessment.SERIOUS: "Allvarligt missförhållande",
}
# Correctly spelt ids accepted beside the stable ones (figure names keep the old ids).
SARAH_SPELLINGS = {
    "pataglig-risk-for-missforhallande": SarahAssessment.RISK.value,
    "pataglig-risk-for-allvarligt-missforhallande": SarahAssessment.SERIOUS_RISK.value,
}


def _sarah_assessment(value: Any) -> Any:
    if is_unknown(value):
        return None
    return SARAH_SPELLINGS.get(value, value) if isinstance(value, str) else value


class SarahRow(CaseProcess):
    """One lex Sarah case: its reports, category, dates, bedömning and IVO's outcome."""

    id: str = sv("id", "Utredningens id (frivilligt, anonymt).", default="")
    unit: MaybeSlug = sv("enhet", "Enhetens id, eller okänt.")
    # Honest default: an utredning starts from a rapport; the column counts merged ones.
    reports: int = sv("rapporter", "Antal rapporter som utredningen omfattar.", default=1, ge=1)
    category: MaybeSlug = sv("kategori", "Kategori (lex_sarah i config.yml), eller okänt.")
    # None with no utredning_avslutad is pågående, as the field says (utelämna om den pågår).
    assessment: Annotated[SarahAssessment | None, BeforeValidator(_sarah_assessment)] = sv(
        "bedömning",
        "Bedömning när utredningen är klar; utelämna om den pågår, okänt om det inte är känt.",
        default=None,
    )

    @property
    def status_unknown(self) -> bool:
        """True when neither the bedömning nor the closing date is known."""
        return "bedömning" in self._written_unknown and not self.closed


class MariaRow(CaseProcess):
    """One lex Maria event investigated by MAS/MAR, with its dates and IVO's outcome."""

    id: str = sv("id", "Händelsens id (frivilligt, anonymt).", default="")
    unit: MaybeSlug = sv("enhet", "Enhetens id, eller okänt.")
    event: str = sv("händelse", "Kort, avidentifierad beskrivning.", default="")


class IncidentRow(ContentModel):
    """Personuppgiftsincidenter at one unit."""

    # A file without the column does not say how many were anmälda: unknown, not 0; an
    # empty CSV cell is unknown too (files.py). A YAML row without it, in a file that gives
    # it elsewhere, is 0: the column is written where there were anmälningar.
    UNKNOWN_WHEN_ABSENT: ClassVar[tuple[str, ...]] = ("anmälda_imy",)
    unit: MaybeSlug = sv("enhet", "Enhetens id, eller okänt.")
    count: MaybeCount = sv("antal", "Antal incidenter, eller okänt om enheten inte vet.")
    reported_imy: MaybeCount = sv("anmälda_imy", "Antal anmälda till IMY, eller okänt.", default=0)

    @model_validator(mode="after")
    def _parts(self) -> IncidentRow:
        known = self.count is not None and self.reported_imy is not None
        if known and self.reported_imy > self.count:  # type: ignore[operator]
            raise PydanticCustomError(
                "sv_part_exceeds",
                f"anmälda_imy ({self.reported_imy}) kan inte vara fler än antal ({self.count})",
                {"field": "anmälda_imy"},
            )
        return self


class RiskAcceptance(ContentModel):
    """A documented decision to accept a risk instead of acting on it."""

    decision: Text = sv("beslut", "Vad som beslutades, t.ex. Risken accepteras till 2026.")
    by: Text = sv("av", "Vem som beslutade, t.ex. Socialnämnden eller förvaltningschefen.")
    date: Date = sv("datum", "Datum för beslutet, ÅÅÅÅ-MM-DD.")
    reason: Text = sv("motivering", "Varför risken accepteras.")


class RiskRow(ContentModel):
    """One risk in the register: where, what, how likely, how bad, what is done."""

    id: Slug = sv("id", "Riskens id, unikt inom året, t.ex. r-hemtjanst-1.")
    process: Slug = sv("process", "Processens id.")
    step: Slug | None = sv("steg", "Stegets id i processen (aktivitet).", default=None)
    risk: Text = sv("risk", "Vad som kan gå fel.")
    likelihood: int = sv("sannolikhet", "Sannolikhet på skalan, 1 = lägst.")
    consequence: int = sv("konsekvens", "Konsekvens på skalan, 1 = lägst.")
    action: str = sv("åtgärd", "Åtgärd som minskar risken.", default="")
    status: ActionStatus | None = sv("status", "Åtgärdens status.", default=None)
    owner: Slug | None = sv("ansvarig", "Rollen som ansvarar för åtgärden.", default=None)
    accepted: RiskAcceptance | None = sv(
        "accepterad",
        "Beslut att acceptera risken i stället för en åtgärd (beslut, av, datum, motivering).",
        default=None,
    )

    @property
    def value(self) -> int:
        return self.likelihood * self.consequence


class ReviewRow(ContentModel):
    """An external review: IVO tillsyn, revision and the like."""

    id: Slug = sv("id", "Granskningens id.")
    kind: Slug = sv("typ", "Slag av granskning (granskningar › typer i config.yml).")
    subject: Text = sv("vad", "Vad som granskades.")
    date: Date | None = sv("datum", "Datum för beslut eller rapport.", default=None)
    finding: Text = sv("iakttagelse", "Vad granskningen kom fram till.")
    action: str = sv("åtgärd", "Vad förvaltningen gör med resultatet.", default="")
