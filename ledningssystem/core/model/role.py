"""Roles in the quality system: who is responsible for what."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv

GitHandle = Annotated[str, StringConstraints(pattern=r"^@[A-Za-z0-9][A-Za-z0-9_.\-/]*$")]


class Role(ContentModel):
    """A role, e.g. SAS or enhetschef, with what it is responsible for."""

    id: Slug = sv("id", "Rollens id, t.ex. enhetschef.")
    name: Text = sv("namn", "Rollens namn, t.ex. Enhetschef.")
    short_name: str = sv("kortnamn", "Förkortning i kartor och tabeller, t.ex. SAS.", default="")
    description: Text = sv("beskrivning", "En mening om vad rollen är.")
    responsibilities: str = sv(
        "ansvar", "Rollens ansvar i ledningssystemet (Markdown).", default=""
    )
    git_handles: tuple[GitHandle, ...] = sv(
        "git",
        "Git-användare som har rollen, t.ex. @anna-enhetschef; används för granskning.",
        default=(),
    )
    unit_handles: dict[Slug, tuple[GitHandle, ...]] = sv(
        "git_per_enhet",
        'Git-användare per organisationsdel, t.ex. ifo: ["@anna-ac"]; ett dokument med '
        "ägare: avdelningschef@ifo granskas då bara av dem.",
        default_factory=dict,
    )

    @property
    def label(self) -> str:
        return self.short_name or self.name
