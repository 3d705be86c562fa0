"""Settings of one portal installation (ledningssystem.yml)."""

from __future__ import annotations

import datetime as dt
import os
from typing import Annotated

from pydantic import Field, StringConstraints

from ledningssystem.core.model.base import ContentModel, Date, Slug, sv


class GitSettings(ContentModel):
    """Links to the organisation's Git host."""

    edit_url: str = sv(
        "redigera_url",
        "Mönster för länken 'Redigera sidan', {path} byts mot filens sökväg.",
        default="",
    )
    commit_url: str = sv(
        "ändring_url",
        "Mönster för länk till en ändring, {sha} byts mot ändringens id.",
        default="",
    )


class DocumentControlSettings(ContentModel):
    """How far ahead the portal warns about reviews."""

    horizon_days: int = sv(
        "horisont_dagar",
        "Hur många dagar framåt kommande revideringar visas (högst 3650, tio år).",
        default=90,
        ge=1,
        le=3650,
    )
    history_start: str = sv(
        "historik_från",
        "Ändringen (commit) som historiken börjar efter; skrivs av ny-organisation, så att "
        "exemplets historik inte visas.",
        default="",
        pattern=r"^([0-9a-f]{7,64})?$",
    )


ExemptionHash = Annotated[str, StringConstraints(pattern=r"^pnr-[0-9a-f]{32}$")]


class ReviewSettings(ContentModel):
    """Who reviews the files that route every other review (roles, organisation, settings)."""

    default_reviewer: Slug = sv(
        "standardgranskare",
        "Rollen som granskar ändringar i roles/, ledningssystem.yml och CODEOWNERS.",
        default="kvalitetschef",
    )


FactKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_åäö]+$", max_length=60)]


class Settings(ContentModel):
    """The portal's configuration, beside mkdocs.yml."""

    today: Date | None = sv(
        "idag", "Fast datum för 'idag' (ÅÅÅÅ-MM-DD), för återskapbara byggen.", default=None
    )
    git: GitSettings = Field(default_factory=GitSettings, alias="git")
    document_control: DocumentControlSettings = Field(
        default_factory=DocumentControlSettings, alias="dokumentstyrning"
    )
    facts: dict[FactKey, dict[FactKey, str | int]] = Field(
        default_factory=dict,
        alias="fakta",
        description="Fakta som flera dokument hänvisar till, i grupper: grupp → nyckel → värde. "
        'Skrivs i texten som {{ fakta("grupp.nyckel") }}.',
    )
    review: ReviewSettings = Field(default_factory=ReviewSettings, alias="granskning")
    not_personal_numbers: tuple[ExemptionHash, ...] = sv(
        "ej_personnummer",
        "Nummer som bara liknar personnummer (ordernummer, ärende-id), som kontrollsummor: "
        "felmeddelandet om numret visar vilken summa som ska stå här. Numret självt skrivs "
        "aldrig i klartext.",
        default=(),
    )
    personal_number_salt: str = sv(
        "personnummer_salt",
        "Portalens eget slumpade salt (minst 16 tecken) för kontrollsummorna i "
        "ej_personnummer; skrivs av ny-organisation. Byts det, måste summorna räknas om.",
        default="",
        max_length=200,
    )

    def effective_today(self) -> dt.date:
        """`idag` if set, else the date of SOURCE_DATE_EPOCH (the Makefile sets it to the last
        commit, so two builds of one commit agree), else the real date."""
        return self.today or _source_date() or dt.date.today()


def _source_date() -> dt.date | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
