"""The Kvalitetsberättelse section: an index of all years, a page per year, open data files.

Open data files are emitted as Pages with a .json/.csv src: MkDocs copies any
non-Markdown generated file to the site as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import REPORT_INDEX, report_data, report_page, report_pdf
from ledningssystem.report.data import Reports
from ledningssystem.report.export import figures_csv, figures_json
from ledningssystem.report.index import key_figure_trend
from ledningssystem.report.meta import ReportStatus
from ledningssystem.report.year_view import year_view
from ledningssystem.website.pages.page import BuildContext, Page, template_page

GUIDE_PAGE = "skriva/kvalitetsberattelse.md"


def pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    # The berättelse (shared content) and the documents it names: the outline, and whether
    # docs/ has the authoring guide the index links to.
    guide = (Path(content.root) / "docs" / GUIDE_PAGE).exists()
    return context.memo.listing("berättelse", lambda: list(_each(content, context, guide)), guide)


def _each(content: Ledningssystem, context: BuildContext, guide: bool) -> Iterator[Page]:
    reports = site_reports(content, context)
    years = list(reports.years) if reports else []
    views = []
    for year in years:
        assert reports is not None
        src = report_page(year)
        view = year_view(reports, year, content, context.linker(src))
        views.append(view)
        yield template_page(
            src,
            "pages/report_year.md.jinja",
            context,
            edit_path=f"reports/{year}/report.yml",
            view=view,
            report_data=report_data,
            pdf=report_pdf(year) if context.pdf else None,
            authors=not context.public,  # where to write a missing text: handbook only
        )
        yield Page(report_data(year, "json"), figures_json(reports, year))
        yield Page(report_data(year, "csv"), figures_csv(reports, year))
    yield template_page(
        REPORT_INDEX,
        "pages/report_index.md.jinja",
        context,
        in_nav=True,
        years=list(reversed(views)),  # the index shows only meta and key figures
        trend=key_figure_trend(reports) if reports else None,
        report_page=report_page,
        report_data=report_data,
        # Portals without the authoring guide (tiny test sites) must not get a broken link.
        guide=not context.public and guide,
        public=context.public,
    )


def site_reports(content: Ledningssystem, context: BuildContext) -> Reports | None:
    """The berättelser this site shows: all, or only the fastställda when drafts are off.

    Drafts are removed from the data itself, so that no trend table or chart of a
    fastställd year shows the figures of a year not yet fastställd.
    """
    reports = content.reports
    if reports is None or context.drafts:
        return reports
    return reports.only(
        year for year, data in reports.years.items() if data.meta.status is not ReportStatus.DRAFT
    )
