"""PDFs of unchanged berättelser from a disk cache keyed on everything that makes their bytes.

Every build writes the PDF of every year, and WeasyPrint is the largest part of a build at city
size (about 3 s of CPU a year, ten years in a city's portal); the fastställda years never
change. render_pdf is deterministic (the same document gives the same bytes, tested), so the
key is what the bytes follow from: the print HTML, the stylesheets and fonts it loads (this
package's files), and the versions of WeasyPrint, pydyf and Pango. Any change gives a new key,
never a stale PDF. Print HTML that would load other files (an image, a stylesheet) is rendered
without the cache, since the key could not follow them. Entries are written atomically, stamped
on use and pruned after a good build like the other caches (core.cache_files); an entry that
cannot be read, or is not a whole PDF, is rendered again.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import pydyf

from ledningssystem.core.cache_files import read_entry, write_entry
from ledningssystem.pdf.document import PdfDocument
from ledningssystem.pdf.engine import PACKAGE_DIR, import_weasyprint, render_html, render_pdf

PDF_CACHE_FOLDER = ".cache/pdf"  # gitignored; safe to delete at any time
_PDF_END = b"%%EOF"  # the last line of every whole PDF file
# References to files in the HTML (src=, url(), <link>), except inline data: URIs.
_FILE_REFERENCE = re.compile(r"""(?:\bsrc\s*=\s*["']?|url\(\s*["']?|<link\b)(?!data:)""", re.I)


def cached_pdf(doc: PdfDocument, folder: Path | None) -> bytes:
    """render_pdf(doc), from `folder` when it holds the same PDF (None: no cache)."""
    html = render_html(doc)
    kept = read_cached(html, folder)
    if kept is not None:
        return kept
    pdf = render_pdf(doc)
    store(html, pdf, folder)
    return pdf


def read_cached(html: str, folder: Path | None) -> bytes | None:
    """The PDF of print HTML `html` kept in `folder`, or None (not kept, or not cacheable)."""
    path = _entry(html, folder)
    data = None if path is None else read_entry(path)
    if data is None or not data.rstrip().endswith(_PDF_END):
        return None  # not kept, not cacheable, or damaged (a copied or restored cache)
    return data


def store(html: str, pdf: bytes, folder: Path | None) -> None:
    """Keep `pdf`, rendered from `html`, in `folder` for the next build (when cacheable)."""
    path = _entry(html, folder)
    if path is not None:
        write_entry(path, pdf)


def _entry(html: str, folder: Path | None) -> Path | None:
    if folder is None or _FILE_REFERENCE.search(html):
        return None
    return folder / f"{_key(html)}.pdf"


def _key(html: str) -> str:
    digest = hashlib.sha256(_engine_fingerprint().encode("utf-8"))
    digest.update(html.encode("utf-8"))
    return digest.hexdigest()


@functools.cache
def _engine_fingerprint() -> str:
    """The versions and this package's files (CSS, fonts, code) every PDF depends on."""
    weasyprint = import_weasyprint()
    parts = [
        f"weasyprint {weasyprint.__version__}",
        f"pydyf {pydyf.__version__}",
        f"pango {weasyprint.text.ffi.pango.pango_version()}",
    ]
    # print.css, svg.css, the fonts, and the engine's own code (its PDF options).
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix != ".pyc")
    for file in files:
        parts.append(f"{file.name} {hashlib.sha256(file.read_bytes()).hexdigest()}")
    return "\n".join(parts)
