"""render_pdf: a PdfDocument → print HTML (Jinja) → PDF bytes (WeasyPrint 70.0, tagged PDF/UA-1).

Determinism: the dates come from the document and the /ID is a hash of the content, so the
same document gives byte-identical PDFs, in one process or several (tested). Across machines
this holds only with the same pinned Python packages and the same system HarfBuzz, which
subsets the embedded fonts.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from markupsafe import Markup

from ledningssystem.pdf.document import PdfDocument
from ledningssystem.render.templating import render_template

PACKAGE_DIR = Path(__file__).resolve().parent
PRINT_CSS = PACKAGE_DIR / "print.css"
FONTS_DIR = PACKAGE_DIR / "fonts"
PDF_VARIANT = "pdf/ua-1"
# Only our own files: the PDF must never depend on (or leak a request to) the network.
ALLOWED_PROTOCOLS = ("file", "data")
DRAFT_WORDS = ("utkast",)
# WeasyPrint styles inline SVG only from the SVG's own <style>, not from print.css; without
# svg.css, chart labels would come out in whatever font the machine has, bars in black.
SVG_CSS = PACKAGE_DIR / "svg.css"
_SVG_CLOSE = re.compile(r"</svg\s*>")


def render_html(doc: PdfDocument) -> str:
    """The print HTML of `doc` (cover, table of contents, sections); markup only."""
    org = doc.organisation
    draft = doc.status.casefold().startswith(DRAFT_WORDS)
    # The header names the organisation, and marks every page of a draft.
    header = ("UTKAST",) * draft + (org.municipality, org.administration)
    return render_template(
        "pdf/document.html.jinja",
        doc=doc,
        created=_w3c_datetime(doc.date),
        draft=draft,
        organisation_line=" · ".join(n for n in header if n),
        body=_with_svg_style,
    )


# Same options for layout and writing: WeasyPrint's own write_pdf passes them to both.
PDF_OPTIONS: dict[str, Any] = {
    "pdf_variant": PDF_VARIANT,
    # /ID from an MD5 of the content (pydyf), not random: renders repeat.
    "pdf_identifier": True,
    "uncompressed_pdf": False,
}


def layout_pdf(doc: PdfDocument) -> Any:
    """`doc` laid out in pages (a WeasyPrint Document): what render_pdf writes, for tests too."""
    return _layout(render_html(doc))


def render_pdf(doc: PdfDocument) -> bytes:
    """The PDF of `doc` as bytes; the same document gives the same bytes (see tests)."""
    return pdf_from_html(render_html(doc))


def pdf_from_html(html: str) -> bytes:
    """The PDF of print HTML from render_html: what a worker process renders (pdf.jobs)."""
    document = _layout(html)
    _weasyprint_namespaces(import_weasyprint())
    with _quiet_weasyprint():
        pdf = document.write_pdf(**PDF_OPTIONS)
    assert isinstance(pdf, bytes)
    return pdf


def _layout(html: str) -> Any:
    weasyprint = import_weasyprint()
    fetcher = weasyprint.URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS)
    font_config = weasyprint.text.fonts.FontConfiguration()
    stylesheet = weasyprint.CSS(
        filename=str(PRINT_CSS), url_fetcher=fetcher, font_config=font_config
    )
    document = weasyprint.HTML(string=html, base_url=str(PACKAGE_DIR) + "/", url_fetcher=fetcher)
    with _quiet_weasyprint():
        return document.render(font_config, stylesheets=[stylesheet], **PDF_OPTIONS)


def _weasyprint_namespaces(weasyprint: Any) -> None:
    """Give the XMP metadata WeasyPrint's own prefixes (dc:, xmp:) again before writing.

    ElementTree keeps prefixes process-wide, and the BPMN export registers "dc" for another
    namespace: a PDF written after it (a second build under make serve, a test) had ns3:title
    where a fresh process, such as a build's PDF worker, writes dc:title.
    """
    for prefix, uri in weasyprint.pdf.metadata.NS.items():
        ElementTree.register_namespace(prefix, uri)


def import_weasyprint() -> Any:
    """WeasyPrint, or SystemLibrariesMissing with the apt-get line when Pango is missing."""
    try:
        import weasyprint
        import weasyprint.pdf.metadata
        import weasyprint.text.fonts
    except OSError as error:  # cffi cannot dlopen libpango/libharfbuzz
        raise SystemLibrariesMissing(str(error)) from error
    return weasyprint


class SystemLibrariesMissing(RuntimeError):
    """WeasyPrint is installed but the system libraries it loads are not."""

    HINT = (
        "PDF kräver systembiblioteken Pango och HarfBuzz. Installera dem med:\n"
        "  sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0\n"
        "(PDF needs the Pango and HarfBuzz system libraries; on Debian/Ubuntu install them "
        "with the line above.)"
    )

    def __str__(self) -> str:
        return f"{self.HINT}\nOrsak: {self.args[0] if self.args else ''}"


def _with_svg_style(html: str) -> Markup:
    """A section's trusted HTML with svg.css (bundled font, chart colours) in each inline SVG."""
    style = _svg_style()
    # Last child, so <title> stays first: screen readers and WeasyPrint's /Alt read it there.
    return Markup(_SVG_CLOSE.sub(lambda m: style + m.group(0), html))


@cache
def _svg_style() -> str:
    css = re.sub(r"/\*.*?\*/", "", SVG_CSS.read_text(encoding="utf-8"), flags=re.DOTALL)
    return "<style>" + " ".join(css.split()) + "</style>"


def _w3c_datetime(date: dt.date) -> str:
    # A fixed time of day: WeasyPrint writes this into /CreationDate, /ModDate and XMP.
    return f"{date.isoformat()}T00:00:00Z"


@contextmanager
def _quiet_weasyprint() -> Iterator[None]:
    """Keep WeasyPrint's per-step INFO lines out of the terminal; its warnings still show."""
    logger = logging.getLogger("weasyprint.progress")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
