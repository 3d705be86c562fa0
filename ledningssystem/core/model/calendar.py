"""The årshjul: recurring quality activities over the year."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv

Month = Annotated[int, Field(ge=1, le=12)]
DayOfYear = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]


class ActivityKind(StrEnum):
    PLANNING = "planering"
    FOLLOW_UP = "uppföljning"
    SELF_INSPECTION = "egenkontroll"
    RISK_ANALYSIS = "riskanalys"
    REPORTING = "rapportering"
    REVIEW = "revidering"
    TRAINING = "utbildning"


class Activity(ContentModel):
    """One recurring activity, placed on months or on dates of the year."""

    id: Slug = sv("id", "Aktivitetens id, t.ex. kvalitetsberattelse.")
    name: Text = sv("namn", "Aktivitetens namn.")
    kind: ActivityKind = sv("typ", "planering, uppföljning, egenkontroll, riskanalys, …")
    months: tuple[Month, ...] = sv("månader", "Månader då aktiviteten pågår, 1–12.", default=())
    dates: tuple[DayOfYear, ...] = sv(
        "datum", "Fasta datum under året som MM-DD, t.ex. 03-01 för 1 mars.", default=()
    )
    responsible: Slug = sv("ansvarig", "Rollen som ansvarar för aktiviteten.")
    process: Slug | None = sv("process", "Processen som aktiviteten hör till.", default=None)
    description: str = sv("beskrivning", "Vad som görs.", default="")

    @model_validator(mode="after")
    def _check_when(self) -> Self:
        if not self.months and not self.dates:
            raise PydanticCustomError(
                "sv_arshjul_nar",
                "aktiviteten måste ha månader eller datum",
                {"field": "månader"},
            )
        return self

    def all_months(self) -> tuple[int, ...]:
        """Months the activity touches, sorted, from months and dates together."""
        return tuple(sorted(set(self.months) | {int(d[:2]) for d in self.dates}))


class Calendar(ContentModel):
    """The årshjul file."""

    activities: tuple[Activity, ...] = sv("aktiviteter", "Årshjulets aktiviteter.")
