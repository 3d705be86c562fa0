"""A förbättringsområde or åtgärd of the year, followed up by its id the next year."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.unknown import MaybeDate, MaybeSlug, none_if_unknown, unknown_or


class ActionStatus(StrEnum):
    PLANNED = "planerad"
    ONGOING = "pågående"
    DONE = "genomförd"
    CANCELLED = "avbruten"


class ActionRow(ContentModel):
    """A förbättringsområde or åtgärd; the same id next year shows how it went."""

    id: Slug = sv("id", "Id, samma år efter år, t.ex. atg-avvikelser-utbildning.")
    title: Text = sv("titel", "Vad som ska göras.")
    owner: MaybeSlug = sv("ansvarig", "Rollen som ansvarar, eller okänt.")
    due: MaybeDate = sv("klart_senast", "När det ska vara klart, ÅÅÅÅ-MM-DD, eller okänt.")
    status: Annotated[
        ActionStatus | None,
        BeforeValidator(none_if_unknown),
        unknown_or({"enum": [s.value for s in ActionStatus]}),
    ] = sv("status", "planerad, pågående, genomförd eller avbruten, eller okänt.")
    process: Slug | None = sv("process", "Processen som åtgärden gäller.", default=None)
    comment: str = sv("kommentar", "Hur det gick eller varför.", default="")
