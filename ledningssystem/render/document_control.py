"""The document control parts of a process or rutin page: banners and version history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ledningssystem.doccontrol import ReviewState
from ledningssystem.history import Revision
from ledningssystem.law_watch import BANNER_TITLE, EndedCitation
from ledningssystem.model.document import ControlledDocument, Status
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


def render_version_history(revisions: Sequence[Revision], problem: str, commit_url: str) -> str:
    """HTML table of a document's commits, newest first, or why history is missing."""
    rows = [(rev, commit_link(commit_url, rev.commit.sha), _change_label(rev)) for rev in revisions]
    return render_template("partials/version_history.html.jinja", rows=rows, problem=problem)


def _change_label(rev: Revision) -> str:
    return {"A": "ny", "M": "ändrad", "R": "nytt filnamn", "C": "kopierad", "D": "borttagen"}.get(
        rev.change, rev.change
    )
