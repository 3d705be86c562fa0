"""The legal register: requirements the ledningssystem implements."""

from __future__ import annotations

from ledningssystem.model.base import ContentModel, Slug, Text, sv


class Requirement(ContentModel):
    """One paragraph of a law or regulation, with its topic in our own words."""

    id: Slug = sv("id", "Kravets id, t.ex. sosfs-2011-9-4-4.")
    chapter: int | None = sv("kapitel", "Kapitel, om författningen har kapitel.", default=None)
    paragraph: str = sv("paragraf", "Paragraf, t.ex. 4 eller 24 a.")
    topic: Text = sv("ämne", "Vad paragrafen kräver, med egna ord på en rad.")
    label: str = sv(
        "beteckning",
        "Hur stället skrivs när det inte är en paragraf, t.ex. art. 33 eller allmänt råd.",
        default="",
    )

    def reference(self, source: str) -> str:
        chapter = f"{self.chapter} kap. " if self.chapter is not None else ""
        place = self.label or f"{self.paragraph} §"
        return f"{source} {chapter}{place}"


class RequirementSource(ContentModel):
    """One law or regulation and the requirements taken from it."""

    source: Text = sv("källa", "Författningens beteckning, t.ex. SOSFS 2011:9.")
    title: Text = sv("titel", "Författningens fullständiga titel.")
    url: str = sv("länk", "Var författningen finns (visas som text, hämtas aldrig).", default="")
    note: str = sv("not", "Kommentar, t.ex. om senaste ändring.", default="")
    requirements: tuple[Requirement, ...] = sv("krav", "Paragraferna i registret.")
