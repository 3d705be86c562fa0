"""The document model of a printed berättelse: metadata and sections of ready HTML.

The PDF engine knows nothing of where the sections come from; the report module
(through `report_to_pdf_document` in adapter.py) fills this model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PdfSection:
    """One section: an id (the anchor the TOC links to), a title and its body as HTML.

    `html` is a trusted, already rendered fragment (paragraphs, tables, inline SVG);
    its own headings should start at <h3>, since <h1>/<h2> are the section titles.
    """

    id: str
    title: str
    html: str = ""
    number: str = ""
    subsections: tuple[PdfSection, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Organisation:
    """Who the berättelse is from: kommun, nämnd and förvaltning (names as shown)."""

    board: str
    administration: str = ""
    municipality: str = ""


@dataclass(frozen=True)
class PdfDocument:
    """A whole printed document: cover facts, metadata and sections in reading order."""

    title: str
    kind: str
    organisation: Organisation
    year: int
    status: str
    date: dt.date
    author: str
    sections: tuple[PdfSection, ...] = ()
    language: str = "sv"
    subtitle: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)
    missing_files: tuple[str, ...] = ()  # a draft's data files not yet there, listed on the cover

    def __post_init__(self) -> None:
        # The TOC finds each section's page by its id: a duplicate would point at the wrong page.
        ids = [section.id for _, section in self.walk()]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"section ids must be unique, repeated: {', '.join(duplicates)}")

    def walk(self) -> Iterator[tuple[int, PdfSection]]:
        """(level, section) for every section and subsection, in reading order."""
        for section in self.sections:
            yield from _walk(section, 1)

    @property
    def running_title(self) -> str:
        """Footer text after the cover, e.g. "Kvalitetsberättelse 2024 · Socialnämnden"."""
        return f"{self.title} · {self.organisation.board}"


def _walk(section: PdfSection, level: int) -> Iterator[tuple[int, PdfSection]]:
    yield level, section
    for sub in section.subsections:
        yield from _walk(sub, level + 1)
