"""The labels Swedish municipal documents put beside their metadata, and how values are read.

Headers of real ledningssystem documents say "Dokumentnamn", "Fastställd av", "Datum",
"Version", "Ansvarig", "Giltig till" and the like; each maps to one front matter field.
"""

from __future__ import annotations

import datetime as dt
import re

from ledningssystem.core.model.routine import RoutineKind

# Front matter field → labels, most specific first (a label is matched whole, after
# normalising case, spaces and a trailing colon).
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "titel": ("dokumentnamn", "dokumenttitel", "titel", "rubrik", "benämning", "namn"),
    "typ": ("dokumenttyp", "dokumentslag", "typ av dokument", "typ"),
    "version": ("versionsnummer", "version", "utgåva"),
    "fastställd_av": (
        "fastställd av",
        "beslutad av",
        "godkänd av",
        "antagen av",
        "fastställare",
        "beslutsfattare",
    ),
    "fastställd_datum": (
        "fastställd datum",
        "fastställd den",
        "fastställandedatum",
        "datum för fastställande",
        "beslutsdatum",
        "beslutad den",
        "fastställd",
        "beslutad",
        "godkänd",
        "datum",
    ),
    "ägare": (
        "dokumentansvarig",
        "dokumentägare",
        "ansvarig för dokumentet",
        "ansvarig funktion",
        "processägare",
        "ansvarig",
        "ägare",
    ),
    "gäller_från": (
        "gäller från",
        "giltig från",
        "gäller fr.o.m.",
        "giltig fr.o.m.",
        "gäller fr o m",
    ),
    "revideras_senast": (
        "revideras senast",
        "nästa revidering",
        "ska revideras",
        "revideringsdatum",
        "revideras",
        "giltig till",
        "gäller till",
        "giltig t.o.m.",
        "gäller t.o.m.",
        "giltig t o m",
    ),
}
LABEL_FIELDS = {label: name for name, labels in FIELD_LABELS.items() for label in labels}
# Labels that are metadata but have no field in a rutin: listed as not carried over.
KNOWN_UNMAPPED = ("diarienummer", "dnr", "dokumentid", "dokument-id", "sida", "upprättad av")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augusti", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Word turns a typed "-" into an en dash (–) or a minus sign, so those separate dates too.
_ISO_LIKE = re.compile(
    r"\b(\d{4})[-./ \u2010-\u2015\u2212](\d{1,2})[-./ \u2010-\u2015\u2212](\d{1,2})\b"
)
_COMPACT = re.compile(r"\b(20\d{2}|19\d{2})(\d{2})(\d{2})\b")
_SPOKEN = re.compile(r"\b(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})\b", re.I)
_VERSION = re.compile(r"\d+(?:\.\d+){0,2}")


def normalise_label(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(":").strip().casefold()


def field_for_label(text: str) -> str | None:
    """The front matter field a metadata label stands for, or None."""
    return LABEL_FIELDS.get(normalise_label(text))


def is_metadata_label(text: str) -> bool:
    label = normalise_label(text)
    return label in LABEL_FIELDS or label in KNOWN_UNMAPPED


def parse_date(text: str) -> dt.date | None:
    """2024-03-01, 2024.03.01, 20240301 or 1 mars 2024 as a date; None if it is none of these."""
    for pattern, order in ((_ISO_LIKE, "ymd"), (_COMPACT, "ymd"), (_SPOKEN, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = parts["m"]
        number = _MONTHS.get(month.casefold()) if not month.isdigit() else int(month)
        try:
            return dt.date(int(parts["y"]), number or 0, int(parts["d"]))
        except ValueError:
            return None
    return None


def parse_version(text: str) -> str | None:
    """ "Version 2.1", "v. 2,1" (a Swedish decimal comma) → "2.1"."""
    match = _VERSION.search(re.sub(r"(?<=\d),(?=\d)", ".", text))
    return match.group(0) if match else None


def parse_kind(text: str) -> RoutineKind | None:
    """The kind a type label or a title names: "Riktlinje för …" → riktlinje."""
    lowered = text.casefold()
    for kind in (
        RoutineKind.CHECKLIST,
        RoutineKind.GUIDELINE,
        RoutineKind.INSTRUCTION,
        RoutineKind.TEMPLATE,
        RoutineKind.ROUTINE,
    ):
        if kind.value in lowered:
            return kind
    return None
