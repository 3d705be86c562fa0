"""Document control: which processes and rutiner are overdue, due, drafts or recently changed.

Pure functions of the content, "today" and the Git history; no Git, no MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ledningssystem.core.documents import DocumentEntry, governing_documents
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.document import ControlledDocument, Status
from ledningssystem.doccontrol.history import History

RECENT_DAYS = 30


class ReviewState(StrEnum):
    """Where a document stands against its review date, as the portal says it."""

    OVERDUE = "revidering försenad"
    DUE = "snart dags"
    ON_TIME = "i tid"
    DRAFT = "utkast"
    RETIRED = "upphörd"


@dataclass(frozen=True)
class ControlledItem(DocumentEntry):
    """A process or rutin as document control sees it."""

    state: ReviewState
    days_left: int | None  # days until revideras_senast (negative when overdue)
    last_changed: dt.date | None


def review_state(doc: ControlledDocument, today: dt.date, horizon_days: int) -> ReviewState:
    """Overdue when a gällande document's review date has passed; due within the horizon."""
    if doc.status is Status.DRAFT:
        return ReviewState.DRAFT
    if doc.status is Status.RETIRED:
        return ReviewState.RETIRED
    if doc.review_by is None:
        return ReviewState.ON_TIME
    if doc.review_by < today:
        return ReviewState.OVERDUE
    if doc.review_by <= today + dt.timedelta(days=horizon_days):
        return ReviewState.DUE
    return ReviewState.ON_TIME


def controlled_items(content: Ledningssystem, history: History) -> list[ControlledItem]:
    """Every process and rutin with its review state, processes first, each sorted by title."""
    today = content.today
    horizon = content.settings.document_control.horizon_days
    return [
        ControlledItem(
            e.kind,
            e.id,
            e.title,
            e.doc,
            e.page,
            state=review_state(e.doc, today, horizon),
            days_left=(e.doc.review_by - today).days if e.doc.review_by else None,
            last_changed=history.last_changed(e.file),
        )
        for e in governing_documents(content)
    ]


@dataclass(frozen=True)
class OwnerGroup:
    """One owner's documents in one list."""

    owner: str
    items: list[ControlledItem]


@dataclass(frozen=True)
class ControlOverview:
    """The lists of the Dokumentstyrning page, each grouped by owner."""

    today: dt.date
    horizon_days: int
    recent_days: int
    overdue: list[OwnerGroup]
    due: list[OwnerGroup]
    drafts: list[OwnerGroup]
    recent: list[OwnerGroup]
    items: list[ControlledItem]
    owner_names: dict[str, str]  # role id → name, casefolded for sorting

    def counts_by_owner(self) -> list[tuple[str, list[int]]]:
        """(owner, [overdue, due, drafts, recently changed]) for every owner with any."""
        groups = [g for lst in self._lists() for g in lst]
        owners = sorted({g.owner for g in groups}, key=lambda o: (self.owner_names.get(o, o), o))
        return [(owner, [_count(lst, owner) for lst in self._lists()]) for owner in owners]

    def _lists(self) -> tuple[list[OwnerGroup], ...]:
        return self.overdue, self.due, self.drafts, self.recent


def overview(
    content: Ledningssystem, history: History, recent_days: int = RECENT_DAYS
) -> ControlOverview:
    """Overdue and due reviews, drafts and documents changed in the last `recent_days`."""
    today = content.today
    items = controlled_items(content, history)
    since = today - dt.timedelta(days=recent_days)
    overdue = [i for i in items if i.state is ReviewState.OVERDUE]
    due = [i for i in items if i.state is ReviewState.DUE]
    drafts = [i for i in items if i.state is ReviewState.DRAFT]
    recent = [i for i in items if i.last_changed and i.last_changed >= since]
    by_review = _review_key
    return ControlOverview(
        today=today,
        horizon_days=content.settings.document_control.horizon_days,
        recent_days=recent_days,
        overdue=group_by_owner(content, sorted(overdue, key=by_review)),
        due=group_by_owner(content, sorted(due, key=by_review)),
        drafts=group_by_owner(content, drafts),
        recent=group_by_owner(
            content,
            sorted(recent, key=lambda i: (-i.last_changed.toordinal(), _title_key(i))),  # type: ignore[union-attr]
        ),
        items=items,
        owner_names={role.id: role.name.casefold() for role in content.roles.values()},
    )


def group_by_owner(content: Ledningssystem, items: Iterable[ControlledItem]) -> list[OwnerGroup]:
    """Groups in the order of the owners' names; items keep their order."""
    groups: dict[str, list[ControlledItem]] = {}
    for item in items:
        groups.setdefault(item.owner, []).append(item)

    def name(owner: str) -> str:
        role = content.roles.get(owner)
        return (role.name if role else owner).casefold()

    return [OwnerGroup(owner, groups[owner]) for owner in sorted(groups, key=name)]


def _count(groups: list[OwnerGroup], owner: str) -> int:
    return sum(len(g.items) for g in groups if g.owner == owner)


def _title_key(item: ControlledItem) -> tuple[str, str]:
    return item.title.casefold(), item.id


def _review_key(item: ControlledItem) -> tuple[dt.date, str, str]:
    return (item.doc.review_by or dt.date.max, *_title_key(item))
