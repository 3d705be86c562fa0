"""Checks over every file of the content tree, whatever its kind, before anything is built.

Personnummer in any text file and in file names, symbolic links that leave the
repository, and raw HTML in docs/ pages that the site would remove. Errors collect in
the reader like every other content error.
"""

from __future__ import annotations

import os
from pathlib import Path

from ledningssystem.core.markup_check import markdown_errors
from ledningssystem.core.privacy import (
    EXEMPT_MARK,
    mask,
    name_has_personal_number,
    personal_number_hashes,
)
from ledningssystem.core.reading import ContentReader, split_front_matter


def scan_files(
    reader: ContentReader, settings_file: str, exempt: frozenset[str] = frozenset()
) -> None:
    """Symbolic links out of the repository; personnummer in file names (they become
    addresses and appear in dokumentstyrning.json) and in every text file; markup in docs/."""
    hint = (
        "Personuppgifter får aldrig publiceras; ta bort numret eller skriv om texten så att "
        "ingen person kan identifieras. Är det inget personnummer (t.ex. ett ordernummer), "
        f"skriv {EXEMPT_MARK} i en kommentar på samma rad."
    )
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
        for line, hashes in personal_number_hashes(text or "", exempt).items():
            listed = ", ".join(f'"{h}"' for h in hashes)
            reader.add(
                reader.rel(path),
                line,
                "",
                "raden innehåller något som ser ut som ett personnummer eller samordningsnummer",
                f"{hint} Eller lägg till {listed} under ej_personnummer: i {settings_file}"
                " (numret självt skrivs då inte i arkivet).",
            )


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
        files += sorted(
            p
            for p in (root / folder).rglob("*")
            if p.suffix in PERSONAL_DATA_SUFFIXES and p.is_file()
        )
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
        found += sorted(p for p in (root / folder).rglob("*") if p.is_file())
    return found


def _body_of(text: str) -> str:
    """A docs/ page without its front matter, blanked line for line so lines still count."""
    split = split_front_matter(text)
    if split is None:
        return text
    front, body, body_line = split
    return "\n" * (body_line - 1) + body
