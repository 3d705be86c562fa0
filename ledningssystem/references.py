"""The one mechanism for "this id must exist": shared by validate.py and report/check.py.

A reference names something (a role, a process, a unit, a configured category); when the
name is unknown the author gets the closest match and where the known names are written.
"""

from __future__ import annotations

from collections.abc import Iterable

from ledningssystem.errors import ContentError
from ledningssystem.messages import did_you_mean
from ledningssystem.model.base import ContentModel

LISTED = 10  # longer lists of allowed values drown the message; "Se …" names the place


def unknown_reference(
    model: ContentModel,
    path: tuple[str | int, ...],
    field: str,
    value: str,
    known: Iterable[str],
    what: str,
    where: str,
    *,
    list_known: bool = False,
) -> ContentError | None:
    """A ContentError at `model`'s line for `path` when `value` is not in `known`, else None.

    `list_known` lists every allowed value when no close match exists: right for the short
    lists in reports/config.yml, too long for roles and processes.
    """
    names = list(known)
    if value in names:
        return None
    hint = did_you_mean(value, names).strip()
    if not hint and list_known and len(names) <= LISTED:
        hint = f"Tillåtna värden: {', '.join(names)}."
    return ContentError(
        model.origin.file,
        model.origin.line(*path),
        field,
        f'{what} "{value}" finns inte',
        f"{hint} Se {where}.".strip(),
    )
