"""A generated page and what generators know about the build."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ledningssystem.core.urls import Linker
from ledningssystem.doccontrol.history import History
from ledningssystem.render.table_cards import label_card_cells
from ledningssystem.render.templating import render_template
from ledningssystem.website.map_cache import MapCache
from ledningssystem.website.pages.memo import PageMemo


@dataclass(frozen=True)
class BuildContext:
    """Facts about the build that pages depend on, beyond the content itself."""

    directory_urls: bool = True
    history: History = field(default_factory=History)  # Git history, read once per build
    extras: dict[str, Any] = field(default_factory=dict)
    # The public site (mkdocs.public.yml): only the berättelse, no links into the handbook.
    public: bool = False
    drafts: bool = True  # berättelser not yet fastställda get pages (the public site: on request)
    pdf: bool = False  # the build writes each year's PDF (hooks/portal.py on_post_build)
    # Document pages of the previous build (make serve): only those whose inputs changed are made.
    memo: PageMemo = field(default_factory=PageMemo, compare=False, repr=False)
    # Process maps of earlier builds on disk (.cache/processkartor); none: every map is drawn.
    maps: MapCache = field(default_factory=MapCache, compare=False, repr=False)

    def linker(self, src: str) -> Linker:
        return Linker(src, self.directory_urls, self.public)


@dataclass(frozen=True)
class Page:
    """One virtual Markdown page and the repository file a reader would edit for it.

    A `src` not ending in .md (e.g. a CSV or JSON download) is copied into the site as is.
    """

    src: str
    markdown: str
    edit_path: str | None = None
    in_nav: bool = False


def template_page(
    src: str,
    template: str,
    context: BuildContext,
    edit_path: str | None = None,
    in_nav: bool = False,
    **values: Any,
) -> Page:
    """A Page whose Markdown comes from a template, with a Linker for its own location."""
    markdown = label_card_cells(render_template(template, link=context.linker(src), **values))
    return Page(src, markdown, edit_path, in_nav)
