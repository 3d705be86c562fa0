"""Find a Word document's metadata (header table, first lines, page header, properties).

The body's metadata table and "Etikett: värde" lines are removed from the body, so they
become front matter instead of text. Works on mammoth's HTML tree; reads no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element

from ledningssystem.wordimport.labels import field_for_label, is_metadata_label, normalise_label

_LABEL_LINE = re.compile(r"^\s*([^:\n]{2,40}?)\s*:\s*(.+?)\s*$")
_LEADING_BLOCKS = 8  # the metadata of a document is at its top


@dataclass(frozen=True)
class Found:
    """One label and value found in the document, and where."""

    label: str
    value: str
    where: str


@dataclass
class RawMetadata:
    """Every label/value found, in priority order; and the document's title heading."""

    found: list[Found] = field(default_factory=list)
    title_heading: str = ""

    def add(self, label: str, value: str, where: str) -> None:
        if label.strip() and value.strip():
            self.found.append(Found(label.strip(), value.strip(), where))


def take_body_metadata(root: _Element) -> RawMetadata:
    """Metadata of the body's top (table and label lines), removed from `root`; the title too."""
    raw = RawMetadata()
    for child in list(root)[:_LEADING_BLOCKS]:
        text = _text(child)
        if child.tag == "h1" and not raw.title_heading and not raw.found:
            # A heading before the metadata is the title; after it, the first section.
            raw.title_heading = text
            root.remove(child)
        elif _metadata_block(child, text, raw):
            root.remove(child)
        elif child.tag == "p" and not text:
            continue  # an empty line or a logo
        elif raw.found or raw.title_heading:
            break
    return raw


def _metadata_block(child: _Element, text: str, raw: RawMetadata) -> bool:
    if child.tag == "table":
        return _table_metadata(child, raw)
    return child.tag == "p" and _line_metadata(text, raw, "de första raderna")


def add_header_metadata(raw: RawMetadata, rows: list[list[str]]) -> None:
    """Rows of the page header's tables and lines, read as the body's table is."""
    for row in rows:
        _row_metadata(row, raw, "sidhuvudet")
    for first, second in zip(rows, rows[1:], strict=False):
        _column_metadata(first, second, raw, "sidhuvudet")


def add_properties(raw: RawMetadata, properties: dict[str, str]) -> None:
    """The document properties (Arkiv › Egenskaper): title, version, keywords, subject."""
    for key in ("titel", "version", "nyckelord", "ämne", "kategori"):
        if key in properties:
            raw.add(key, properties[key], "dokumentegenskaperna")


def _table_metadata(table: _Element, raw: RawMetadata) -> bool:
    rows = [[_text(cell) for cell in row if cell.tag in {"td", "th"}] for row in table.iter("tr")]
    labels = sum(1 for row in rows for cell in row if _looks_like_label(cell))
    if labels < 2:
        return False
    for row in rows:
        _row_metadata(row, raw, "tabellen överst")
    for first, second in zip(rows, rows[1:], strict=False):
        _column_metadata(first, second, raw, "tabellen överst")
    return True


def _row_metadata(row: list[str], raw: RawMetadata, where: str) -> None:
    """Label | value pairs in a row, or "Label: value" cells."""
    index = 0
    while index < len(row):
        cell = row[index]
        line = _LABEL_LINE.match(cell)
        if line and is_metadata_label(line.group(1)):
            raw.add(line.group(1), line.group(2), where)
            index += 1
        elif (
            is_metadata_label(cell)
            and index + 1 < len(row)
            and not _looks_like_label(row[index + 1])
        ):
            raw.add(cell, row[index + 1], where)
            index += 2
        else:
            index += 1


def _column_metadata(labels: list[str], values: list[str], raw: RawMetadata, where: str) -> None:
    """A row of labels over a row of values."""
    if len(labels) < 2 or len(labels) != len(values):
        return
    if all(is_metadata_label(c) for c in labels) and not any(_looks_like_label(v) for v in values):
        for label, value in zip(labels, values, strict=True):
            raw.add(label, value, where)


def _line_metadata(text: str, raw: RawMetadata, where: str) -> bool:
    line = _LABEL_LINE.match(text)
    if line and is_metadata_label(line.group(1)):
        raw.add(line.group(1), line.group(2), where)
        return True
    return False


def _looks_like_label(cell: str) -> bool:
    line = _LABEL_LINE.match(cell)
    return is_metadata_label(cell) or bool(line and field_for_label(line.group(1)))


def _text(element: _Element) -> str:
    return normalise_space("".join(element.itertext()))


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


__all__ = ["Found", "RawMetadata", "normalise_label"]
