"""The document control parts of a process or rutin page: banners and version history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ledningssystem.core.model.document import ControlledDocument, Status
from ledningssystem.core.review_state import ReviewState
from ledningssystem.doccontrol.history import Revision
from ledningssystem.legal.law_watch import BANNER_TITLE, EndedCitation
from ledningssystem.render.templating import render_template


def render_banners(
    doc: ControlledDocument,
    state: ReviewState,
    today: dt.date,
    owner_name: str,
    ended: Sequence[EndedCitation] = (),
) -> str:
    """Markdown admonitions for utkast, upphörd, revidering försenad, a future gäller från and
    citations of repealed law."""
    overdue_days = (today - doc.review_by).days if doc.review_by else 0
    starts_later = (
        doc.status is Status.IN_FORCE and doc.valid_from is not None and doc.valid_from > today
    )
    return render_template(
        "partials/document_banners.md.jinja",
        doc=doc,
        state=state,
        states=ReviewState,
        overdue_days=overdue_days,
        starts_later=starts_later,
        owner_name=owner_name,
        ended=ended,
        law_banner=BANNER_TITLE,
    )


def commit_link(pattern: str, sha: str) -> str:
    """The address of a change on the Git host, or "" when no pattern is configured."""
    return pattern.replace("{sha}", sha) if pattern else ""


@dataclass(frozen=True)
class VersionRow:
    """One version of a document: its fields when it was last committed, and its commits."""

    version: str
    status: str
    valid_from: dt.date | None
    commits: tuple[tuple[Revision, str, str], ...]  # (revision, link, change label), newest first
    editorial: tuple[tuple[dt.date, str], ...]  # redaktionella ändringar: (date, note)

    @property
    def first_date(self) -> dt.date:
        return self.commits[-1][0].date


def version_rows(revisions: Sequence[Revision], commit_url: str) -> list[VersionRow]:
    """A document's history as versions, newest first: the commits of one version together."""
    groups: list[list[Revision]] = []
    for rev in revisions:  # newest first
        version = rev.meta.version if rev.meta else ""
        if groups and (groups[-1][0].meta.version if groups[-1][0].meta else "") == version:
            groups[-1].append(rev)
        else:
            groups.append([rev])
    return [_version_row(group, commit_url) for group in groups]


def _version_row(group: list[Revision], commit_url: str) -> VersionRow:
    newest = group[0].meta
    notes: list[tuple[dt.date, str]] = []
    for rev, older in zip(group, [*group[1:], None], strict=True):
        note = rev.meta.editorial_note if rev.meta else ""
        before = older.meta.editorial_note if older and older.meta else ""
        if note and note != before:
            notes.append((rev.date, note))
    return VersionRow(
        version=newest.version if newest else "",
        status=newest.status if newest else "",
        valid_from=newest.valid_from if newest else None,
        commits=tuple((r, commit_link(commit_url, r.commit.sha), _change_label(r)) for r in group),
        editorial=tuple(notes),
    )


def render_version_history(revisions: Sequence[Revision], problem: str, commit_url: str) -> str:
    """HTML table of a document's versions, newest first, or why history is missing."""
    rows = version_rows(revisions, commit_url)
    return render_template("partials/version_history.html.jinja", rows=rows, problem=problem)


def approval_pending(doc: ControlledDocument, revisions: Sequence[Revision]) -> bool:
    """Whether a new version still carries the previous version's fastställd_datum."""
    previous = next(
        (r.meta for r in revisions if r.meta and r.meta.version and r.meta.version != doc.version),
        None,
    )
    if previous is None or previous.approved_on is None:
        return False
    return doc.approved_on is None or doc.approved_on <= previous.approved_on


def _change_label(rev: Revision) -> str:
    return {"A": "ny", "M": "ändrad", "R": "nytt filnamn", "C": "kopierad", "D": "borttagen"}.get(
        rev.change, rev.change
    )
