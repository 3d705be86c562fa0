"""The Ändringslogg page: what changed in the ledningssystem, month by month."""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.changelog import changelog, first_month
from ledningssystem.model.content import Ledningssystem
from ledningssystem.pages.page import BuildContext, Page, template_page
from ledningssystem.render.document_control import commit_link
from ledningssystem.urls import CHANGELOG_PAGE

MONTHS_SHOWN = 12  # older changes stay in each document's Versionshistorik and in Git


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    months = changelog(content, context.history, MONTHS_SHOWN)
    pattern = content.settings.git.commit_url
    yield template_page(
        CHANGELOG_PAGE,
        "pages/changelog.md.jinja",
        context,
        in_nav=True,
        months=months,
        since=first_month(content.today, MONTHS_SHOWN),
        problem=context.history.problem,
        commit_link=lambda sha: commit_link(pattern, sha),
    )
