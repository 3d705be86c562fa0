"""The second half of `fastställ`: render the sealed year's PDF, archive it and seal it too.

The seal is written first, without the archive, so the content loads as fastställd; the PDF
is rendered from it and its sha256 joins the fingerprint and faststalld.lock (seal_archive).
When rendering fails the seal stands without an archive, as seals made before it existed,
and running the command again archives it.
"""

from __future__ import annotations

from pathlib import Path

from ledningssystem.commands.registry import UserError
from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.file_names import REPORTS_DIR
from ledningssystem.pdf.engine import SystemLibrariesMissing
from ledningssystem.pdf.markdown_config import MarkdownConfigMissing
from ledningssystem.pdf.site import render_year_pdf
from ledningssystem.report.seal import LOCK_FILE, META_FILE, year_manifest
from ledningssystem.report.seal_archive import archive_path


def seal_without_archive(root: Path, year: int, text: str) -> Path:
    """Write report.yml (`text`, sealed without the archive) and the lock; the year folder.

    An archive already there goes: a rättelse replaces it, and a stray one is never sealed."""
    folder = root.resolve() / REPORTS_DIR / str(year)
    (folder / META_FILE).write_text(text, encoding="utf-8")
    archive_path(folder).unlink(missing_ok=True)
    (folder / LOCK_FILE).write_text(year_manifest(folder).lock_text(), encoding="utf-8")
    return folder


def seal_with_archive(root: Path, year: int, text: str) -> None:
    """Write report.yml (`text`, sealed without the archive), the PDF, and the whole seal."""
    folder = seal_without_archive(root, year, text)
    meta, lock = folder / META_FILE, folder / LOCK_FILE
    archive_path(folder).write_bytes(_rendered(root, year))
    without = year_manifest(folder, text, archive=False).fingerprint
    head, _, tail = text.rpartition(without)  # the fingerprint just written is the last one
    text = head + year_manifest(folder, text).fingerprint + tail
    meta.write_text(text, encoding="utf-8")
    lock.write_text(year_manifest(folder).lock_text(), encoding="utf-8")


def _rendered(root: Path, year: int) -> bytes:
    again = f"Rätta felen och kör make faststall YEAR={year} igen, så arkiveras PDF:en."
    try:
        return render_year_pdf(root, year)
    except ContentErrors as errors:
        raise UserError(
            f"{year} är förseglat, men PDF:en kunde inte skrivas: innehållet har fel.\n"
            f"{errors.report()}\n{again}"
        ) from None
    except (SystemLibrariesMissing, MarkdownConfigMissing) as error:
        raise UserError(
            f"{year} är förseglat, men PDF:en kunde inte skrivas.\n{error}\n{again}"
        ) from None
