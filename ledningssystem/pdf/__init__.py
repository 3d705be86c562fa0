"""The PDF engine: a PdfDocument (metadata + section HTML) → a tagged, print-quality PDF."""

from ledningssystem.pdf.document import Organisation, PdfDocument, PdfSection
from ledningssystem.pdf.engine import SystemLibrariesMissing, render_html, render_pdf

__all__ = [
    "Organisation",
    "PdfDocument",
    "PdfSection",
    "SystemLibrariesMissing",
    "render_html",
    "render_pdf",
]
