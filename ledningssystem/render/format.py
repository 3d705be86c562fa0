"""Swedish formatting of dates and numbers."""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup

NBSP = "\u00a0"
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def format_date(value: dt.date | None) -> str:
    """ISO dates, as Swedish public administration writes them; "–" when missing."""
    return value.isoformat() if value else "–"


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """1 234,5 – a space (no-break) between thousands and a decimal comma."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")


# Characters Markdown (with attr_list, tables and the inline syntax) acts on inside a line.
_MARKDOWN_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()!#|"}
_HTML_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&#34;", "'": "&#39;"}


def plain_text(value: object) -> Markup:
    """An author's plain text for a place where Markdown is parsed (headings, front matter).

    Every character Markdown or HTML could act on becomes an entity, so `{: onclick=… }`,
    `[x](javascript:…)` or `![x](https://…)` show as typed instead of becoming markup, and a
    `{` in a step name cannot swallow the heading's `{ #id }`. Line breaks become spaces:
    the text stays on its one line.
    """
    text = " ".join(str(value).split())
    table = {**_MARKDOWN_ENTITIES, **_HTML_ENTITIES}
    return Markup("".join(table.get(c, c) for c in text))


# Inline syntax only: these titles never start a line.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]()!|<>])")


def markdown_literal(value: object) -> str:
    """An author's plain text for Markdown read elsewhere (a pull request comment, an issue):
    every Markdown character backslash-escaped, so a title cannot become a link or an image."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))
