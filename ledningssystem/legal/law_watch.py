"""Lagbevakning: gällande documents that still cite a krav whose law or paragraph has ended.

A pure function of the content and "today". `check` warns about them (and fails with
--strikt), their pages show a banner, and Dokumentstyrning and review-due list them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.documents import DocumentEntry, governing_documents
from ledningssystem.core.errors import ContentError, field_label
from ledningssystem.core.model.content import Ledningssystem, RegisteredRequirement
from ledningssystem.core.model.document import ControlledDocument, Status

BANNER_TITLE = "Hänvisar till upphävd författning – ska revideras"


@dataclass(frozen=True)
class EndedCitation:
    """One `lagkrav:` entry of a gällande document that points at an ended krav."""

    requirement: RegisteredRequirement
    file: str
    line: int | None
    index: int  # position in the document's lagkrav list
    replacements: tuple[str, ...]  # how the replacing krav or law are cited

    @property
    def replaced_by(self) -> str:
        return ", ".join(self.replacements)

    def as_error(self) -> ContentError:
        """The warning `check` prints (and the error of `check --strikt`)."""
        req = self.requirement
        ends = req.ends.isoformat() if req.ends else ""
        replaced = (
            f" och ersätts av {self.replaced_by}"
            if self.replacements
            else "; registret anger inget som ersätter det"
        )
        return ContentError(
            self.file,
            self.line,
            field_label(("lagkrav", self.index)),
            f'lagkravet "{req.id}" ({req.reference}) upphörde att gälla {ends}{replaced}',
            "Revidera dokumentet: hänvisa till det som gäller nu, höj version och sätt nytt "
            "gäller_från.",
        )


@dataclass(frozen=True)
class AffectedDocument:
    """A gällande process or rutin affected by a law change, with what it still cites."""

    document: DocumentEntry
    citations: tuple[EndedCitation, ...]


def ended_citations(content: Ledningssystem, doc: ControlledDocument) -> list[EndedCitation]:
    """The ended krav a gällande document cites, in the order it cites them."""
    if doc.status is not Status.IN_FORCE:
        return []  # utkast are not in force and upphörda document history
    found = []
    cited: tuple[str, ...] = doc.requirements  # type: ignore[attr-defined]
    for index, req_id in enumerate(cited):
        req = content.requirements.get(req_id)
        if req is None or not req.ended(content.today):
            continue
        found.append(
            EndedCitation(
                req,
                doc.origin.file,
                doc.origin.line("lagkrav", index),
                index,
                replacements(content, req),
            )
        )
    return found


def affected_documents(content: Ledningssystem) -> list[AffectedDocument]:
    """Every gällande document citing an ended krav: processes, then rutiner, by title."""
    affected = []
    for entry in governing_documents(content):
        citations = ended_citations(content, entry.doc)
        if citations:
            affected.append(AffectedDocument(entry, tuple(citations)))
    return affected


def law_watch_warnings(content: Ledningssystem) -> list[ContentError]:
    """Every ended citation as a warning, sorted by file and line."""
    found = [c.as_error() for a in affected_documents(content) for c in a.citations]
    return sorted(found, key=lambda e: (e.file, e.line or 0, e.field))


def replacements(content: Ledningssystem, req: RegisteredRequirement) -> tuple[str, ...]:
    """The krav that replace this one, else the law that replaces its law."""
    own = tuple(
        content.requirements[r].reference
        for r in req.requirement.replaced_by
        if r in content.requirements
    )
    if own:
        return own
    return (req.source.replaced_by,) if req.source.replaced_by else ()
