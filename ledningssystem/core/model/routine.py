"""Rutiner: Markdown files whose YAML front matter is this model."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ledningssystem.core.model.base import Slug, Text, sv
from ledningssystem.core.model.document import ControlledDocument


class RoutineKind(StrEnum):
    GUIDELINE = "riktlinje"
    ROUTINE = "rutin"
    CHECKLIST = "checklista"
    INSTRUCTION = "instruktion"
    TEMPLATE = "mall"


class Routine(ControlledDocument):
    """A written description of how a task is done, who does it and when."""

    id: Slug = sv("id", "Rutinens id, t.ex. rapportera-avvikelse.")
    title: Text = sv("titel", "Rutinens rubrik.")
    kind: RoutineKind = sv("typ", "riktlinje, rutin, checklista, instruktion eller mall.")
    supports: tuple[str, ...] = sv(
        "processer",
        "Processer eller steg som rutinen stöder: process-id eller process-id/steg-id.",
        default=(),
    )
    requirements: tuple[Slug, ...] = sv("lagkrav", "Lagkrav som rutinen uppfyller.", default=())
    units: tuple[Slug, ...] = sv("enheter", "Organisationsdelar där rutinen gäller.")
    keywords: tuple[Text, ...] = sv("nyckelord", "Sökord, t.ex. avvikelse, fall.", default=())
    summary: str = sv("sammanfattning", "En mening om vad rutinen är till för.", default="")
    imported_from: str = sv(
        "importerad_från",
        "Filen som rutinen importerades från (import-word), t.ex. Rutiner/Avvikelser.docx.",
        default="",
    )


@dataclass(frozen=True)
class RoutineDocument:
    """A rutin with its Markdown body and the line where the body starts."""

    meta: Routine
    body: str
    body_line: int
