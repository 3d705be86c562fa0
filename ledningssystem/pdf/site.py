"""The PDF of every year's berättelse, written into a built site beside its open data."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import Linker, report_page, report_pdf
from ledningssystem.pdf.adapter import report_to_pdf_document
from ledningssystem.pdf.cache import PDF_CACHE_FOLDER, cached_pdf
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.report.data import Reports
from ledningssystem.report.year_view import year_view


def write_year_pdfs(content: Ledningssystem, reports: Reports, site_dir: Path | str) -> list[Path]:
    """Write each year of `reports` to <site>/kvalitetsberattelse/<år>/…pdf; return the files.

    Raises pdf.engine.SystemLibrariesMissing (a Swedish message) when WeasyPrint cannot run.
    A year whose print HTML is unchanged since an earlier build comes from the PDF cache.
    """
    written = []
    cache = Path(content.root) / PDF_CACHE_FOLDER
    extensions = site_markdown_extensions(Path(content.root))
    for year in sorted(reports.years):
        view = year_view(reports, year, content, Linker(report_page(year)))
        doc = report_to_pdf_document(
            view,
            today=content.today,
            markdown=extensions,
            municipality=content.organisation.municipality,
        )
        target = Path(site_dir) / report_pdf(year)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(cached_pdf(doc, cache))
        written.append(target)
    return written
