"""MkDocs glue: a page's Markdown → HTML is reused from an earlier build when its input is the same.

The cache and its key are the engine's (ledningssystem.website.held_html); this file only maps
a MkDocs page to it and back. MkDocs has no event between a page's Markdown and its HTML that
can skip the conversion, so on_pre_page gives each page a render of its own: the held HTML, or
Page.render and then keeping what it gave. The result is the same page byte for byte. Page.render
converts the page without its finished HTML blocks (ledningssystem.render.finished_html), which
go back in before the page is kept, so the held HTML is the whole page. After a
successful `mkdocs build` (not a preview, not a failed build) the build's caches are pruned of
what nothing has used for a while (ledningssystem.website.build_caches).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from ledningssystem.render import finished_html
from ledningssystem.website.build_caches import prune_build_caches
from ledningssystem.website.held_html import HTML_CACHE_FOLDER, HeldHtml, HeldPage

log = logging.getLogger("mkdocs.plugins.ledningssystem")
_pages_log = logging.getLogger("mkdocs.structure.pages")
_state: dict[str, tuple[Files, HeldHtml]] = {}
_run: dict[str, object] = {}  # the command, the content root, whether the last build succeeded


def on_startup(command: str, dirty: bool) -> None:
    _run.clear()
    _run["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _run["root"], _run["built"] = Path(config.config_file_path).parent, False
    return config


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
            _convert(page, config, files)
        if not logged:  # a page that warned is converted again, so it warns again
            held.put(key, _to_held(page))
        return
    page.content, page.toc, page._title_from_render = kept.content, get_toc(kept.toc), kept.title  # type: ignore[arg-type]
    page.present_anchor_ids = set(kept.anchors)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {
            files.src_uris[src]: links for src, links in kept.links_to_anchors.items()
        }


def _convert(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Page.render, with the engine's finished HTML blocks kept out of Markdown's parsers."""
    split = finished_html.split_finished(page.markdown or "")
    if split is None:
        Page.render(page, config, files)
        return
    markdown = page.markdown
    try:
        page.markdown = split.markdown
        Page.render(page, config, files)
        content = split.restore(page.content or "")
        if content is None:  # a placeholder did not come through: convert the page whole
            page.markdown = split.whole
            Page.render(page, config, files)
        else:
            page.content = content
            page.present_anchor_ids = (page.present_anchor_ids or set()) | split.anchor_ids()
    finally:
        page.markdown = markdown


# After every other hook: a PDF or search index that fails raises before this runs.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    cached = _state.get("held")
    if cached is not None:
        held = cached[1]
        log.debug("Sparad HTML: %d sidor ur cachen, %d konverterade", held.hits, held.misses)
    _run["built"] = True


def on_build_error(error: Exception) -> None:
    _run["built"] = False  # strict mode aborts on warnings after on_post_build


def on_shutdown() -> None:
    # A build, not a preview: a preview renders only what changed and stamps only that.
    root = _run.get("root")
    if _run.get("command") == "build" and _run.get("built") and isinstance(root, Path):
        log.debug("Rensade %d oanvända poster ur .cache/", prune_build_caches(root))


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
        # As Page.render: at DEBUG (mkdocs build -v) pages keep no anchor links, so a -v
        # build has entries of its own and its first run converts every page again.
        "anchor_links": _pages_log.getEffectiveLevel() > logging.DEBUG,
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
