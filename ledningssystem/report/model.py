"""The rows of one year's data files (report.yml itself is in meta.py).

Every data file is a list of rows, written either as CSV (semicolon, one row a
line) or as YAML (a list under one key); both give the same models. Ids and
categories are checked against the configuration and the organisation in load.py.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.model.base import ContentModel, Date, Slug, Text, sv


def _yes_no(value: Any) -> Any:
    if isinstance(value, str) and value.strip().casefold() in {"ja", "nej"}:
        return value.strip().casefold() == "ja"
    return value


def _decimal(value: Any) -> Any:
    # CSV from Excel writes 81,5; YAML keeps 81.5 as text (floats are not resolved).
    if isinstance(value, str):
        return value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return value


def _list(value: Any) -> Any:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


_YES_NO_SCHEMA = {"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nej"]}]}
YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema(_YES_NO_SCHEMA)]
Decimal = Annotated[float, BeforeValidator(_decimal)]


def _whole(value: Any) -> Any:
    # Exports may write 1 234 (space or no-break space between thousands).
    if isinstance(value, str):
        return value.strip().replace("\u00a0", "").replace(" ", "")
    return value


Count = Annotated[int, Field(ge=0), BeforeValidator(_whole)]
SlugList = Annotated[tuple[Slug, ...], BeforeValidator(_list)]


# --- rows of the data files -------------------------------------------------------------


class ComplaintRow(ContentModel):
    """One complaint, or `antal` complaints alike in unit, source and categories."""

    id: str = sv("id", "Ärendets id (frivilligt, anonymt).", default="")
    unit: Slug = sv("enhet", "Enhetens id.")
    source: Slug = sv("från", "Vem klagomålet kom från (källa i config.yml).")
    categories: SlugList = sv("kategorier", "En eller flera kategorier, t.ex. bemotande.")
    count: Count = sv("antal", "Antal klagomål på raden.", default=1)
    in_time: Annotated[
        int | None,
        WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"enum": ["ja", "nej"]}]}),
    ] = sv("i_tid", "Antal besvarade i tid (eller ja/nej för ett enskilt klagomål).", default=None)

    @model_validator(mode="before")
    @classmethod
    def _yes_no_in_time(cls, data: Any) -> Any:
        if isinstance(data, dict) and "i_tid" in data:
            answer = _yes_no(data["i_tid"])
            if isinstance(answer, bool):
                count = data.get("antal", 1)
                return {**data, "i_tid": count if answer else 0}
        return data

    @model_validator(mode="after")
    def _check(self) -> ComplaintRow:
        if not self.categories:
            raise PydanticCustomError(
                "sv_no_category", "ange minst en kategori", {"field": "kategorier"}
            )
        if self.in_time is not None and not 0 <= self.in_time <= self.count:
            raise PydanticCustomError(
                "sv_in_time",
                f"i_tid ({self.in_time}) måste ligga mellan 0 och antal ({self.count})",
                {"field": "i_tid"},
            )
        return self


class DeviationRow(ContentModel):
    """Avvikelser of one kind and category at one unit."""

    unit: Slug = sv("enhet", "Enhetens id.")
    kind: Slug = sv("typ", "Slag av avvikelse, t.ex. sol, lss, hsl, organisatorisk.")
    category: Slug = sv("kategori", "Kategori inom slaget, t.ex. lakemedel.")
    count: Count = sv("antal", "Antal rapporterade avvikelser.")
    investigated: Count = sv("utredda", "Antal som utretts.")
    closed: Count = sv("avslutade", "Antal som avslutats.")

    @model_validator(mode="after")
    def _parts(self) -> DeviationRow:
        for field, value in (("utredda", self.investigated), ("avslutade", self.closed)):
            if value > self.count:
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


SARAH_LABELS = {
    SarahAssessment.NONE: "Ej missförhållande",
    SarahAssessment.RISK: "Risk för missförhållande",
    SarahAssessment.IMPROPRIETY: "Missförhållande",
    SarahAssessment.SERIOUS_RISK: "Påtaglig risk för allvarligt missförhållande",
    SarahAssessment.SERIOUS: "Allvarligt missförhållande",
}


class SarahRow(ContentModel):
    """One lex Sarah investigation, with the number of reports it covers."""

    id: str = sv("id", "Utredningens id (frivilligt, anonymt).", default="")
    unit: Slug = sv("enhet", "Enhetens id.")
    reports: int = sv("rapporter", "Antal rapporter som utredningen omfattar.", default=1, ge=1)
    category: Slug = sv("kategori", "Kategori (lex_sarah i config.yml).")
    assessment: SarahAssessment | None = sv(
        "bedömning", "Bedömning när utredningen är klar; utelämna om den pågår.", default=None
    )
    reported_ivo: YesNo = sv("anmäld_ivo", "ja om händelsen anmälts till IVO.", default=False)


class MariaRow(ContentModel):
    """One lex Maria event investigated by MAS/MAR."""

    id: str = sv("id", "Händelsens id (frivilligt, anonymt).", default="")
    unit: Slug = sv("enhet", "Enhetens id.")
    event: str = sv("händelse", "Kort, avidentifierad beskrivning.", default="")
    reported_ivo: YesNo = sv("anmäld_ivo", "ja om händelsen anmälts till IVO.", default=False)


class IncidentRow(ContentModel):
    """Personuppgiftsincidenter at one unit."""

    unit: Slug = sv("enhet", "Enhetens id.")
    count: Count = sv("antal", "Antal incidenter.")
    reported_imy: Count = sv("anmälda_imy", "Antal anmälda till IMY.", default=0)

    @model_validator(mode="after")
    def _parts(self) -> IncidentRow:
        if self.reported_imy > self.count:
            raise PydanticCustomError(
                "sv_part_exceeds",
                f"anmälda_imy ({self.reported_imy}) kan inte vara fler än antal ({self.count})",
                {"field": "anmälda_imy"},
            )
        return self


class ActionStatus(StrEnum):
    PLANNED = "planerad"
    ONGOING = "pågående"
    DONE = "genomförd"
    CANCELLED = "avbruten"


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

    @property
    def value(self) -> int:
        return self.likelihood * self.consequence


class CheckResult(StrEnum):
    PASSED = "godkänd"
    FAILED = "ej godkänd"
    NOT_DONE = "ej genomförd"


class SelfCheckRow(ContentModel):
    """One egenkontroll: what was checked in which process step, when, and the result."""

    id: Slug = sv("id", "Egenkontrollens id, t.ex. ek-journal-1.")
    process: Slug = sv("process", "Processens id.")
    step: Slug | None = sv("steg", "Stegets id i processen.", default=None)
    check: Text = sv("kontroll", "Vad som kontrollerades.")
    date: Date = sv("datum", "När kontrollen gjordes eller var planerad.")
    result: CheckResult = sv("resultat", "godkänd, ej godkänd eller ej genomförd.")
    action: str = sv("åtgärd", "Åtgärd när resultatet inte var godkänt.", default="")

    @model_validator(mode="after")
    def _action_when_failed(self) -> SelfCheckRow:
        if self.result is CheckResult.FAILED and not self.action:
            raise PydanticCustomError(
                "sv_action_missing",
                "en egenkontroll som inte är godkänd måste ha en åtgärd",
                {"field": "åtgärd"},
            )
        return self


class IndicatorRow(ContentModel):
    """One measure with its value, target, comparison and earlier years."""

    id: Slug = sv("id", "Indikatorns id, samma alla år, t.ex. kkik-kontinuitet-hemtjanst.")
    name: Text = sv("namn", "Vad som mäts.")
    source: Slug = sv("källa", "Källa (indikatorer › källor i config.yml).")
    unit: str = sv("enhet", "Måttenhet, t.ex. %, antal, dagar.", default="")
    value: Decimal = sv("värde", "Årets värde.")
    target: Decimal | None = sv("mål", "Målvärde.", default=None)
    higher_is_better: YesNo = sv(
        "högre_är_bättre", "nej om ett lägre värde är bättre.", default=True
    )
    comparison: Decimal | None = sv("jämförelse", "Jämförelsevärde, t.ex. riket.", default=None)
    comparison_name: str = sv("jämförelse_namn", "Vad jämförelsen avser, t.ex. Riket.", default="")
    decimals: int = sv("decimaler", "Antal decimaler som visas.", default=0, ge=0, le=3)
    earlier: dict[int, Decimal] = sv(
        "tidigare", "Värden för tidigare år som saknar egen mapp: {2022: 81}.", default_factory=dict
    )


class ReviewRow(ContentModel):
    """An external review: IVO tillsyn, revision and the like."""

    id: Slug = sv("id", "Granskningens id.")
    kind: Slug = sv("typ", "Slag av granskning (granskningar › typer i config.yml).")
    subject: Text = sv("vad", "Vad som granskades.")
    date: Date | None = sv("datum", "Datum för beslut eller rapport.", default=None)
    finding: Text = sv("iakttagelse", "Vad granskningen kom fram till.")
    action: str = sv("åtgärd", "Vad förvaltningen gör med resultatet.", default="")


class ActionRow(ContentModel):
    """A förbättringsområde or åtgärd; the same id next year shows how it went."""

    id: Slug = sv("id", "Id, samma år efter år, t.ex. atg-avvikelser-utbildning.")
    title: Text = sv("titel", "Vad som ska göras.")
    owner: Slug = sv("ansvarig", "Rollen som ansvarar.")
    due: Date = sv("klart_senast", "När det ska vara klart, ÅÅÅÅ-MM-DD.")
    status: ActionStatus = sv("status", "planerad, pågående, genomförd eller avbruten.")
    process: Slug | None = sv("process", "Processen som åtgärden gäller.", default=None)
    comment: str = sv("kommentar", "Hur det gick eller varför.", default="")
