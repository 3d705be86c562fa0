"""An explicit unknown in an event row: `okänt` or `ej registrerat`, never a zero.

Real exports leave fields empty or write "ej registrerat". An author who writes
0 instead prints a false figure ("andel utredda 0,0 %"), so each required field
of an event row accepts an explicit unknown. Ids become UNKNOWN_ID (shown as
"Uppgift saknas"), counts and dates become None; figures count them apart.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from ledningssystem.core.model.base import SLUG_PATTERN, Slug

UNKNOWN_WORDS = frozenset(
    {"okänt", "okänd", "okand", "okant", "ej registrerat", "ej registrerad", "uppgift saknas"}
)
UNKNOWN_ID = "uppgift-saknas"
UNKNOWN_LABEL = "Uppgift saknas"
UNKNOWN_TEXT = "uppgift saknas"

_WORDS_SCHEMA = {"enum": sorted(UNKNOWN_WORDS)}


def is_unknown(value: Any) -> bool:
    """True for the words that mean "not known" (any case, any surrounding spaces)."""
    return isinstance(value, str) and " ".join(value.split()).casefold() in UNKNOWN_WORDS


def none_if_unknown(value: Any) -> Any:
    """A before-validator: an explicit unknown becomes None, anything else is kept."""
    return None if is_unknown(value) else value


def unknown_or(schema: dict[str, Any]) -> WithJsonSchema:
    """The JSON Schema of a field that is `schema` or an explicit unknown."""
    return WithJsonSchema({"anyOf": [schema, _WORDS_SCHEMA]})


def _id_or_unknown(value: Any) -> Any:
    return UNKNOWN_ID if is_unknown(value) else value


def _count_or_unknown(value: Any) -> Any:
    if is_unknown(value):
        return None
    if isinstance(value, str):  # exports may write 1 234 with a (no-break) space
        return value.strip().replace("\u00a0", "").replace(" ", "")
    return value


def _date_or_unknown(value: Any) -> Any:
    return None if is_unknown(value) else value


MaybeSlug = Annotated[
    Slug,
    BeforeValidator(_id_or_unknown),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, _WORDS_SCHEMA]}),
]
"""An id, or an explicit unknown (stored as UNKNOWN_ID)."""

MaybeCount = Annotated[
    int | None,
    Field(ge=0),
    BeforeValidator(_count_or_unknown),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, _WORDS_SCHEMA]}),
]
"""A count, or None when the export says it is not known."""

MaybeDate = Annotated[
    dt.date | None,
    BeforeValidator(_date_or_unknown),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, _WORDS_SCHEMA]}),
]
"""A date, or None when it is not known: a placeholder date is never printed."""
