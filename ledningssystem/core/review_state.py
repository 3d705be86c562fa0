"""Where a document stands against its review date: the words the whole portal uses."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from ledningssystem.core.model.document import ControlledDocument, Status


class ReviewState(StrEnum):
    """Where a document stands against its review date, as the portal says it."""

    OVERDUE = "revidering försenad"
    DUE = "snart dags"
    ON_TIME = "i tid"
    DRAFT = "utkast"
    RETIRED = "upphörd"


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
