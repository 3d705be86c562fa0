"""Shared building blocks of the content model."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints
from pydantic_core import PydanticCustomError

from ledningssystem.core.yaml_lines import LineMap

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
"""An id: lowercase a–z, digits and single hyphens, e.g. `barn-och-unga`."""

FIRST_YEAR, LAST_YEAR = 1900, 2199


def _plausible_date(value: dt.date) -> dt.date:
    # Year 1 or 9999 is a typo, and date arithmetic near them overflows.
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "sv_date_range",
            f"datumet {value.isoformat()} ligger utanför åren {FIRST_YEAR}–{LAST_YEAR}; "
            "kontrollera året",
        )
    return value


Date = Annotated[dt.date, AfterValidator(_plausible_date)]
"""A date in a plausible range (1900–2199), read from ÅÅÅÅ-MM-DD."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Source:
    """Where a model was read from: the file (relative to the repo) and its line map."""

    __slots__ = ("file", "lines")

    def __init__(self, file: str, lines: LineMap | None = None):
        self.file = file
        self.lines = lines or LineMap()

    def line(self, *path: str | int) -> int:
        return self.lines.line(tuple(path))


class ContentModel(BaseModel):
    """Base of every content model: Swedish keys in files, English names in code."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        str_strip_whitespace=True,
    )
    _source: Source = PrivateAttr(default_factory=lambda: Source("<okänd>"))

    @property
    def origin(self) -> Source:
        return self._source

    def with_source(self, source: Source) -> ContentModel:
        self._source = source
        return self


def sv(alias: str, description: str, **kwargs: Any) -> Any:
    """A field read from the Swedish key `alias`, documented for the JSON Schema."""
    return Field(alias=alias, description=description, **kwargs)
