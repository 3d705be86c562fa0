"""A fastställd year has a data file for every kind its sections show, or says it has none.

A kind whose file is missing gives no figures, so its section reads as if nothing happened
("Inga uppgifter …", a sum of 0 elsewhere). A draft may lack a file still (its page lists
what is missing); in a fastställd berättelse that must be a decision, `ingen_data: [stem]`
in report.yml, as for own kinds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ledningssystem.report.data import KINDS
from ledningssystem.report.meta import ReportMeta, ReportStatus
from ledningssystem.report.section_templates import Block, ReportTemplate, Section

# The data file (its stem) each generated block shows.
BLOCK_FILES: dict[Block, str] = {
    Block.COMPLAINTS: "klagomal",
    Block.DEVIATIONS: "avvikelser",
    Block.ORGANISATIONAL: "avvikelser",
    Block.SARAH: "lex-sarah",
    Block.MARIA: "lex-maria",
    Block.INCIDENTS: "personuppgiftsincidenter",
    Block.UNENFORCED: "ej-verkstallda-beslut",
    Block.RISKS: "riskanalys",
    Block.SELF_CHECKS: "egenkontroller",
    Block.INDICATORS: "indikatorer",
    Block.REVIEWS: "granskningar",
    Block.ACTIONS: "atgarder",
    Block.FOLLOW_UP: "atgarder",
}
_STEMS = {attr: stem for attr, stem, _, _ in KINDS}


def _shown(template: ReportTemplate, year: int) -> Iterator[Section]:
    for section in template.sections:
        if section.applies_to(year):
            yield section
            yield from (s for s in section.subsections if s.applies_to(year))


def shown_files(template: ReportTemplate, year: int) -> dict[str, str]:
    """Each data file (stem) the year's sections show, with the first section that shows it.

    A section from a later year (`från_år`) does not count: before then the kind is not
    reported, so its file is neither required nor missing."""
    found: dict[str, str] = {}
    for section in _shown(template, year):
        for block in section.blocks:
            stem = BLOCK_FILES.get(block)
            if stem is not None:
                found.setdefault(stem, section.id)
    return found


def missing_files(
    meta: ReportMeta, template: ReportTemplate, rows: Mapping[str, object]
) -> list[tuple[str, str]]:
    """(stem, section id) of each file a fastställd year shows but neither has nor declines."""
    if meta.status is not ReportStatus.APPROVED:
        return []
    absent = {_STEMS[attr] for attr, found in rows.items() if found is None}
    shown = shown_files(template, meta.year)
    return sorted((s, id_) for s, id_ in shown.items() if s in absent and s not in meta.no_data)
