"""The one mechanism for "this id must exist": shared by validate.py and report/check.py.

A reference names something (a role, a process, a unit, a configured category); when the
name is unknown the author gets the closest match and where the known names are written.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean, did_you_mean_named
from ledningssystem.core.model.base import ContentModel

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
    names: Mapping[str, str] | None = None,
) -> ContentError | None:
    """A ContentError at `model`'s line for `path` when `value` is not in `known`, else None.

    `list_known` lists every allowed value when no close match exists: right for the short
    lists in reports/config.yml, too long for roles and processes. With `names` (id → name)
    the closest ids come with their names: 'Menade du "genomfora" – Genomföra insatsen?'.
    """
    if isinstance(known, Collection) and not isinstance(known, str) and value in known:
        return None  # a mapping or set answers at once; only a miss needs the list
    ids = list(known)
    if value in ids:
        return None
    hint = (did_you_mean_named(value, names) if names else did_you_mean(value, ids)).strip()
    if not hint and list_known and len(ids) <= LISTED:
        hint = f"Tillåtna värden: {', '.join(ids)}."
    return ContentError(
        model.origin.file,
        model.origin.line(*path),
        field,
        f'{what} "{value}" finns inte',
        f"{hint} Se {where}.".strip(),
    )
