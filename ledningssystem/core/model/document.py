"""Document control fields shared by rutiner and processes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import SLUG_PATTERN, ContentModel, Date, Slug, sv

Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]

# `ägare: avdelningschef@ifo`: the role, and the unit whose holder of it owns the document.
OWNER_PATTERN = SLUG_PATTERN.removesuffix("$") + "(@" + SLUG_PATTERN[1:-1] + ")?$"


class Status(StrEnum):
    DRAFT = "utkast"
    IN_FORCE = "gällande"
    RETIRED = "upphörd"


class ControlledDocument(ContentModel):
    """Owner, version, status, approval and review date of a governing document."""

    owner: Slug = Field(
        alias="ägare",
        description="Rollen som äger dokumentet, t.ex. kvalitetschef, eller rollen i en "
        "organisationsdel: avdelningschef@ifo (då granskar bara den avdelningens avdelningschef).",
        json_schema_extra={"pattern": OWNER_PATTERN},
    )
    owner_unit: Slug | None = sv(
        "ägare_enhet",
        "Organisationsdelen vars innehavare av rollen äger dokumentet, t.ex. ifo "
        "(samma sak som ägare: avdelningschef@ifo).",
        default=None,
    )
    status: Status = sv("status", "utkast, gällande eller upphörd.")
    version: Version = sv("version", "Versionsnummer, t.ex. 1.0 eller 2.3.")
    valid_from: Date | None = sv(
        "gäller_från", "Datum då versionen börjar gälla (ÅÅÅÅ-MM-DD).", default=None
    )
    approved_by: Slug | None = sv(
        "fastställd_av", "Rollen som fastställde versionen, t.ex. forvaltningschef.", default=None
    )
    approved_on: Date | None = sv(
        "fastställd_datum", "Datum då versionen fastställdes (ÅÅÅÅ-MM-DD).", default=None
    )
    review_by: Date | None = sv(
        "revideras_senast", "Senaste datum för nästa revidering (ÅÅÅÅ-MM-DD).", default=None
    )
    editorial_note: str = sv(
        "redaktionell_ändring",
        "En redaktionell ändring som inte kräver ny version (stavning, en trasig länk), "
        't.ex. "Rättat stavfel i steg 3". Visas i versionshistoriken.',
        default="",
    )

    @model_validator(mode="before")
    @classmethod
    def _split_owner_unit(cls, data: Any) -> Any:
        """`ägare: roll@enhet` is read as `ägare: roll` with `ägare_enhet: enhet`."""
        if not isinstance(data, dict) or not isinstance(data.get("ägare"), str):
            return data
        role, at, unit = data["ägare"].partition("@")
        if not at:
            return data
        if "ägare_enhet" in data:
            raise PydanticCustomError(
                "sv_agare_enhet_tva_ganger",
                "ange organisationsdelen antingen i ägare ({owner}) eller i ägare_enhet, inte båda",
                {"owner": data["ägare"], "field": "ägare"},
            )
        return {**data, "ägare": role.strip(), "ägare_enhet": unit.strip()}

    @property
    def owner_ref(self) -> str:
        """The owner as written: `avdelningschef@ifo`, or only the role."""
        return f"{self.owner}@{self.owner_unit}" if self.owner_unit else self.owner

    @model_validator(mode="after")
    def _check_control(self) -> Self:
        if self.status is Status.IN_FORCE:
            for field, alias in (
                ("approved_by", "fastställd_av"),
                ("approved_on", "fastställd_datum"),
                ("valid_from", "gäller_från"),
                ("review_by", "revideras_senast"),
            ):
                if getattr(self, field) is None:
                    raise PydanticCustomError(
                        "sv_gallande_saknar",
                        "ett gällande dokument måste ha {alias}",
                        {"alias": alias, "field": alias},
                    )
        if self.approved_on and self.review_by and self.review_by <= self.approved_on:
            raise PydanticCustomError(
                "sv_revision_fore_faststallelse",
                "revideras_senast ({review}) måste vara efter fastställd_datum ({approved})",
                {
                    "review": self.review_by.isoformat(),
                    "approved": self.approved_on.isoformat(),
                    "field": "revideras_senast",
                },
            )
        return self
