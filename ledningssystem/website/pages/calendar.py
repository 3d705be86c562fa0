"""The Årshjul page: the yearly cycle of quality activities."""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import CALENDAR_PAGE
from ledningssystem.diagrams.arshjul import render_arshjul
from ledningssystem.website.pages.page import BuildContext, Page, template_page


def pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    return context.memo.listing("årshjul", lambda: list(_each(content, context)))


def _each(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    yield template_page(
        CALENDAR_PAGE,
        "pages/arshjul.md.jinja",
        context,
        edit_path="arshjul/arshjul.yml",
        in_nav=True,
        wheel=render_arshjul(content, context.linker(CALENDAR_PAGE)),
        count=len(content.activities),
    )
