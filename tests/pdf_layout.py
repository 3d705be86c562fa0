"""Where things land on the berättelse's PDF pages: word boxes from `pdftotext -bbox`, and the
page of every table row and caption from WeasyPrint's own layout (the pages it writes)."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from weasyprint.formatting_structure import boxes

MM = 72 / 25.4  # points per millimetre
# The text block of print.css's @page rules: (top, right, bottom, left) margins in mm.
MARGINS = {"cover": (30, 25, 30, 25), "portrait": (25, 20, 22, 25), "landscape": (20, 20, 18, 20)}
BAND = 8  # running header and footer lie in the margins, but at least this far (mm) from the edge
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


@dataclass(frozen=True)
class Word:
    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def pdf_words(pdf: bytes) -> list[tuple[float, float, list[Word]]]:
    """(width, height, words) of every page, in points, from `pdftotext -bbox`."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = []
    for number, (width, height, body) in enumerate(_PAGE.findall(out), start=1):
        words = [
            Word(number, float(a), float(b), float(c), float(d), text)
            for a, b, c, d, text in _WORD.findall(body)
        ]
        pages.append((float(width), float(height), words))
    return pages


def words_outside_text_block(pdf: bytes) -> list[str]:
    """Words printed beyond the page's text block (the header/footer bands aside)."""
    found = []
    for number, (width, height, words) in enumerate(pdf_words(pdf), start=1):
        kind = "cover" if number == 1 else "landscape" if width > height else "portrait"
        top, right, bottom, left = (m * MM for m in MARGINS[kind])
        for w in words:
            sideways = w.x0 < left - 1 or w.x1 > width - right + 1
            off_page = w.y0 < BAND * MM or w.y1 > height - BAND * MM
            # A word may sit in a margin band (header, footer), but not across its edge.
            across = w.y0 < top < w.y1 - 1 or w.y0 + 1 < height - bottom < w.y1
            if sideways or off_page or across:
                found.append(f"sida {number}: {w.text!r} vid x {w.x0:.0f}–{w.x1:.0f} pt")
    return found


@dataclass(frozen=True)
class TablePart:
    """The part of one table on one page."""

    page: int
    table: Any  # the <table> element, the same object on every page
    caption: bool
    body_rows: int


def table_parts(document: Any) -> list[TablePart]:
    """Every table's part on every page it is laid out on, page by page."""
    parts = []
    for number, page in enumerate(document.pages, start=1):
        for wrapper in page._page_box.descendants():
            if not getattr(wrapper, "is_table_wrapper", False):
                continue
            caption = any(isinstance(c, boxes.TableCaptionBox) for c in wrapper.children)
            rows = sum(
                len(group.children)
                for table in wrapper.children
                if isinstance(table, boxes.TableBox)
                for group in table.children
                if isinstance(group, boxes.TableRowGroupBox)
                and not (group.is_header or group.is_footer)
            )
            parts.append(TablePart(number, wrapper.element, caption, rows))
    return parts


def split_tables(document: Any, min_rows: int = 3) -> list[str]:
    """Tables that break across pages leaving fewer than `min_rows` body rows on a page."""
    per_table: dict[Any, dict[int, int]] = defaultdict(dict)
    for part in table_parts(document):
        if part.body_rows:  # a page with only the caption is lonely_captions' business
            per_table[part.table][part.page] = part.body_rows
    return [
        f"{_caption_text(table)!r}: rader per sida {pages}"
        for table, pages in per_table.items()
        if len(pages) > 1 and min(pages.values()) < min_rows
    ]


def lonely_captions(document: Any) -> list[str]:
    """Table captions on a page without any row of their table (the table starts later)."""
    parts = table_parts(document)
    first_rows = {}
    for part in parts:
        if part.body_rows:
            first_rows.setdefault(part.table, part.page)
    return [
        f"{_caption_text(part.table)!r}: bildtexten på sida {part.page}, tabellen på sida "
        f"{first_rows.get(part.table)}"
        for part in parts
        if part.caption and first_rows.get(part.table) != part.page
    ]


def _caption_text(table: Any) -> str:
    caption = table.find("caption")
    if caption is None:
        return "(utan bildtext)"
    return " ".join("".join(caption.itertext()).split())


HEADINGS = ("h1", "h2", "h3", "h4")


def _first_pages(document: Any) -> tuple[Any, dict[Any, int]]:
    """(the root element, the first page of every element laid out)."""
    first: dict[Any, int] = {}
    root = None
    for number, page in enumerate(document.pages, start=1):
        for box in page._page_box.descendants():
            if box.element is not None:
                first.setdefault(box.element, number)
                if root is None and _local(str(box.element.tag)) == "html":
                    root = box.element
    return root, first


def lonely_headings(document: Any) -> list[str]:
    """Headings whose section starts on a later page: only the heading (and its one-line law
    reference, p.ls-legal) at the foot of a page, the text or table that follows overleaf."""
    root, first = _first_pages(document)
    found = []
    for parent in root.iter():
        children = list(parent)
        for i, child in enumerate(children):
            if not isinstance(child.tag, str) or _local(child.tag) not in HEADINGS:
                continue
            follows = [c for c in children[i + 1 :] if not _is_heading_or_reference(c)]
            if child not in first or not follows or follows[0] not in first:
                continue
            if first[follows[0]] != first[child]:
                text = " ".join("".join(child.itertext()).split())
                found.append(
                    f"{text!r}: rubriken på sida {first[child]}, texten på sida {first[follows[0]]}"
                )
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _is_heading_or_reference(element: Any) -> bool:
    tag = _local(element.tag) if isinstance(element.tag, str) else ""
    return tag in HEADINGS or "ls-legal" in (element.get("class") or "").split()


def repeated_totals(document: Any) -> list[str]:
    """Tables whose total row (tfoot) prints on a page before their last: a "Summa" under
    half a table reads as the sum of the rows above it."""
    pages: dict[Any, list[int]] = defaultdict(list)
    totals: dict[Any, list[int]] = defaultdict(list)
    for number, page in enumerate(document.pages, start=1):
        for wrapper in page._page_box.descendants():
            if not getattr(wrapper, "is_table_wrapper", False):
                continue
            pages[wrapper.element].append(number)
            for table in wrapper.children:
                for group in getattr(table, "children", []):
                    if group.element is not None and _local(str(group.element.tag)) == "tfoot":
                        totals[wrapper.element].append(number)
    return [
        f"{_caption_text(table)!r}: summaraden på sida {on}, tabellen slutar på sida "
        f"{max(pages[table])}"
        for table, on in totals.items()
        if any(n != max(pages[table]) for n in on)
    ]


def charts_apart_from_tables(document: Any) -> list[str]:
    """Charts (with their caption) on another page than the first rows of their table: the
    table is the chart's text, so a reader sees both together (report/blocks.py, pair)."""
    root, first = _first_pages(document)
    found = []
    for pair in root.iter():
        if "ls-chart-pair" not in (pair.get("class") or "").split():
            continue
        caption = _first_tag(pair, "figcaption")
        body = _first_tag(pair, "tbody")
        row = _first_tag(body if body is not None else pair, "tr")
        if caption is None or row is None or caption not in first or row not in first:
            continue
        if first[caption] != first[row]:
            text = " ".join("".join(caption.itertext()).split())
            found.append(
                f"{text!r}: diagrammet på sida {first[caption]}, tabellen på sida {first[row]}"
            )
    return found


def _first_tag(element: Any, tag: str) -> Any:
    """The first element named `tag` inside `element` (or None)."""
    return next((e for e in element.iter() if _local(str(e.tag)) == tag), None)
