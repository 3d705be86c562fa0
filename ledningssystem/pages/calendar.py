"""The Årshjul page: the yearly cycle of quality activities."""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.model.content import Ledningssystem
from ledningssystem.pages.page import BuildContext, Page, template_page
from ledningssystem.render.arshjul import render_arshjul
from ledningssystem.urls import CALENDAR_PAGE


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    yield template_page(
        CALENDAR_PAGE,
        "pages/arshjul.md.jinja",
        context,
        edit_path="arshjul/arshjul.yml",
        in_nav=True,
        wheel=render_arshjul(content, context.linker(CALENDAR_PAGE)),
        count=len(content.activities),
    )
