"""Mammoth's clean HTML of a Word document as the Markdown a rutin is written in.

Mammoth gives a small, predictable set of elements (headings, paragraphs, lists, tables,
strong/em, links, images, line breaks). Text is escaped so that whatever was typed in Word
(a pasted `<script>`, a line starting with `#`, stars and underscores) stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from lxml import html as lxml_html
from lxml.etree import _Element

_BLOCK_ESCAPE = re.compile(r"^(\s*)([#>+\-*]|\d+)([.)]?)(\s)")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]>|])")
MISSING_ALT = "beskriv bilden (alternativtext saknades i Word)"
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def parse_fragment(html: str) -> _Element:
    """Mammoth's HTML as one <div> element holding the document's blocks."""
    return lxml_html.fragment_fromstring(html or "", create_parent="div")


def element_to_markdown(
    root: _Element, image_names: Mapping[str, str] | None = None, heading_shift: int = 0
) -> tuple[str, list[str]]:
    """Markdown for the blocks under `root`, and the images that had no alternative text.

    `image_names` maps an image's src to the file it is saved as."""
    writer = _Writer(image_names or {}, heading_shift)
    blocks = writer.blocks(root)
    text = "\n\n".join(b for b in blocks if b.strip()).strip()
    return (text + "\n" if text else ""), writer.missing_alt


def html_to_markdown(html: str, image_names: Mapping[str, str] | None = None) -> str:
    """Markdown for mammoth's `html`."""
    return element_to_markdown(parse_fragment(html), image_names)[0]


class _Writer:
    def __init__(self, image_names: Mapping[str, str], heading_shift: int):
        self.image_names = image_names
        self.heading_shift = heading_shift
        self.missing_alt: list[str] = []

    def blocks(self, parent: _Element) -> list[str]:
        out: list[str] = []
        inline: list[str] = []
        for child in _children_with_text(parent):
            if isinstance(child, str) or child.tag not in _BLOCK_HANDLERS:
                inline.append(child if isinstance(child, str) else self.inline(child))
                continue
            if "".join(inline).strip():
                out.append(_paragraph("".join(inline)))
            inline = []
            out.append(_BLOCK_HANDLERS[child.tag](self, child))
        if "".join(inline).strip():
            out.append(_paragraph("".join(inline)))
        return out

    def heading(self, element: _Element) -> str:
        level = min(int(element.tag[1]) + self.heading_shift, 6)
        return "#" * level + " " + _collapse(self.inline_children(element))

    def paragraph(self, element: _Element) -> str:
        return _paragraph(self.inline_children(element))

    def listing(self, element: _Element, depth: int = 0) -> str:
        lines = []
        for number, item in enumerate(element.findall("li"), start=1):
            marker = f"{number}." if element.tag == "ol" else "-"
            indent = "    " * depth
            text_parts, nested = [], []
            for child in _children_with_text(item):
                if not isinstance(child, str) and child.tag in {"ul", "ol"}:
                    nested.append(self.listing(child, depth + 1))
                elif not isinstance(child, str) and child.tag == "p":
                    text_parts.append(self.inline_children(child) + " ")
                else:
                    text_parts.append(child if isinstance(child, str) else self.inline(child))
            text = _escape_block(_collapse("".join(text_parts)))
            lines.append(f"{indent}{marker} {text}".rstrip())
            lines += nested
        return "\n".join(lines)

    def table(self, element: _Element) -> str:
        rows = [
            [_cell(self.cell_text(cell)) for cell in row if cell.tag in {"td", "th"}]
            for row in element.iter("tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)

    def cell_text(self, cell: _Element) -> str:
        # A Markdown table cell holds one line: paragraphs and list items become line breaks.
        parts = [
            _collapse(self.inline_children(p))
            for p in cell.iter("p", "li")
            if p.tag == "p" or p.find("p") is None
        ]
        if not parts:
            parts = [_collapse(self.inline_children(cell))]
        return "<br>".join(p for p in parts if p)

    def inline_children(self, element: _Element) -> str:
        return "".join(
            c if isinstance(c, str) else self.inline(c) for c in _children_with_text(element)
        )

    def inline(self, element: _Element) -> str:
        tag = element.tag
        if tag == "br":
            return "<br>"
        if tag == "img":
            return self.image(element)
        inner = self.inline_children(element)
        if tag in {"strong", "b"}:
            return _wrap(inner, "**")
        if tag in {"em", "i"}:
            return _wrap(inner, "*")
        if tag == "a":
            return self.link(element, inner)
        return inner  # sup, sub, s, u, span …: the text, without the formatting

    def link(self, element: _Element, inner: str) -> str:
        href = (element.get("href") or "").strip()
        if not href or href.startswith("#"):
            return inner  # bookmarks inside the Word file lead nowhere on the site
        if not re.match(r"^(https?:|mailto:)", href, re.I):
            return inner + f" ({_escape_inline(href)})"
        return f"[{inner or _escape_inline(href)}](<{href.replace('>', '%3E')}>)"

    def image(self, element: _Element) -> str:
        name = self.image_names.get(element.get("src") or "")
        if name is None:
            return ""
        alt = _collapse(_escape_inline(element.get("alt") or ""))
        if not alt:
            self.missing_alt.append(name)
            alt = f"Bild: {MISSING_ALT}"
        return f"![{alt}]({name})"


_BLOCK_HANDLERS: dict[str, Callable[[_Writer, _Element], str]] = {
    "h1": _Writer.heading,
    "h2": _Writer.heading,
    "h3": _Writer.heading,
    "h4": _Writer.heading,
    "h5": _Writer.heading,
    "h6": _Writer.heading,
    "p": _Writer.paragraph,
    "ul": _Writer.listing,
    "ol": _Writer.listing,
    "table": _Writer.table,
}


def _children_with_text(element: _Element) -> list[_Element | str]:
    """The element's text and children in document order, text escaped for Markdown."""
    parts: list[_Element | str] = []
    if element.text:
        parts.append(_escape_inline(element.text))
    for child in element:
        if isinstance(child.tag, str):
            parts.append(child)
        if child.tail:
            parts.append(_escape_inline(child.tail))
    return parts


def _escape_inline(text: str) -> str:
    # "<" and "&" as entities: Markdown has no backslash escape for "<", so pasted HTML stays text.
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _escape_block(text: str) -> str:
    if text.lstrip().startswith("#"):  # Python-Markdown reads "#x" as a heading, too
        return text.replace("#", "\\#", 1)
    return _BLOCK_ESCAPE.sub(_escaped_marker, text)


def _escaped_marker(match: re.Match[str]) -> str:
    """ "1. text" → "1\\. text" and "# text" → "\\# text": a line that only looks like a list."""
    lead, marker, dot, space = match.groups()
    if marker.isdigit():
        return f"{lead}{marker}\\{dot}{space}" if dot else match.group(0)
    return f"{lead}\\{marker}{dot}{space}"


def _paragraph(text: str) -> str:
    return _escape_block(_collapse(text))


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _wrap(inner: str, mark: str) -> str:
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _cell(text: str) -> str:
    return text.replace("\n", " ")
