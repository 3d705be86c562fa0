"""The governing documents (processes and rutiner) as one list, for follow-up pages."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.document import ControlledDocument, Status
from ledningssystem.core.urls import process_page, routine_page


@dataclass(frozen=True)
class DocumentEntry:
    """A process or rutin: its kind, id, title, page and controlled metadata."""

    kind: str  # "process" or "rutin"
    id: str
    title: str
    doc: ControlledDocument
    page: str

    @property
    def file(self) -> str:
        return self.doc.origin.file

    @property
    def owner(self) -> str:
        return self.doc.owner

    @property
    def in_force(self) -> bool:
        return self.doc.status is Status.IN_FORCE

    @property
    def requirements(self) -> tuple[str, ...]:
        """The requirement ids the document cites, each once, in its own order."""
        return tuple(dict.fromkeys(self.doc.requirements))  # type: ignore[attr-defined]


def governing_documents(content: Ledningssystem) -> list[DocumentEntry]:
    """Every process, then every rutin, each group sorted by title."""
    processes = [
        DocumentEntry("process", p.id, p.name, p, process_page(p.id))
        for p in content.processes.values()
    ]
    routines = [
        DocumentEntry("rutin", d.meta.id, d.meta.title, d.meta, routine_page(d.meta.id))
        for d in content.routines.values()
    ]
    return sorted(processes, key=_title_key) + sorted(routines, key=_title_key)


def _title_key(entry: DocumentEntry) -> tuple[str, str]:
    return entry.title.casefold(), entry.id
