"""The Ändringslogg: content changes per month from Git, with version and status changes.

A pure function of the history and the content (for titles and links); no Git here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import process_page, routine_page
from ledningssystem.doccontrol.history import History, Revision
from ledningssystem.render.format import MONTHS

CHANGE_LABELS = {"A": "ny", "M": "ändrad", "R": "nytt filnamn", "C": "kopierad", "D": "borttagen"}


@dataclass(frozen=True)
class ChangeEntry:
    """One document changed in one commit."""

    revision: Revision
    title: str
    page: str | None  # the document's page, if it still exists
    change: str
    version: tuple[str, str] | None  # (before, after) when the version changed
    status: tuple[str, str] | None  # (before, after) when the status changed


@dataclass(frozen=True)
class Month:
    """All changes of one calendar month, newest first."""

    year: int
    month: int
    entries: list[ChangeEntry]

    @property
    def label(self) -> str:
        return f"{MONTHS[self.month - 1].capitalize()} {self.year}"

    @property
    def anchor(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def count(self, what: str) -> int:
        """How many entries are new documents ("ny"), new versions or status changes."""
        if what == "version":
            return sum(1 for e in self.entries if e.version)
        if what == "status":
            return sum(1 for e in self.entries if e.status)
        return sum(1 for e in self.entries if e.change == what)

    @property
    def documents(self) -> int:
        return len({e.title for e in self.entries})


def first_month(today: dt.date, months: int) -> dt.date:
    """The first day of the month `months - 1` months before today's month."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1)


def changelog(content: Ledningssystem, history: History, months: int | None = None) -> list[Month]:
    """Changes to processes and rutiner by month, newest first; all months or the last few."""
    since = first_month(content.today, months) if months else dt.date.min
    documents = _documents(content)
    grouped: dict[tuple[int, int], list[ChangeEntry]] = {}
    for path, revisions in history.revisions.items():
        for index, rev in enumerate(revisions):
            if rev.date < since:
                break  # newest first: everything after this is older still
            before = revisions[index + 1] if index + 1 < len(revisions) else None
            entry = _entry(path, rev, before, documents)
            grouped.setdefault((rev.date.year, rev.date.month), []).append(entry)
    return [
        Month(year, month, sorted(entries, key=_entry_key))
        for (year, month), entries in sorted(grouped.items(), reverse=True)
    ]


def _documents(content: Ledningssystem) -> dict[str, tuple[str, str]]:
    """File → (title, page) of every current process and rutin."""
    found = {p.origin.file: (p.name, process_page(p.id)) for p in content.processes.values()}
    for doc in content.routines.values():
        found[doc.meta.origin.file] = (doc.meta.title, routine_page(doc.meta.id))
    return found


def _entry(
    path: str, rev: Revision, before: Revision | None, documents: dict[str, tuple[str, str]]
) -> ChangeEntry:
    title, page = documents.get(path, ("", None))
    if not title:
        known = rev.meta or (before.meta if before else None)
        title = (known.title if known else "") or path
    old, new = (before.meta if before else None), rev.meta
    version = status = None
    if new and old and old.version != new.version:
        version = (old.version or "–", new.version or "–")
    if new and old and old.status != new.status:
        status = (old.status or "–", new.status or "–")
    return ChangeEntry(rev, title, page, CHANGE_LABELS.get(rev.change, rev.change), version, status)


def _entry_key(entry: ChangeEntry) -> tuple[int, str, str]:
    rev = entry.revision
    return -rev.date.toordinal(), entry.title.casefold(), rev.commit.sha
