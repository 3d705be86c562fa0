"""report.yml: what a year's berättelse is, its status, approval and rättelser."""

from __future__ import annotations

from enum import StrEnum

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Date, Slug, Text, sv
from ledningssystem.report.fields import Count, YesNo


class ReportKind(StrEnum):
    QUALITY = "kvalitetsberättelse"
    PATIENT_SAFETY = "patientsäkerhetsberättelse"
    COMBINED = "patientsäkerhets- och kvalitetsberättelse"


class ReportStatus(StrEnum):
    DRAFT = "utkast"
    APPROVED = "fastställd"


class Approval(ContentModel):
    """When, by whom and where the berättelse was approved."""

    date: Date = sv("datum", "Datum för beslutet, ÅÅÅÅ-MM-DD.")
    by: Text = sv("av", "Vem som fastställde, t.ex. Socialnämnden.")
    paragraph: str = sv("paragraf", "Paragraf i protokollet, t.ex. § 14.", default="")
    registration: str = sv("dnr", "Diarienummer, t.ex. SN 2025/0042.", default="")
    fingerprint: str = sv(
        "fingeravtryck",
        "Skrivs av kommandot fastställ: innehållets kontroll när beslutet fattades.",
        default="",
    )


class Correction(ContentModel):
    """A rättelse of a fastställd berättelse: when, why, what, and the content after it."""

    date: Date = sv("datum", "Datum för rättelsen, ÅÅÅÅ-MM-DD.")
    reason: Text = sv("orsak", "Varför berättelsen rättades.")
    change: Text = sv("ändring", "Vad som ändrades.")
    fingerprint: str = sv(
        "fingeravtryck", "Skrivs av kommandot fastställ: innehållet efter rättelsen.", default=""
    )


class KnownTotal(ContentModel):
    """A figure the report knows from elsewhere, where the rows leave it unknown."""

    figure: str = sv("figur", "Figurens namn, t.ex. avvikelser.sol.utredda (make nyckeltal).")
    value: Count = sv("värde", "Värdet enligt källan, t.ex. 31.")
    source: Text = sv("källa", "Var värdet kommer ifrån, t.ex. Avvikelsesystemets årsrapport.")


class ReportMeta(ContentModel):
    """report.yml: what the berättelse is, its status and its section template."""

    year: int = sv("år", "Året som berättelsen gäller, samma som mappens namn.", ge=2000, le=2100)
    kind: ReportKind = sv("typ", "Vilken berättelse det är.")
    title: str = sv("titel", "Rubrik; utelämna för typ och år.", default="")
    board: Slug = sv("nämnd", "Nämndens id (roles/organisation.yml).")
    administration: Slug = sv("förvaltning", "Förvaltningens id (roles/organisation.yml).")
    status: ReportStatus = sv("status", "utkast eller fastställd.")
    approval: Approval | None = sv(
        "fastställd", "Beslutet, när status är fastställd.", default=None
    )
    corrections: tuple[Correction, ...] = sv(
        "rättelser",
        "Rättelser efter beslutet; registreras med kommandot fastställ --rättelse.",
        default=(),
    )
    template: Slug = sv("mall", "Id för avsnittsmallen, t.ex. kombinerad eller stad.")
    compiled_by: Slug | None = sv("sammanställd_av", "Rollen som sammanställt.", default=None)
    key_figures: tuple[str, ...] | None = sv(
        "nyckeltal", "Figurnamn överst; utelämna för reports/config.yml.", default=None
    )
    no_data: tuple[Slug, ...] = sv(
        "ingen_data",
        "Uppgifter som året inte har: egna uppgifter (egna_uppgifter i reports/config.yml) "
        "eller datafiler som mallen visar, t.ex. [domar, lex-maria]; en fastställd berättelse "
        "utan datafilen måste ange den här.",
        default=(),
    )
    complete: dict[str, YesNo] = sv(
        "komplett",
        "Datafiler som inte är klara ännu, t.ex. {avvikelser: nej}: utkastet visar det och "
        "jämförelser med året innan blir preliminära.",
        default_factory=dict,
    )
    control_totals: dict[str, Count] = sv(
        "kontrollsummor",
        "Summor från t.ex. diariet som de beräknade figurerna måste stämma med.",
        default_factory=dict,
    )

    known_totals: tuple[KnownTotal, ...] = sv(
        "kända_summor",
        "Figurer som raderna lämnar okända men som en annan källa ger, med källan.",
        default=(),
    )

    @model_validator(mode="after")
    def _approval_when_approved(self) -> ReportMeta:
        if self.status is ReportStatus.APPROVED and self.approval is None:
            raise PydanticCustomError(
                "sv_approval_missing",
                "en fastställd berättelse måste ange när och av vem (datum, av, paragraf, dnr)",
                {"field": "fastställd"},
            )
        return self

    @property
    def heading(self) -> str:
        return self.title or f"{self.kind.value[0].upper()}{self.kind.value[1:]} {self.year}"
