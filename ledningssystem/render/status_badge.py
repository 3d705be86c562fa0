"""The status badge beside every listed process or rutin: the same words and colours everywhere.

A gällande document on time shows its status as plain text; utkast, upphörd, revidering
försenad and snart dags get a badge with colour *and* words, so the reader sees what needs
attention in Rutiner A–Ö, on role pages and on process pages alike (WCAG 1.4.1: the text
carries the meaning, the colour only helps the eye).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.document import ControlledDocument
from ledningssystem.core.review_state import ReviewState, review_state

# CSS modifier per state (docs/stylesheets/ledningssystem.css, .ls-badge--…).
BADGE_KINDS = {
    ReviewState.OVERDUE: "overdue",
    ReviewState.DUE: "due",
    ReviewState.DRAFT: "draft",
    ReviewState.RETIRED: "retired",
}


def document_state(doc: ControlledDocument, content: Ledningssystem) -> ReviewState:
    """The document's state as of the build's "today" and the configured horizon."""
    horizon = content.settings.document_control.horizon_days
    return review_state(doc, content.today, horizon)


def status_badge(doc: ControlledDocument, content: Ledningssystem) -> Markup:
    """The status of `doc` as HTML: a badge when it needs attention, else plain "gällande"."""
    state = document_state(doc, content)
    kind = BADGE_KINDS.get(state)
    if kind is None:
        return Markup(escape(doc.status.value))
    return Markup('<span class="ls-badge ls-badge--{}">{}</span>').format(kind, state.value)
