"""The Dokumentstyrning page with its CSV and JSON, and the control parts of document pages."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.document import ControlledDocument
from ledningssystem.core.review_state import review_state
from ledningssystem.core.urls import (
    DOCUMENT_CONTROL_CSV,
    DOCUMENT_CONTROL_JSON,
    DOCUMENT_CONTROL_PAGE,
)
from ledningssystem.doccontrol.control_export import (
    law_changes_by_document,
    render_control_csv,
    render_control_json,
)
from ledningssystem.doccontrol.page_parts import (
    approval_pending,
    render_banners,
    render_version_history,
)
from ledningssystem.doccontrol.review_radar import ControlledItem, ControlOverview, overview
from ledningssystem.legal.law_watch import affected_documents, ended_citations
from ledningssystem.website.pages.page import BuildContext, Page, template_page

log = logging.getLogger("ledningssystem.doccontrol.history")


@dataclass(frozen=True)
class DocumentControlView:
    """What a process or rutin page shows about its own control: banners, history, last change."""

    banners: str
    history: str
    last_changed: dt.date | None
    approval_pending: bool = False  # a new version with the old version's fastställd_datum


def document_control(
    content: Ledningssystem, context: BuildContext, doc: ControlledDocument
) -> DocumentControlView:
    """The banners and Versionshistorik of one document's page."""
    settings = content.settings
    state = review_state(doc, content.today, settings.document_control.horizon_days)
    owner = content.roles.get(doc.owner)
    revisions = context.history.of(doc.origin.file)
    return DocumentControlView(
        banners=render_banners(
            doc,
            state,
            content.today,
            owner.name if owner else doc.owner,
            ended_citations(content, doc),
        ),
        history=render_version_history(revisions, context.history.problem, settings.git.commit_url),
        last_changed=revisions[0].date if revisions else None,
        approval_pending=approval_pending(doc, revisions),
    )


def pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    control = overview(content, context.history)
    _warn_uncommitted(control.items, context)  # every build warns, remembered pages or not
    # Front matter, processes and the history: the outline.
    return context.memo.listing("dokumentstyrning", lambda: list(_each(content, context, control)))


def _each(
    content: Ledningssystem, context: BuildContext, control: ControlOverview
) -> Iterator[Page]:
    affected = affected_documents(content)
    yield template_page(
        DOCUMENT_CONTROL_PAGE,
        "pages/doccontrol.md.jinja",
        context,
        in_nav=True,
        control=control,
        content=content,
        history_problem=context.history.problem,
        law_changes=affected,
        csv_name=DOCUMENT_CONTROL_CSV.rsplit("/", 1)[-1],
        json_name=DOCUMENT_CONTROL_JSON.rsplit("/", 1)[-1],
    )
    # Not Markdown: MkDocs copies these files into the site as they are.
    by_document = law_changes_by_document(affected)
    yield Page(DOCUMENT_CONTROL_CSV, render_control_csv(content, control, by_document))
    yield Page(DOCUMENT_CONTROL_JSON, render_control_json(content, control, by_document))


def _warn_uncommitted(items: list[ControlledItem], context: BuildContext) -> None:
    # Once per build, not once per page: a new file is normal while someone writes it.
    if not context.history.available:
        return
    missing = [item.file for item in items if item.last_changed is None]
    if missing:
        shown = ", ".join(missing[:5]) + (
            f" och {len(missing) - 5} till" if len(missing) > 5 else ""
        )
        log.warning(
            "Historik saknas för %d dokument som inte är incheckade i Git: %s.", len(missing), shown
        )
