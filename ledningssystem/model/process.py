"""Processes: styr-, huvud- and stödprocesser with ordered steps and RACI."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.model.base import ContentModel, Slug, Text, sv
from ledningssystem.model.document import ControlledDocument


class ProcessType(StrEnum):
    STEERING = "styrprocess"
    CORE = "huvudprocess"
    SUPPORT = "stödprocess"


class Responsibility(StrEnum):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    CONSULTED = "C"
    INFORMED = "I"


class Step(ContentModel):
    """A delprocess or aktivitet: who performs it, who is R/A/C/I, which rutiner support it."""

    id: Slug = sv("id", "Stegets id inom processen, t.ex. utreda.")
    name: Text = sv("namn", "Stegets namn, t.ex. Utreda behov.")
    performer: Slug = sv("utförare", "Rollen som utför steget: dess simbana i processkartan.")
    description: str = sv("beskrivning", "Vad som görs i steget (Markdown).", default="")
    responsibility: dict[Slug, Responsibility] = sv(
        "ansvar", "Ansvarsfördelning roll → R, A, C eller I. Exakt en A och minst en R."
    )
    routines: tuple[Slug, ...] = sv("rutiner", "Rutiner som stöder steget.", default=())
    next: tuple[Slug, ...] = sv(
        "nästa",
        "Nästa steg, om flödet inte går vidare till steget nedanför (förgrening).",
        default=(),
    )
    group: str = sv("delprocess", "Delprocess som steget hör till, för gruppering.", default="")

    @model_validator(mode="after")
    def _check_raci(self) -> Self:
        letters = list(self.responsibility.values())
        accountable = letters.count(Responsibility.ACCOUNTABLE)
        if accountable != 1:
            raise PydanticCustomError(
                "sv_raci_a",
                "steget har {count} roller med A; exakt en roll ska vara ytterst ansvarig (A)",
                {"count": accountable, "field": "ansvar"},
            )
        if Responsibility.RESPONSIBLE not in letters:
            raise PydanticCustomError(
                "sv_raci_r",
                "steget saknar en roll med R; minst en roll ska utföra steget (R)",
                {"field": "ansvar"},
            )
        return self


class Process(ControlledDocument):
    """A recurring chain of activities that produces value for someone."""

    id: Slug = sv("id", "Processens id, t.ex. avvikelsehantering.")
    name: Text = sv("namn", "Processens namn.")
    type: ProcessType = sv("typ", "styrprocess, huvudprocess eller stödprocess.")
    order: int = sv("ordning", "Plats i processkartan (lägre först).", default=100)
    purpose: Text = sv("syfte", "Varför processen finns.")
    start: Text = sv("start", "Vad som startar processen.")
    end: Text = sv("slut", "Vad som avslutar processen.")
    customers: tuple[Text, ...] = sv("kunder", "Vem processen är till för.", default=())
    units: tuple[Slug, ...] = sv("enheter", "Organisationsdelar där processen gäller.")
    requirements: tuple[Slug, ...] = sv("lagkrav", "Lagkrav som processen uppfyller.", default=())
    description: str = sv("beskrivning", "Fri beskrivning av processen (Markdown).", default="")
    steps: tuple[Step, ...] = sv("steg", "Processens steg i ordning.", min_length=1)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)
