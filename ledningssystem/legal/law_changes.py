"""The year's law changes, from the legal register: what started, ended or changed in a year.

Used by the berättelse's section "Förändringar i lagar och föreskrifter". Pure function of
the content; the documents are those of the current content (the register's own dates say
when each change took effect).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ledningssystem.core.documents import DocumentEntry, governing_documents
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.requirement import RequirementSource
from ledningssystem.legal.law_watch import affected_documents


@dataclass(frozen=True)
class LawChange:
    """One change in the register during the year, with the documents it touches."""

    on: dt.date
    what: str  # the law, or the krav, as cited
    change: str  # "började gälla", "upphörde", "ändrades genom SFS …"
    revised: tuple[DocumentEntry, ...]  # gällande documents that took it in during the year
    still_old: tuple[DocumentEntry, ...]  # gällande documents still citing what ended


def law_changes(content: Ledningssystem, year: int) -> list[LawChange]:
    """Every författning or krav that started, ended or was amended in `year`, by date."""
    found: list[LawChange] = []
    for source in content.requirement_sources:
        found += _source_changes(content, source, year)
        for req in source.requirements:
            registered = content.requirements[req.id]
            if req.valid_from and req.valid_from.year == year:
                found.append(_started(content, {req.id}, registered.reference, req.valid_from))
            if req.ends and req.ends.year == year and not source.ends:
                found.append(_ended(content, {req.id}, registered.reference, req.ends))
            for amendment in req.amended_by:
                if amendment.valid_from.year == year:
                    change = f"ändrades genom {amendment.statute}"
                    found.append(
                        _started(
                            content, {req.id}, registered.reference, amendment.valid_from, change
                        )
                    )
    return sorted(found, key=lambda c: (c.on, c.what))


def _source_changes(
    content: Ledningssystem, source: RequirementSource, year: int
) -> list[LawChange]:
    ids = {r.id for r in source.requirements}
    found = []
    if source.valid_from and source.valid_from.year == year:
        found.append(_started(content, ids, source.source, source.valid_from))
    if source.ends and source.ends.year == year:
        found.append(_ended(content, ids, source.source, source.ends, source.replaced_by))
    for amendment in source.amended_by:
        if amendment.valid_from.year == year:
            change = f"ändrades genom {amendment.statute}"
            found.append(_started(content, ids, source.source, amendment.valid_from, change))
    return found


def _started(
    content: Ledningssystem, ids: set[str], what: str, on: dt.date, change: str = "började gälla"
) -> LawChange:
    # Revised because of it: gällande documents citing it whose version took effect since.
    revised = tuple(
        d
        for d in governing_documents(content)
        if d.in_force
        and set(d.requirements) & ids
        and d.doc.valid_from is not None
        and on <= d.doc.valid_from
    )
    return LawChange(on, what, change, revised, ())


def _ended(
    content: Ledningssystem, ids: set[str], what: str, on: dt.date, replaced_by: str = ""
) -> LawChange:
    still = tuple(
        a.document
        for a in affected_documents(content)
        if {c.requirement.id for c in a.citations} & ids
    )
    change = f"upphörde, ersätts av {replaced_by}" if replaced_by else "upphörde"
    return LawChange(on, what, change, (), still)
