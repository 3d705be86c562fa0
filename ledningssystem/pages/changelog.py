"""The Ändringslogg: an index of months (in the nav) and one page per month (not in the nav).

One page per month keeps every page small however long the history grows.
"""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.changelog import changelog
from ledningssystem.model.content import Ledningssystem
from ledningssystem.pages.page import BuildContext, Page, template_page
from ledningssystem.render.document_control import commit_link
from ledningssystem.urls import CHANGELOG_PAGE, changelog_month_page


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
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
