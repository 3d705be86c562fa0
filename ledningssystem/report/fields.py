"""Field types of the data files: yes/no, decimals and counts as exports write them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import Slug
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_WORDS, is_unknown


def yes_no(value: Any) -> Any:
    if isinstance(value, str) and value.strip().casefold() in {"ja", "nej"}:
        return value.strip().casefold() == "ja"
    return value


def _decimal(value: Any) -> Any:
    # CSV from Excel writes 81,5; YAML keeps 81.5 as text (floats are not resolved).
    if isinstance(value, str):
        return value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return value


def _list(value: Any) -> Any:
    if is_unknown(value):
        return (UNKNOWN_ID,)
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


_YES_NO_SCHEMA = {"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nej"]}]}
YesNo = Annotated[bool, BeforeValidator(yes_no), WithJsonSchema(_YES_NO_SCHEMA)]


def _yes_no_or_unknown(value: Any) -> Any:
    # An empty YAML value (anmäld_ivo:) says nothing either: unknown, never "nej".
    return None if value is None or is_unknown(value) else yes_no(value)


_MAYBE_YES_NO_SCHEMA = {"anyOf": [*_YES_NO_SCHEMA["anyOf"], {"enum": sorted(UNKNOWN_WORDS)}]}
MaybeYesNo = Annotated[
    bool | None, BeforeValidator(_yes_no_or_unknown), WithJsonSchema(_MAYBE_YES_NO_SCHEMA)
]
"""ja / nej, or None when the export says it is not known (okänt, ej registrerat)."""
Decimal = Annotated[float, BeforeValidator(_decimal)]


def whole_number(value: Any) -> Any:
    # Exports may write 1 234 (space or no-break space between thousands).
    if isinstance(value, str):
        return value.strip().replace("\u00a0", "").replace(" ", "")
    return value


Count = Annotated[int, Field(ge=0), BeforeValidator(whole_number)]
SlugList = Annotated[tuple[Slug, ...], BeforeValidator(_list)]
"""Ids separated by commas; an explicit unknown (okänt) is one UNKNOWN_ID."""


# A part of a row's antal kept per row, such as i_tid or återkoppling: a count, or ja/nej
# for a row of one ärende. Its JSON Schema; the values are read by part_of_count.
PART_WORDS = ("ja", "nej", "okänt", "ej registrerat")
PartCount = Annotated[
    int | None,
    Field(ge=0),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"enum": list(PART_WORDS)}]}),
]


def part_of_count(data: dict[str, Any], field: str) -> dict[str, Any]:
    """The row with `field` as a count: ja is the row's antal, nej 0, okänt (or empty) None.

    Anything else is refused naming the accepted values, never taken as "nej"."""
    if field not in data:
        return data
    value = data[field]
    if value is None or is_unknown(value) or (isinstance(value, str) and not value.strip()):
        return {**data, field: None}
    answer = yes_no(value)
    if isinstance(answer, bool):
        count = whole_number(data.get("antal", 1))  # "1 234" as antal is 1234 here too
        known = count if answer else 0
        return {**data, field: None if is_unknown(known) else known}
    number = whole_number(value)
    if isinstance(number, int) or (isinstance(number, str) and number.isdigit()):
        return {**data, field: number}
    raise PydanticCustomError(
        "sv_part_value",
        f'"{value}" är inget giltigt värde; skriv ja, nej, okänt (eller ej registrerat) '
        "eller ett antal från 0 till antal på raden",
        {"field": field},
    )
