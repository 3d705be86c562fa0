"""Which version of a document was in force on a given date, from its Git history.

A version is in force on a date when it had been committed by then, its status was
gällande and its gäller_från had come. A version committed ahead of its gäller_från
leaves the previous one in force until that date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ledningssystem.doccontrol.history import History, Revision


@dataclass(frozen=True)
class AsOf:
    """The answer: the revision in force (or None) and, in Swedish, why."""

    revision: Revision | None
    explanation: str
    pending: Revision | None = None  # a later version committed but not yet in force


def version_in_force(history: History, path: str, day: dt.date) -> AsOf:
    """The revision of `path` in force on `day`, walking back from the newest committed one."""
    revisions = [r for r in history.of(path) if r.date <= day]
    if not history.of(path):
        return AsOf(None, f"{path} har ingen historik i Git")
    if not revisions:
        first = history.of(path)[-1].date.isoformat()
        return AsOf(None, f"{path} fanns inte i Git den {day} (första versionen är från {first})")
    pending = None
    for rev in revisions:
        meta = rev.meta
        if rev.change == "D":
            return AsOf(None, f"{path} var borttagen den {day} (borttagen {rev.date})")
        if meta is None or not meta.readable:
            continue
        if meta.status == "upphörd":
            return AsOf(None, f"{path} hade upphört den {day} (ändrad till upphörd {rev.date})")
        if meta.status == "gällande" and (meta.valid_from is None or meta.valid_from <= day):
            valid = meta.valid_from.isoformat() if meta.valid_from else "okänt datum"
            return AsOf(rev, f"version {meta.version}, gällande från {valid}", pending)
        if meta.status == "gällande" and pending is None:
            pending = rev
    return AsOf(None, f"ingen version av {path} var gällande den {day}", pending)
