"""MkDocs glue: a page's Markdown → HTML is reused from an earlier build when its input is the same.

The cache and its key are the engine's (ledningssystem.website.held_html); this file only maps
a MkDocs page to it and back. MkDocs has no event between a page's Markdown and its HTML that
can skip the conversion, so on_pre_page gives each page a render of its own: the held HTML, or
Page.render and then keeping what it gave. The result is the same page byte for byte.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from ledningssystem.website.held_html import HTML_CACHE_FOLDER, HeldHtml, HeldPage

_pages_log = logging.getLogger("mkdocs.structure.pages")
_state: dict[str, tuple[Files, HeldHtml]] = {}


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    page.render = functools.partial(_render_held, page)  # type: ignore[method-assign]
    return page


def _render_held(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Page.render, or what it gave in an earlier build of the same Markdown and setup."""
    held = _held(config, files)
    key = held.key(page.markdown or "", page.file.src_uri, page.file.url)
    kept = held.get(key)
    if kept is None:
        with _logged() as logged:
            Page.render(page, config, files)
        if not logged:  # a page that warned is converted again, so it warns again
            held.put(key, _to_held(page))
        return
    page.content, page.toc, page._title_from_render = kept.content, get_toc(kept.toc), kept.title  # type: ignore[arg-type]
    page.present_anchor_ids = set(kept.anchors)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {
            files.src_uris[src]: links for src, links in kept.links_to_anchors.items()
        }


def _held(config: MkDocsConfig, files: Files) -> HeldHtml:
    """The held pages of this build's setup: its Markdown settings and its files' addresses."""
    cached = _state.get("held")
    if cached is not None and cached[0] is files:
        return cached[1]
    setup = {
        "engine": Page.__module__,  # MkDocs or ProperDocs, whose Page.render this is
        "extensions": config.markdown_extensions,
        "configs": config.mdx_configs,
        "directory_urls": config.use_directory_urls,
        "validation": str(config.validation),
        "anchor_links": _pages_log.getEffectiveLevel() > logging.DEBUG,  # as Page.render
    }
    folder = Path(config.config_file_path).parent / HTML_CACHE_FOLDER
    held = HeldHtml(folder, setup, [(f.src_uri, f.url) for f in files])
    _state["held"] = (files, held)
    return held


def _to_held(page: Page) -> HeldPage:
    links = page.links_to_anchors
    return HeldPage(
        content=page.content or "",
        toc=[_toc_token(link) for link in page.toc],
        title=page._title_from_render,
        anchors=sorted(page.present_anchor_ids or ()),
        links_to_anchors=None if links is None else {f.src_uri: a for f, a in links.items()},
    )


def _toc_token(link: AnchorLink) -> dict[str, object]:
    children = [_toc_token(child) for child in link.children]
    return {"level": link.level, "id": link.id, "name": link.title, "children": children}


class _Records(logging.Handler):
    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _logged() -> Iterator[list[logging.LogRecord]]:
    """The records MkDocs logs meanwhile (the link and anchor checks of a page)."""
    handler = _Records(logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
