"""A link where its target is published, plain text where it is not (the public site)."""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup

from ledningssystem.core.urls import Linker


def link_or_text(link: Linker, src_path: str, text: str, anchor: str = "") -> Markup:
    """`<a href>text</a>` to `src_path`, or the escaped text alone when that page is unpublished."""
    if not link.published(src_path):
        return Markup("{}").format(text)
    return Markup('<a href="{}">{}</a>').format(link.page(src_path, anchor), text)


# An inline Markdown link to a relative target: [text](target) or [text](target "title").
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.IGNORECASE)


def unlink_unpublished(markdown: str, page_src: str, link: Linker) -> str:
    """Markdown written for `page_src` with links to unpublished pages replaced by their text."""
    base = posixpath.dirname(page_src)

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if _ABSOLUTE.match(target):
            return match.group(0)
        path = posixpath.normpath(posixpath.join(base, target.split("#", 1)[0]))
        return match.group(0) if link.published(path) else match.group(1)

    return _MARKDOWN_LINK.sub(replace, markdown)
