"""The start page of the public site: the berättelse of every year, with PDF and open data.

Only generated for the public site (mkdocs.public.yml); the handbook has its own docs/index.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import PUBLIC_INDEX, report_data, report_page, report_pdf
from ledningssystem.report.meta import ReportStatus
from ledningssystem.website.pages.page import BuildContext, Page, template_page
from ledningssystem.website.pages.report import site_reports


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    if not context.public:
        return
    reports = site_reports(content, context)
    years = sorted(reports.years.values(), key=lambda d: d.year, reverse=True) if reports else []
    yield template_page(
        PUBLIC_INDEX,
        "pages/public_index.md.jinja",
        context,
        in_nav=True,
        organisation=content.organisation,
        years=years,
        draft=ReportStatus.DRAFT,
        pdf=context.pdf,
        report_page=report_page,
        report_data=report_data,
        report_pdf=report_pdf,
    )
