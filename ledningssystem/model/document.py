"""Document control fields shared by rutiner and processes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.model.base import ContentModel, Date, Slug, sv

Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]


class Status(StrEnum):
    DRAFT = "utkast"
    IN_FORCE = "gällande"
    RETIRED = "upphörd"


class ControlledDocument(ContentModel):
    """Owner, version, status, approval and review date of a governing document."""

    owner: Slug = sv("ägare", "Rollen som äger dokumentet, t.ex. kvalitetschef.")
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
