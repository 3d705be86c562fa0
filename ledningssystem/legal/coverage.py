"""Coverage of the legal register: which processes and rutiner implement each requirement.

A requirement counts as covered only when a gällande document cites it; citations from
utkast and upphörda documents are shown but do not cover it. Coverage by krav whose
paragraph is verified against the text is counted apart from unverified coverage, and krav
that have ended (a repealed law) are history, not gaps. A krav the register explains needs no
document (a regulation's scope, a power the nämnd does not use) is shown with that reason,
apart from both coverage and gaps, so the page shows no unexplained gap and no pretended one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ledningssystem.core.documents import DocumentEntry, governing_documents
from ledningssystem.core.model.content import Ledningssystem, RegisteredRequirement
from ledningssystem.core.model.requirement import RequirementSource


class Coverage(StrEnum):
    COVERED = "täckt"
    NOT_IN_FORCE = "bara utkast eller upphörda"
    UNCOVERED = "saknar täckning"
    ENDED = "upphört"  # the krav itself no longer applies: history, not a gap
    WITHOUT_DOCUMENT = "uppfylls utan dokument"  # the register says why no document is needed


# A document as the coverage page lists it.
Citing = DocumentEntry


@dataclass(frozen=True)
class RequirementRow:
    requirement: RegisteredRequirement
    processes: list[Citing]
    routines: list[Citing]
    ended: bool = False

    @property
    def verified(self) -> bool:
        return self.requirement.requirement.verified

    @property
    def coverage(self) -> Coverage:
        if self.ended:
            return Coverage.ENDED
        citing = self.processes + self.routines
        if any(c.in_force for c in citing):
            return Coverage.COVERED
        if self.requirement.requirement.without_document:
            return Coverage.WITHOUT_DOCUMENT
        return Coverage.NOT_IN_FORCE if citing else Coverage.UNCOVERED


@dataclass(frozen=True)
class SourceCoverage:
    """One law or regulation with its requirements and how many are covered."""

    source: RequirementSource
    rows: list[RequirementRow]

    @property
    def anchor(self) -> str:
        """ "SOSFS 2011:9" → "kalla-sosfs-2011-9": ASCII, and apart from requirement ids."""
        ascii_name = unicodedata.normalize("NFKD", self.source.source).encode("ascii", "ignore")
        return "kalla-" + re.sub(r"[^a-z0-9]+", "-", ascii_name.decode().lower()).strip("-")

    def count(self, coverage: Coverage, verified: bool | None = None) -> int:
        """Rows with this coverage; only verified (or only unverified) ones when asked."""
        return sum(
            1
            for row in self.rows
            if row.coverage is coverage and (verified is None or row.verified is verified)
        )


def citing_documents(content: Ledningssystem) -> list[Citing]:
    """Every process, then every rutin, with the requirements it cites (sorted by title)."""
    return governing_documents(content)


def requirement_coverage(content: Ledningssystem) -> list[SourceCoverage]:
    """Per source, in register order: each requirement with the documents that cite it."""
    cited: dict[str, tuple[list[Citing], list[Citing]]] = {
        r: ([], []) for r in content.requirements
    }
    for doc in citing_documents(content):
        for req_id in doc.requirements:
            if req_id in cited:
                cited[req_id][0 if doc.kind == "process" else 1].append(doc)
    return [
        SourceCoverage(
            source,
            [
                RequirementRow(
                    content.requirements[req.id],
                    *cited[req.id],
                    ended=content.requirements[req.id].ended(content.today),
                )
                for req in source.requirements
                if req.id in content.requirements
            ],
        )
        for source in content.requirement_sources
    ]
