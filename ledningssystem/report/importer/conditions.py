"""Conditional values in a mapping: an export value means one id or another by another column.

Case systems reuse one value for different things: "Klagomål" from the web form is a
synpunkt, the same word from a letter a klagomål. A value in `värden` may then be a
list of alternatives, tried in order; the last may lack `om` and is the default:

    värden:
      slag:
        Klagomål:
          - om: {Kanal: Webb}
            blir: synpunkt
          - blir: klagomal
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, sv


def _text(value: Any) -> Any:
    # YAML reads 1 as a number and ja/yes as booleans; exports only hold text.
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return str(value)
    return value


def _text_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_text(k): _text(v) for k, v in value.items()}
    return value


class Alternative(ContentModel):
    """One meaning of an export value: `blir` when every column in `om` has its value."""

    when: Annotated[dict[str, str], BeforeValidator(_text_keys)] = sv(
        "om",
        "Kolumn i exporten → värdet den ska ha, t.ex. {Kanal: Webb}; utan om gäller det alltid.",
        default_factory=dict,
    )
    then: Annotated[str | None, BeforeValidator(_text)] = sv(
        "blir", "Id i berättelsen, eller ~ om raden inte ska räknas."
    )

    def matches(self, cells: Mapping[str, str]) -> bool:
        """True when each condition column holds its value (case and spaces aside)."""
        return all(
            cells.get(_key(column), "").strip().casefold() == value.strip().casefold()
            for column, value in self.when.items()
        )


def _default_last(alternatives: tuple[Alternative, ...]) -> tuple[Alternative, ...]:
    if not alternatives:
        raise PydanticCustomError(
            "sv_no_alternative",
            "ange minst ett alternativ, t.ex. - om: {Kanal: Webb} och blir: synpunkt",
            {},
        )
    for alternative in alternatives[:-1]:
        if not alternative.when:
            raise PydanticCustomError(
                "sv_default_not_last",
                "ett alternativ utan om gäller alltid och ska stå sist; "
                "alternativen under det prövas aldrig",
                {},
            )
    return alternatives


def _as_alternatives(value: Any) -> Any:
    # A plain value (an id, or ~) is one alternative without conditions.
    if value is None or isinstance(value, str | bool | int | float):
        return [{"blir": value}]
    return value


_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {"type": "null"},
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"om": {"type": "object"}, "blir": {"type": ["string", "null"]}},
                "required": ["blir"],
                "additionalProperties": False,
            },
        },
    ]
}
Alternatives = Annotated[
    tuple[Alternative, ...],
    BeforeValidator(_as_alternatives),
    AfterValidator(_default_last),
    WithJsonSchema(_SCHEMA),
]
"""The alternatives of one export value, tried in order; a plain id is one without om."""


def _key(column: str) -> str:
    return column.strip().casefold()


def chosen(
    alternatives: tuple[Alternative, ...], cells: Mapping[str, str]
) -> tuple[bool, str | None]:
    """(found, id) of the first alternative whose conditions hold in the row."""
    for alternative in alternatives:
        if alternative.matches(cells):
            return True, alternative.then
    return False, None


def row_cells(header: tuple[str, ...], cells: tuple[str, ...]) -> dict[str, str]:
    """A row's cells by column name, casefolded as conditions compare them."""
    return {_key(name): cell for name, cell in zip(header, cells, strict=False)}


def condition_columns(values: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
    """Every column a condition reads, in the order the mapping names them."""
    found: dict[str, None] = {}
    for table in values.values():
        for target in table.values():
            for alternative in target:
                found.update(dict.fromkeys(alternative.when))
    return tuple(found)
