"""Found metadata → a rutin's front matter, with a list of what could not be carried over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.routine import RoutineKind
from ledningssystem.wordimport.labels import (
    field_for_label,
    parse_date,
    parse_kind,
    parse_version,
)
from ledningssystem.wordimport.metadata import Found, RawMetadata
from ledningssystem.wordimport.role_match import match_role, match_unit

DATE_FIELDS = ("fastställd_datum", "gäller_från", "revideras_senast")
# Document properties that are not headed by a field label.
_PROPERTY_FIELDS = {"nyckelord": "nyckelord", "ämne": "sammanfattning", "kategori": "typ"}


@dataclass
class MappedMetadata:
    """Front matter values found in the document; warnings say what was left out and why."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # field → where it was found
    warnings: list[str] = field(default_factory=list)

    @property
    def found(self) -> list[str]:
        return list(self.values)


def map_metadata(raw: RawMetadata, content: Ledningssystem, fallback_title: str) -> MappedMetadata:
    """The first usable value of each field wins: body table, first lines, header, properties."""
    mapped = MappedMetadata()
    for item in raw.found:
        name = field_for_label(item.label) or _PROPERTY_FIELDS.get(item.label)
        if name is None:
            mapped.warnings.append(f'"{item.label}" ({item.where}) har inget fält i en rutin')
            continue
        if name in mapped.values:
            continue
        value = _READERS[name](item, content, mapped)
        if value is not None:
            mapped.values[name] = value
            mapped.sources[name] = item.where
    if "titel" not in mapped.values:
        mapped.values["titel"] = raw.title_heading or fallback_title
    if "typ" not in mapped.values:
        first_word = str(mapped.values["titel"]).split(" ")[0]
        mapped.values["typ"] = (parse_kind(first_word) or RoutineKind.ROUTINE).value
    return mapped


def _text(item: Found, content: Ledningssystem, mapped: MappedMetadata) -> str | None:
    return item.value


def _kind(item: Found, content: Ledningssystem, mapped: MappedMetadata) -> str | None:
    kind = parse_kind(item.value)
    if kind is None:
        mapped.warnings.append(
            f'typ "{item.value}" ({item.where}) är ingen av riktlinje, rutin, checklista, '
            "instruktion eller mall"
        )
    return kind.value if kind else None


def _version(item: Found, content: Ledningssystem, mapped: MappedMetadata) -> str | None:
    version = parse_version(item.value)
    if version is None:
        mapped.warnings.append(f'version "{item.value}" ({item.where}) är inget versionsnummer')
    return version


def _date(item: Found, content: Ledningssystem, mapped: MappedMetadata) -> dt.date | None:
    date = parse_date(item.value)
    if date is None:
        mapped.warnings.append(
            f'{item.label} "{item.value}" ({item.where}) är inget datum (skriv ÅÅÅÅ-MM-DD)'
        )
    return date


def _approver(item: Found, content: Ledningssystem, mapped: MappedMetadata) -> str | None:
    match = match_role(item.value, content.roles)
    if match is None:
        mapped.warnings.append(_no_role(item))
    return match[0] if match else None


def _owner(item: Found, content: Ledningssystem, mapped: MappedMetadata) -> str | None:
    match = match_role(item.value, content.roles)
    if match is None:
        mapped.warnings.append(_no_role(item))
        return None
    role, rest = match
    unit = match_unit(rest, content.organisation) if rest else None
    return f"{role}@{unit}" if unit else role


def _keywords(item: Found, content: Ledningssystem, mapped: MappedMetadata) -> list[str]:
    words = [w.strip() for w in item.value.replace(";", ",").split(",")]
    return [w for w in words if w]


def _no_role(item: Found) -> str:
    return (
        f'{item.label} "{item.value}" ({item.where}) är ingen roll i roles/roller.yml; '
        "fyll i rollens id"
    )


_READERS: dict[str, Callable[[Found, Ledningssystem, MappedMetadata], Any]] = {
    "titel": _text,
    "typ": _kind,
    "version": _version,
    "fastställd_av": _approver,
    "ägare": _owner,
    "nyckelord": _keywords,
    "sammanfattning": _text,
    **{name: _date for name in DATE_FIELDS},
}
