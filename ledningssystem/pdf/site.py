"""The PDF of every year's berättelse, written into a built site beside its open data."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core.file_names import REPORTS_DIR
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import Linker, report_page, report_pdf
from ledningssystem.pdf.adapter import load_year_views, report_to_pdf_document
from ledningssystem.pdf.cache import PDF_CACHE_FOLDER
from ledningssystem.pdf.engine import render_html, render_pdf
from ledningssystem.pdf.jobs import PdfJobs, spare_cores
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.report.data import Reports
from ledningssystem.report.seal import read_lock
from ledningssystem.report.seal_archive import archived_pdf
from ledningssystem.report.year_view import year_view


def year_pdfs(content: Ledningssystem, reports: Reports, background: bool) -> PdfJobs:
    """The PDF of each year of `reports`, at kvalitetsberattelse/<år>/…pdf of the site.

    With `background`, rendering starts now in worker processes (see pdf.jobs). A year whose
    print HTML is unchanged since an earlier build comes from the PDF cache. Raises
    pdf.engine.SystemLibrariesMissing (a Swedish message) when WeasyPrint cannot run.
    A fastställd year's archived PDF (seal_archive) is published as it is, never rendered:
    the content check has compared its bytes with the seal.
    """
    extensions = site_markdown_extensions(Path(content.root))
    documents, archived = [], {}
    for year in sorted(reports.years):
        folder = Path(content.root) / REPORTS_DIR / str(year)
        lock = read_lock(folder)
        kept = archived_pdf(folder, reports.years[year].meta, set(lock.files) if lock else set())
        if kept is not None:
            archived[report_pdf(year)] = kept
            continue
        view = year_view(reports, year, content, Linker(report_page(year)))
        doc = report_to_pdf_document(
            view,
            today=content.today,
            markdown=extensions,
            municipality=content.organisation.municipality,
        )
        documents.append((report_pdf(year), render_html(doc)))
    workers = spare_cores() if background else 0
    return PdfJobs(documents, Path(content.root) / PDF_CACHE_FOLDER, workers, archived)


def write_year_pdfs(content: Ledningssystem, reports: Reports, site_dir: Path | str) -> list[Path]:
    """Write each year of `reports` into the site at `site_dir`, in this process; the files."""
    return year_pdfs(content, reports, background=False).write(site_dir)


def render_year_pdf(root: Path, year: int) -> bytes:
    """The PDF of `year`'s berättelse under `root`, rendered now (what `fastställ` archives)."""
    content, views = load_year_views(root)
    doc = report_to_pdf_document(
        views[year],
        today=content.today,
        markdown=site_markdown_extensions(root),
        municipality=content.organisation.municipality,
    )
    return render_pdf(doc)
