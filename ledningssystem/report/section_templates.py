"""Section templates of the berättelse: which sections, in which order, with which content.

Shipped templates live in templates/*.yml beside this module; an organisation
adds its own in reports/mallar/*.yml (same format, its own id).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv


class Block(StrEnum):
    """Generated content a section can hold."""

    TEXT = "text"
    KEY_FIGURES = "nyckeltal"
    COMPLAINTS = "klagomal"
    DEVIATIONS = "avvikelser"
    ORGANISATIONAL = "organisatoriska-avvikelser"
    SARAH = "lex-sarah"
    MARIA = "lex-maria"
    INCIDENTS = "personuppgiftsincidenter"
    UNENFORCED = "ej-verkstallda-beslut"
    RISKS = "riskanalys"
    SELF_CHECKS = "egenkontroller"
    INDICATORS = "indikatorer"
    REVIEWS = "granskningar"
    ACTIONS = "atgarder"
    FOLLOW_UP = "uppfoljning"
    LAW_CHANGES = "lagandringar"


class Section(ContentModel):
    """One section; its narrative is reports/<år>/text/<id>.md."""

    id: Slug = sv("id", "Avsnittets id; texten skrivs i text/<id>.md.")
    heading: Text = sv("rubrik", "Avsnittets rubrik.")
    # A list makes the lagrum follow the report year (report.legal_basis).
    legal: str | tuple[Text, ...] = sv(
        "lagrum",
        "Lagrum som avsnittet svarar mot, t.ex. PSL 3 kap. 10 §. Som lista visas varje del "
        "som börjar med en författning i lagkravsregistret (t.ex. SoL (2001:453) 14 kap. 2–7 §§) "
        "bara de år författningen gällde, med datum det år den började eller upphörde att gälla.",
        default="",
    )
    guidance: str = sv("vägledning", "Vad avsnittet ska beskriva (visas i utkast).", default="")
    blocks: tuple[Block, ...] = sv(
        "innehåll",
        "Genererat innehåll i ordning; text = den skrivna texten.",
        default=(Block.TEXT,),
    )
    subsections: tuple[Section, ...] = sv("delavsnitt", "Underavsnitt.", default=())
    # A section added to a shipped template later must not change berättelser already fastställda.
    from_year: int | None = sv(
        "från_år",
        "Avsnittet finns i berättelser från och med detta år (äldre år visas som de fastställdes).",
        default=None,
    )

    def applies_to(self, year: int | None) -> bool:
        return year is None or self.from_year is None or year >= self.from_year

    @model_validator(mode="after")
    def _two_levels(self) -> Section:
        if any(sub.subsections for sub in self.subsections):
            raise PydanticCustomError(
                "sv_too_deep",
                "ett delavsnitt kan inte ha egna delavsnitt (högst två nivåer)",
                {"field": "delavsnitt"},
            )
        return self


class ReportTemplate(ContentModel):
    """A named order of sections, e.g. SKR's combined template or a city's template."""

    id: Slug = sv("id", "Mallens id, används i report.yml › mall.")
    name: Text = sv("namn", "Mallens namn.")
    description: str = sv("beskrivning", "När mallen passar.", default="")
    sections: tuple[Section, ...] = sv("avsnitt", "Avsnitten i ordning.", min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> ReportTemplate:
        seen: set[str] = set()
        for section in self.walk():
            if section.id in seen:
                raise PydanticCustomError(
                    "sv_duplicate_section",
                    f'avsnittet "{section.id}" finns två gånger i mallen',
                    {"field": "avsnitt"},
                )
            seen.add(section.id)
        return self

    def walk(self) -> Iterator[Section]:
        """Every section and subsection, in reading order."""
        for section in self.sections:
            yield section
            yield from section.subsections

    def numbered(self, year: int | None = None) -> Iterator[tuple[str, int, Section]]:
        """(number like "4.2", depth 1 or 2, section) in reading order; with `year`, only the
        sections that year's berättelse has (see från_år)."""
        top = [s for s in self.sections if s.applies_to(year)]
        for i, section in enumerate(top, 1):
            yield str(i), 1, section
            subs = [s for s in section.subsections if s.applies_to(year)]
            for j, sub in enumerate(subs, 1):
                yield f"{i}.{j}", 2, sub
