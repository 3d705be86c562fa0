"""The one place where the kvalitetsberättelse (ledningssystem/report) meets the PDF engine.

The report module gives, per year, a view (`ledningssystem.report.year_view.YearView`) with
metadata and sections in template order, each section's parts being its narrative Markdown
and its generated HTML blocks (tables, SVG charts, the risk matrix). The PDF engine itself
(document.py, engine.py) knows nothing of reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

import markdown
from markupsafe import escape

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.sanitise import sanitise_html
from ledningssystem.core.urls import Linker, report_page, report_pdf
from ledningssystem.pdf.document import Organisation, PdfDocument, PdfSection
from ledningssystem.pdf.markdown_config import MarkdownExtensions
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.meta import Approval, Correction
from ledningssystem.report.year_view import SectionView, YearView, year_view

# A link to another page of the portal means nothing on paper: keep its text only.
_SITE_LINK = re.compile(r'<a\s[^>]*?href="(?!#|https?:|mailto:)[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


def report_to_pdf_document(
    view: YearView, *, today: dt.date, markdown: MarkdownExtensions, municipality: str = ""
) -> PdfDocument:
    """The PdfDocument of one year's berättelse; `today` dates a draft (approval dates the rest)."""
    meta = view.data.meta
    approval = None if view.draft else meta.approval
    author = ", ".join(n for n in (view.compiled_by, view.administration_name) if n)
    kind = str(meta.kind)
    return PdfDocument(
        title=meta.heading,
        kind=kind[:1].upper() + kind[1:],
        organisation=Organisation(view.board_name, view.administration_name, municipality),
        year=meta.year,
        status=" ".join(t for t in (status_text(approval), view.completeness_note) if t),
        date=approval.date if approval else today,
        author=author or view.board_name,
        sections=_nest([_section(s, view.draft, markdown) for s in view.sections])
        + corrections_section(meta.corrections),
        keywords=(kind, "SOSFS 2011:9", view.board_name, str(meta.year)),
        missing_files=view.missing_files if view.draft else (),
    )


def status_text(approval: Approval | None) -> str:
    """ "Utkast …" or "Fastställd av Socialnämnden 2025-02-20, § 12, dnr SN 2025/17"."""
    if approval is None:
        return "Utkast – berättelsen är inte fastställd. Siffrorna kan ändras till dess."
    parts = [f"Fastställd av {approval.by} {approval.date.isoformat()}"]
    if approval.paragraph:
        parts.append(approval.paragraph)
    if approval.registration:
        parts.append(f"dnr {approval.registration}")
    return ", ".join(parts)


def corrections_section(corrections: Sequence[Correction]) -> tuple[PdfSection, ...]:
    """A last section listing the rättelser made after approval (none without any)."""
    if not corrections:
        return ()
    rows = "".join(
        f"<tr><td>{c.date.isoformat()}</td><td>{escape(c.reason)}</td>"
        f"<td>{escape(c.change)}</td></tr>"
        for c in corrections
    )
    html = (
        "<table><caption>Rättelser efter att berättelsen fastställdes</caption>"
        '<thead><tr><th scope="col">Datum</th><th scope="col">Orsak</th>'
        f'<th scope="col">Vad som ändrades</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    return (PdfSection("rattelser", "Rättelser", html),)


def markdown_to_html(text: str, extensions: MarkdownExtensions) -> str:
    """Narrative Markdown (with raw HTML blocks) as print HTML, site links reduced to text."""
    converter = markdown.Markdown(
        extensions=list(extensions.names), extension_configs=dict(extensions.configs)
    )
    html = converter.convert(text)
    return _SITE_LINK.sub(r"\1", sanitise_html(html))  # the same allow-list as the site


def _section(
    view: SectionView, draft: bool, extensions: MarkdownExtensions
) -> tuple[int, PdfSection]:
    section = view.section
    html = []
    if view.legal:
        html.append(f'<p class="ls-legal">{escape(view.legal)}</p>')
    if view.missing_text and draft:
        # Where the text would stand, before the tables. Readers of the PDF are not its
        # authors: no file names (the handbook shows them).
        html.append('<p class="ls-report-unwritten">Avsnittet är inte skrivet ännu.</p>')
    html.append(markdown_to_html("\n\n".join(str(p).strip() for p in view.parts), extensions))
    body = "\n".join(html)
    return view.depth, PdfSection(section.id, section.heading, body, view.number)


def _nest(flat: list[tuple[int, PdfSection]]) -> tuple[PdfSection, ...]:
    """Depth-2 sections become the subsections of the depth-1 section before them."""
    top: list[PdfSection] = []
    for depth, section in flat:
        if depth > 1 and top:
            parent = top.pop()
            top.append(
                PdfSection(
                    parent.id,
                    parent.title,
                    parent.html,
                    parent.number,
                    (*parent.subsections, section),
                )
            )
        else:
            top.append(section)
    return tuple(top)


def pdf_site_path(year: int) -> str:
    """Where the site build puts a year's PDF, beside its open data."""
    return report_pdf(year)


def load_year_views(root: Path) -> tuple[Ledningssystem, dict[int, YearView]]:
    """(content, {year: view}) of every berättelse under `root`; ContentErrors if any is wrong."""
    content = load_ledningssystem(root)
    reports = content.reports
    if reports is None:
        return content, {}
    views = {
        year: year_view(reports, year, content, Linker(report_page(year)))
        for year in sorted(reports.years)
    }
    return content, views
