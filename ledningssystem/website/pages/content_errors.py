"""The preview's error page: under `make serve`, content errors are shown in the browser.

MkDocs would wait for a successful build and leave every request hanging; instead the
preview builds a site of this one page (served for every address), listing the errors as
`make check` does, and the page reloads itself once the files are fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.errors import ContentErrors
from ledningssystem.website.pages.page import BuildContext, template_page

ERROR_PAGE_TITLE = "Fel i innehållet"
# Set in the config's `extra` by the hook while the preview shows the error page: the macros
# glue then loads nothing (the content has errors and no page calls a macro).
ERROR_PREVIEW_KEY = "ledningssystem_felvisning"


@dataclass(frozen=True)
class ErrorPage:
    """The error page's Markdown at `src`, written to `dest` when that is not MkDocs' choice."""

    src: str
    markdown: str
    dest: str | None = None


def content_error_pages(errors: ContentErrors) -> list[ErrorPage]:
    """The start page and 404.html (answered for every other address), both the error page."""
    context = BuildContext()
    pages = []
    for src, dest in (("index.md", None), ("fel-i-innehallet.md", "404.html")):
        page = template_page(src, "pages/content_errors.md.jinja", context, errors=errors.errors)
        pages.append(ErrorPage(page.src, page.markdown, dest))
    return pages
