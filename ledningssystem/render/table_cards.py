"""Phone layout of the portal's list tables: each row becomes a card of "label: value" lines.

A table marked `ls-cards` is laid out as a table on wider screens and as stacked cards on
phones (docs/stylesheets/tables.css). The card shows each value under its column heading,
which CSS reads from the cell's `data-label`; this module copies the headings into the
cells, so templates stay plain tables. It works on the portal's own generated markup only
(one <thead> row, cells without nested tables) and leaves everything else untouched.
"""

from __future__ import annotations

import html
import re

_CARD_TABLE = re.compile(r'<table class="[^"]*\bls-cards\b[^"]*">.*?</table>', re.DOTALL)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.DOTALL)
_CELL_START = re.compile(r"<(td|th)\b(?![^>]*\bdata-label=)")
_TAG = re.compile(r"<[^>]+>")


def label_card_cells(markup: str) -> str:
    """`markup` with every cell of each `ls-cards` table labelled by its column heading."""
    if "ls-cards" not in markup:
        return markup
    return _CARD_TABLE.sub(lambda m: _label_table(m.group(0)), markup)


def _label_table(table: str) -> str:
    head = _HEAD.search(table)
    if head is None:
        return table
    labels = [_plain(cell) for cell in _HEAD_CELL.findall(head.group(1))]
    body_start = head.end()
    body = _ROW.sub(lambda m: _label_row(m.group(0), labels), table[body_start:])
    return table[:body_start] + body


def _label_row(row: str, labels: list[str]) -> str:
    # A row header spanning several rows (rowspan) is missing from the rows below it: the
    # cells of a short row belong to the last columns.
    starts = list(_CELL_START.finditer(row))
    offset = max(len(labels) - len(starts), 0)
    parts, last = [], 0
    for index, start in enumerate(starts):
        label = labels[offset + index] if offset + index < len(labels) else ""
        parts += [row[last : start.end()], f' data-label="{html.escape(label)}"']
        last = start.end()
    return "".join(parts) + row[last:]


def _plain(cell: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", cell)).split())
