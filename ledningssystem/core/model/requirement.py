"""The legal register: requirements the ledningssystem implements, with their validity."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Self

from pydantic import BeforeValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv


def _yes_no(value: Any) -> Any:
    # The portal writes ja/nej; YAML 1.1 booleans (true/false) are accepted as well.
    if isinstance(value, str) and value.strip().casefold() in {"ja", "nej"}:
        return value.strip().casefold() == "ja"
    return value


YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nej"]}]}),
]


class Amendment(ContentModel):
    """A change to a law or regulation: the amending SFS or HSLF-FS and when it took effect."""

    statute: Text = sv("författning", "Den ändrande författningen, t.ex. SFS 2023:503.")
    valid_from: dt.date = sv("datum", "Datum då ändringen började gälla (ÅÅÅÅ-MM-DD).")
    topic: str = sv("ämne", "Vad ändringen innebär, med egna ord.", default="")


class Checked(ContentModel):
    """When, and against which text, the register entry was last checked."""

    on: dt.date = sv("datum", "Datum då registret stämdes av mot texten (ÅÅÅÅ-MM-DD).")
    against: Text = sv(
        "mot", "Vilken text det stämdes av mot, t.ex. konsoliderad version på riksdagen.se."
    )


class Requirement(ContentModel):
    """One paragraph of a law or regulation, with its topic in our own words."""

    id: Slug = sv("id", "Kravets id, t.ex. sosfs-2011-9-4-4.")
    chapter: int | None = sv("kapitel", "Kapitel, om författningen har kapitel.", default=None)
    paragraph: str = sv("paragraf", "Paragraf, t.ex. 4 eller 24 a.", default="")
    topic: Text = sv("ämne", "Vad paragrafen kräver, med egna ord på en rad.")
    label: str = sv(
        "beteckning",
        "Hur stället skrivs när det inte är en paragraf, t.ex. art. 33 eller allmänt råd.",
        default="",
    )
    verified: YesNo = sv(
        "verifierad",
        "ja när kapitel, paragraf och ämne är kontrollerade mot författningstexten, annars nej.",
        default=False,
    )
    valid_from: dt.date | None = sv(
        "gäller_från", "Om kravet började gälla senare än författningen (ÅÅÅÅ-MM-DD).", default=None
    )
    ends: dt.date | None = sv(
        "upphör", "Datum då kravet upphörde att gälla (ÅÅÅÅ-MM-DD).", default=None
    )
    replaced_by: tuple[Slug, ...] = sv(
        "ersätts_av",
        "Id för de krav som ersätter detta, t.ex. [sol-2025-400-lex-sarah].",
        default=(),
    )
    amended_by: tuple[Amendment, ...] = sv(
        "ändrad_genom", "Ändringar av paragrafen: författning och datum.", default=()
    )
    without_document: str = sv(
        "uppfylls_utan_dokument",
        "Varför inget dokument i ledningssystemet behöver genomföra kravet, på en rad, t.ex. att "
        "det är föreskriftens tillämpningsområde eller en befogenhet som nämnden inte använder. "
        "Visas på Lagkrav i stället för Saknar täckning.",
        default="",
    )

    @model_validator(mode="after")
    def _check_place(self) -> Self:
        if not self.paragraph and not self.label:
            raise PydanticCustomError(
                "sv_krav_utan_stalle",
                "ett krav behöver paragraf eller beteckning, "
                't.ex. paragraf: "3" eller beteckning: art. 33',
                {"field": "paragraf"},
            )
        return self

    def place(self) -> str:
        """Where in its source: "5 kap. 1 §", "art. 33"; the Lagkrav tables name the source once."""
        chapter = f"{self.chapter} kap. " if self.chapter is not None else ""
        return chapter + (self.label or f"{self.paragraph} §")

    def reference(self, source: str) -> str:
        return f"{source} {self.place()}"


class RequirementSource(ContentModel):
    """One law or regulation and the requirements taken from it."""

    source: Text = sv("källa", "Författningens beteckning, t.ex. SOSFS 2011:9.")
    title: Text = sv("titel", "Författningens fullständiga titel.")
    url: str = sv("länk", "Var författningen finns (visas som text, hämtas aldrig).", default="")
    note: str = sv(
        "not",
        "Kommentar som visas för alla, t.ex. vad författningen reglerar. Interna anteckningar "
        "skrivs som #-kommentarer i filen.",
        default="",
    )
    checked: Checked = sv("kontrollerad", "När och mot vilken text registret senast stämdes av.")
    valid_from: dt.date | None = sv(
        "gäller_från", "Datum då författningen började gälla (ÅÅÅÅ-MM-DD).", default=None
    )
    ends: dt.date | None = sv(
        "upphör", "Datum då författningen upphävdes (ÅÅÅÅ-MM-DD).", default=None
    )
    replaced_by: str = sv(
        "ersätts_av", "Beteckningen (källa) på författningen som ersätter denna.", default=""
    )
    amended_by: tuple[Amendment, ...] = sv(
        "ändrad_genom", "Ändringar av författningen: författning och datum.", default=()
    )
    requirements: tuple[Requirement, ...] = sv("krav", "Paragraferna i registret.")

    @model_validator(mode="after")
    def _check_validity(self) -> Self:
        if self.replaced_by and self.ends is None:
            raise PydanticCustomError(
                "sv_ersatts_utan_upphor",
                "en författning som ersätts måste ha upphör (datum då den upphävdes)",
                {"field": "upphör"},
            )
        if self.valid_from and self.ends and self.ends <= self.valid_from:
            raise PydanticCustomError(
                "sv_upphor_fore_start",
                "upphör ({ends}) måste vara efter gäller_från ({start})",
                {
                    "ends": self.ends.isoformat(),
                    "start": self.valid_from.isoformat(),
                    "field": "upphör",
                },
            )
        return self
