"""The mechanism of the year's cross-checks: a checker that records problems, and rule makers.

check.py lists the rules per data file (ROW_RULES); this module gives them their vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ledningssystem.core.errors import ContentError
from ledningssystem.core.file_names import REPORT_CONFIG_FILE, ROLES_FILE
from ledningssystem.core.model.base import ContentModel
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.references import unknown_reference
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.unknown import UNKNOWN_ID

CONFIG = REPORT_CONFIG_FILE  # where the configured lists are, named in hints


class YearChecker:
    """Collects the problems of one year; the rules below call its reference checks."""

    def __init__(self, content: Ledningssystem, config: ReportConfig):
        self.content = content
        self.config = config
        self.errors: list[ContentError] = []
        # When the organisation itself failed to load, its errors are reported already.
        self.units: Iterable[str] | None = (
            content.org_names if content.organisation.board.id else None
        )

    def fail(self, row: ContentModel, field: str, message: str, hint: str = "") -> None:
        self.errors.append(
            ContentError(row.origin.file, row.origin.line(field), field, message, hint)
        )

    def known(
        self,
        row: ContentModel,
        field: str,
        value: str | None,
        known: Iterable[str] | None,
        what: str,
        where: str,
    ) -> None:
        if (
            value is None
            or value == UNKNOWN_ID
            or known is None
            or value in self.content.unusable_ids
        ):
            return  # an explicit unknown (okänt) is a value, counted apart
        error = unknown_reference(row, (field,), field, value, known, what, where, list_known=True)
        if error is not None:
            self.errors.append(error)

    def unique(self, rows: Iterable[ContentModel]) -> None:
        seen: set[str] = set()
        for row in rows:
            row_id = getattr(row, "id", "")
            if row_id and row_id in seen:
                self.fail(row, "id", f'id "{row_id}" finns redan i filen', "Ge raden ett eget id.")
            seen.add(row_id)


# A rule checks one row (or report.yml) and records what is wrong on the checker.
Rule = Callable[[YearChecker, Any], None]


def reference(
    field: str,
    values: Callable[[Any], Iterable[str | None]],
    known: Callable[[YearChecker], Iterable[str] | None],
    what: str,
    where: str,
) -> Rule:
    """A rule: each of the row's `values` for `field` must be among `known`."""

    def rule(check: YearChecker, row: Any) -> None:
        for value in values(row):
            check.known(row, field, value, known(check), what, where)

    return rule


def one(attribute: str) -> Callable[[Any], Iterable[str | None]]:
    return lambda row: (getattr(row, attribute),)


def ids(choices: Callable[[ReportConfig], Iterable[Any]]) -> Callable[[YearChecker], list[str]]:
    return lambda check: [c.id for c in choices(check.config)]


def role(field: str, attribute: str) -> Rule:
    return reference(field, one(attribute), lambda c: c.content.roles, "rollen", ROLES_FILE)
