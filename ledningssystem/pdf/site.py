"""The PDF of every year's berättelse, written into a built site beside its open data."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import Linker, report_page, report_pdf
from ledningssystem.pdf.adapter import report_to_pdf_document
from ledningssystem.pdf.cache import PDF_CACHE_FOLDER
from ledningssystem.pdf.engine import render_html
from ledningssystem.pdf.jobs import PdfJobs, spare_cores
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.report.data import Reports
from ledningssystem.report.year_view import year_view


def year_pdfs(content: Ledningssystem, reports: Reports, background: bool) -> PdfJobs:
    """The PDF of each year of `reports`, at kvalitetsberattelse/<år>/…pdf of the site.

    With `background`, rendering starts now in worker processes (see pdf.jobs). A year whose
    print HTML is unchanged since an earlier build comes from the PDF cache. Raises
    pdf.engine.SystemLibrariesMissing (a Swedish message) when WeasyPrint cannot run.
    """
    extensions = site_markdown_extensions(Path(content.root))
    documents = []
    for year in sorted(reports.years):
        view = year_view(reports, year, content, Linker(report_page(year)))
        doc = report_to_pdf_document(
            view,
            today=content.today,
            markdown=extensions,
            municipality=content.organisation.municipality,
        )
        documents.append((report_pdf(year), render_html(doc)))
    workers = spare_cores() if background else 0
    return PdfJobs(documents, Path(content.root) / PDF_CACHE_FOLDER, workers)


def write_year_pdfs(content: Ledningssystem, reports: Reports, site_dir: Path | str) -> list[Path]:
    """Write each year of `reports` into the site at `site_dir`, in this process; the files."""
    return year_pdfs(content, reports, background=False).write(site_dir)
