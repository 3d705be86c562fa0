"""The archived PDF of a fastställd year: the document the nämnd signed, kept in its folder.

`fastställ` renders the year's PDF once and writes it to reports/<år>/kvalitetsberattelse-<år>.pdf;
its sha256 is a line of faststalld.lock and part of the fingerprint, like the year's files. The
build publishes these bytes as they are, so a later stylesheet or engine change never alters a
signed document. Seals written before the archive existed are checked without it (the lock
does not name it), and `check` says how to archive them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ledningssystem.core.errors import ContentError
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.meta import ReportMeta, ReportStatus


def archive_name(year: int | str) -> str:
    """The archive's file name in the year folder, as the published PDF is named."""
    return f"kvalitetsberattelse-{year}.pdf"


def archive_path(folder: Path) -> Path:
    return folder / archive_name(folder.name)


def is_archive_entry(path: str) -> bool:
    """Whether a manifest entry is a year's archived PDF (a file of the folder itself)."""
    return "/" not in path and path.startswith("kvalitetsberattelse-") and path.endswith(".pdf")


def archive_digest(folder: Path) -> str | None:
    """sha256 of the archive's bytes as they are (a PDF is binary: no line endings)."""
    path = archive_path(folder)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def archived_pdf(folder: Path, meta: ReportMeta, recorded: set[str]) -> bytes | None:
    """The archived PDF to publish for a sealed year whose lock names it, else None."""
    path = archive_path(folder)
    if meta.status is not ReportStatus.APPROVED or path.name not in recorded:
        return None
    return path.read_bytes() if path.is_file() else None


def stray_archive_errors(
    folder: Path, rel_folder: str, meta: ReportMeta, recorded: set[str]
) -> list[ContentError]:
    """An archive the seal does not cover: in a draft, or beside a seal that does not name it."""
    path = archive_path(folder)
    if not path.is_file() or path.name in recorded:
        return []
    file, year = f"{rel_folder}/{path.name}", meta.year
    if meta.status is not ReportStatus.APPROVED:
        return [
            ContentError(
                file,
                None,
                "",
                f"en arkiverad PDF finns för {year}, men berättelsen är inte fastställd",
                "Bara en fastställd berättelse har en arkiverad PDF (den skrivs av "
                f"make faststall YEAR={year}). Ta bort filen: ett utkasts PDF skrivs vid varje "
                "bygge.",
            )
        ]
    return [
        ContentError(
            file,
            None,
            "",
            f"den arkiverade PDF:en för {year} omfattas inte av förseglingen (faststalld.lock "
            "nämner den inte)",
            f"Ta bort filen och kör make faststall YEAR={year}: det skriver PDF:en av den "
            "fastställda berättelsen och förseglar den.",
        )
    ]


def tampered_archive_error(rel_folder: str, year: int, change: str, undo: str) -> ContentError:
    """The archived PDF differs from the sealed bytes, or is gone."""
    file = f"{rel_folder}/{archive_name(year)}"
    what = "har tagits bort" if change == "borttagen" else "stämmer inte med faststalld.lock"
    return ContentError(
        file,
        None,
        "",
        f"året {year} är fastställt och den arkiverade PDF:en, dokumentet som fastställdes, {what}",
        "Den arkiverade PDF:en ändras inte i efterhand: hämta tillbaka den ur Git."
        + undo
        + f' Är det en rättelse, registrera den med make faststall YEAR={year} RATTELSE="varför" '
        'ANDRING="vad som ändrades" (det skriver en ny PDF).',
    )


def unarchived_notes(content: Ledningssystem) -> list[str]:
    """A notice for each sealed year with no archived PDF (sealed before the archive existed)."""
    reports = content.reports
    if reports is None:
        return []
    notes = []
    for _, data in sorted(reports.years.items()):
        meta, folder = data.meta, Path(content.root) / data.folder
        sealed = meta.approval is not None and bool(meta.approval.fingerprint)
        if meta.status is ReportStatus.APPROVED and sealed and not archive_path(folder).is_file():
            notes.append(_unarchived(data.folder, meta))
    return notes


def _unarchived(rel_folder: str, meta: ReportMeta) -> str:
    return (
        f"Obs: {rel_folder}/report.yml: den fastställda berättelsen för {meta.year} har "
        "ingen arkiverad PDF, så dess PDF skrivs ut på nytt vid varje bygge med dagens mallar. "
        f"Arkivera den: make faststall YEAR={meta.year}"
    )
