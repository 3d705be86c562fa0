"""Checks over every file of the content tree, whatever its kind, before anything is built.

Personnummer in any text file and in file names, symbolic links that leave the
repository, and raw HTML in docs/ pages that the site would remove. Errors collect in
the reader like every other content error.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ledningssystem.core.markup_check import markdown_errors
from ledningssystem.core.model.settings import Settings
from ledningssystem.core.privacy import (
    EXEMPT_MARK,
    MIN_SALT_LENGTH,
    SALT_FIELD,
    Flagged,
    mask,
    name_has_personal_number,
    new_salt,
    personal_number_hashes,
    usable_salt,
)
from ledningssystem.core.reading import ContentReader, split_front_matter
from ledningssystem.core.scan_memo import files_under

EXEMPTIONS_FIELD = "ej_personnummer"
_PNR_HINT = (
    "Personuppgifter får aldrig publiceras; ta bort numret eller skriv om texten så att "
    "ingen person kan identifieras. Är det inget personnummer (t.ex. ett ordernummer), "
    f"skriv {EXEMPT_MARK} i en kommentar på samma rad."
)


def scan_files(reader: ContentReader, settings_file: str, settings: Settings) -> None:
    """Symbolic links out of the repository; personnummer in file names (they become
    addresses and appear in dokumentstyrning.json) and in every text file; markup in docs/;
    the salt the exemption hashes need."""
    salt = settings.personal_number_salt
    exempt = frozenset(settings.not_personal_numbers)
    offered = new_salt()  # one per run, so every message of the run offers the same line
    _check_salt(reader, settings_file, salt, bool(exempt), offered)
    for link in _links_outside(reader.root):
        reader.add(
            reader.rel(link),
            None,
            "",
            "en symbolisk länk till något utanför arkivet",
            "Länkar ut ur arkivet publiceras aldrig: kopiera filen in i arkivet "
            "eller ta bort länken.",
        )
    for path in _named_files(reader.root):
        if name_has_personal_number(reader.rel(path)):
            reader.add(
                mask(reader.rel(path)),
                None,
                "",
                "filnamnet innehåller något som ser ut som ett personnummer",
                "Byt namn på filen.",
            )
    for path in _content_files(reader.root, settings_file):
        text = reader.text(path)
        if path.suffix == ".md" and reader.rel(path).startswith("docs/"):
            reader.errors += markdown_errors(reader.rel(path), _body_of(text or ""))
        for line, flagged in _personal_numbers(text or "", salt, exempt):
            reader.add(
                reader.rel(path),
                line,
                "",
                "raden innehåller något som ser ut som ett personnummer eller samordningsnummer",
                _personal_number_hint(flagged, exempt, settings_file, offered),
            )


@functools.lru_cache(maxsize=16384)
def _personal_numbers(
    text: str, salt: str, exempt: frozenset[str]
) -> tuple[tuple[int, tuple[Flagged, ...]], ...]:
    """personal_number_hashes, remembered by text, salt and exemptions: a preview rebuild
    scans only the files that changed (the hash of a found number is slow on purpose)."""
    found = personal_number_hashes(text, salt, exempt)
    return tuple((line, tuple(flagged)) for line, flagged in found.items())


def _personal_number_hint(
    flagged: Sequence[Flagged], exempt: frozenset[str], settings_file: str, offered: str
) -> str:
    """How to fix a found number: remove it, mark the line, or list its hash (with the
    portal's salt; a hash listed with the old shared salt is named with its replacement)."""
    if not flagged[0].hash:
        return (
            f'{_PNR_HINT} Eller skriv först raden {SALT_FIELD}: "{offered}" i '
            f"{settings_file} och kör check igen: då visar meddelandet den kontrollsumma som "
            f"kan stå under {EXEMPTIONS_FIELD}: (numret självt skrivs då inte i arkivet)."
        )
    migrated = [f for f in flagged if f.legacy_hash in exempt]
    others = [f for f in flagged if f not in migrated]
    parts = []
    if migrated:
        swaps = ", ".join(f'"{f.legacy_hash}" mot "{f.hash}"' for f in migrated)
        parts.append(
            f"Kontrollsumman under {EXEMPTIONS_FIELD}: i {settings_file} är räknad med det "
            f"gamla, gemensamma saltet, inte med portalens {SALT_FIELD}: byt {swaps}."
        )
    if others:
        listed = ", ".join(f'"{f.hash}"' for f in others)
        parts.append(
            f"{_PNR_HINT} Eller lägg till {listed} under {EXEMPTIONS_FIELD}: i {settings_file}"
            " (numret självt skrivs då inte i arkivet)."
        )
    return " ".join(parts)


def _check_salt(
    reader: ContentReader, settings_file: str, salt: str, has_exemptions: bool, offered: str
) -> None:
    """A portal that lists exemption hashes needs a salt of its own, long enough that no
    table computed for every portal at once reverses its list."""
    text = reader.text(reader.root / settings_file) if has_exemptions or salt else None
    if salt and not usable_salt(salt):
        reader.add(
            settings_file,
            _key_line(text or "", SALT_FIELD),
            SALT_FIELD,
            f"saltet är för kort ({len(salt.strip())} tecken, minst {MIN_SALT_LENGTH})",
            f'Byt raden mot {SALT_FIELD}: "{offered}" och kör check igen; byt sedan varje '
            f"kontrollsumma under {EXEMPTIONS_FIELD}: mot den som meddelandet visar.",
        )
    elif has_exemptions and not salt:
        reader.add(
            settings_file,
            _key_line(text or "", EXEMPTIONS_FIELD),
            SALT_FIELD,
            f"saknas: kontrollsummorna under {EXEMPTIONS_FIELD}: räknas med portalens eget salt",
            f'Lägg till raden {SALT_FIELD}: "{offered}" i {settings_file} (ett slumpat värde; '
            f"byt det inte sedan) och kör check igen; byt sedan varje kontrollsumma under "
            f"{EXEMPTIONS_FIELD}: mot den som meddelandet visar.",
        )


def _key_line(text: str, key: str) -> int | None:
    """The line of a top-level key in a settings file, if it is there."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


PERSONAL_DATA_FOLDERS = (
    "docs",
    "processes",
    "routines",
    "roles",
    "requirements",
    "arshjul",
    "reports",
)
# Every text file that can reach a page or a download: docs/ may hold more than Markdown.
PERSONAL_DATA_SUFFIXES = {
    ".md", ".markdown", ".yml", ".yaml", ".csv", ".tsv", ".json", ".txt", ".html", ".htm",
    ".svg", ".xml", ".css", ".js",
}  # fmt: skip


def _content_files(root: Path, settings_file: str) -> list[Path]:
    files = [root / settings_file] if (root / settings_file).exists() else []
    for folder in PERSONAL_DATA_FOLDERS:
        files += [
            Path(f.path)
            for f in files_under(root / folder)
            if os.path.splitext(f.rel)[1] in PERSONAL_DATA_SUFFIXES
        ]
    return files


def _links_outside(root: Path) -> list[Path]:
    """Symbolic links under the content folders (and docs/) whose target leaves `root`."""
    found = []
    for folder in PERSONAL_DATA_FOLDERS:
        for base, dirs, files in os.walk(root / folder):  # never follows links into elsewhere
            for name in [*dirs, *files]:
                path = Path(base) / name
                if path.is_symlink() and not path.resolve().is_relative_to(root):
                    found.append(path)
    return sorted(found)


def _named_files(root: Path) -> list[Path]:
    """Every file under the content folders, whatever its kind."""
    found = []
    for folder in PERSONAL_DATA_FOLDERS:
        found += [Path(f.path) for f in files_under(root / folder)]
    return found


def _body_of(text: str) -> str:
    """A docs/ page without its front matter, blanked line for line so lines still count."""
    split = split_front_matter(text)
    if split is None:
        return text
    front, body, body_line = split
    return "\n" * (body_line - 1) + body
