"""The Ändringslogg: an index of months (in the nav) and one page per month (not in the nav).

One page per month keeps every page small however long the history grows.
"""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import CHANGELOG_PAGE, changelog_month_page
from ledningssystem.doccontrol.changelog import changelog
from ledningssystem.doccontrol.page_parts import commit_link
from ledningssystem.website.pages.page import BuildContext, Page, template_page


def pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    # The history and the documents' titles: both in the outline.
    return context.memo.listing("ändringslogg", lambda: list(_each(content, context)))


def _each(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    months = changelog(content, context.history)
    pattern = content.settings.git.commit_url
    yield template_page(
        CHANGELOG_PAGE,
        "pages/changelog.md.jinja",
        context,
        in_nav=True,
        months=months,
        problem=context.history.problem,
        month_page=changelog_month_page,
    )
    for month in months:
        yield template_page(
            changelog_month_page(month.year, month.month),
            "pages/changelog_month.md.jinja",
            context,
            month=month,
            index_page=CHANGELOG_PAGE,
            commit_link=lambda sha: commit_link(pattern, sha),
        )
