"""Fastställda years are frozen: a fingerprint of a year's files, checked on every load.

When a berättelse is fastställd, `python -m ledningssystem fastställ <år>` writes the
fingerprint (sha256 over the sorted relative paths and contents of the year's files) into
report.yml and the per-file list into reports/<år>/faststalld.lock. A rättelse re-seals:
it carries the fingerprint after the change. The check needs no Git history, so it works
in shallow clones and tarballs; the lock file only serves to name the files that changed.

report.yml takes part as its parsed data (comments and layout do not count) without the
fingerprints and the rättelser, so recording a rättelse never changes the fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledningssystem.core.reading import parsed_yaml
from ledningssystem.core.yaml_lines import YamlProblem
from ledningssystem.report.meta import ReportMeta
from ledningssystem.report.seal_archive import archive_digest, archive_name, is_archive_entry
from ledningssystem.report.seal_facts import FACTS_ENTRY, cited_facts
from ledningssystem.report.seal_inputs import (
    STANDARD_ENTRY,
    canonical_config,
    keys_as_text,
    previous_year_entry,
    standard_digest,
    template_input,
)

LOCK_FILE = "faststalld.lock"
# reports/historik.yml seen from a year folder: the earlier years' values a year shows
# (previous year, trends) are part of what was fastställd, so they are sealed with it.
HISTORY_ENTRY = "../historik.yml"
META_FILE = "report.yml"
ALGORITHM = "sha256"
COMMAND = "python -m ledningssystem fastställ"  # what writes the lock file (its header)


def seal_command(year: int) -> str:
    """The command a user is told to run to seal `year`: one that works from a fresh clone."""
    return f"make faststall YEAR={year}"


def correction_command(year: int) -> str:
    """The command that registers a rättelse of a sealed `year`."""
    return f'make faststall YEAR={year} RATTELSE="varför" ANDRING="vad som ändrades"'


_LOCK_HEADER = (
    f"# Skrivs av {COMMAND} <år>. Ändra inte för hand: filen visar vilka filer\n"
    "# som ingick när berättelsen fastställdes eller senast rättades, och den arkiverade\n"
    "# PDF:en (kvalitetsberattelse-<år>.pdf), det dokument som fastställdes.\n"
)


@dataclass(frozen=True)
class Manifest:
    """The sha256 of each file of a year folder, by path relative to the folder."""

    files: dict[str, str]

    @property
    def fingerprint(self) -> str:
        return f"{ALGORITHM}:{hashlib.sha256(self.text().encode()).hexdigest()}"

    def text(self) -> str:
        return "".join(f"{digest}  {path}\n" for path, digest in sorted(self.files.items()))

    def lock_text(self) -> str:
        return _LOCK_HEADER + self.text()

    def changes_from(self, before: Manifest) -> list[tuple[str, str]]:
        """(path, "ändrad" | "ny" | "borttagen") for every file that differs, sorted."""
        found = []
        for path in sorted(set(self.files) | set(before.files)):
            old, new = before.files.get(path), self.files.get(path)
            if old != new:
                found.append(
                    (path, "ny" if old is None else "borttagen" if new is None else "ändrad")
                )
        return found


# What a fastställd year's figures and text depend on outside its folder: the report
# settings (thresholds, categories) and the organisation's names it prints. Their digests
# are entries of the manifest under these names (paths relative to the year folder).
CONFIG_ENTRY = "../config.yml"
NAMES_ENTRY = "../../roles/organisation.yml"
DEPENDENCIES = (CONFIG_ENTRY, NAMES_ENTRY, FACTS_ENTRY)


def year_manifest(
    folder: Path, meta_text: str | None = None, dependencies: bool = True, archive: bool = True
) -> Manifest:
    """The manifest of reports/<år>/ as it is on disk (report.yml's text may be given).

    With `dependencies`, reports/config.yml and the organisation names the year uses take
    part too, and with `archive` the archived PDF (seal_archive). Seals written before they
    did are still checked without them (check_seal)."""
    files: dict[str, str] = {}
    texts: list[str] = []
    skipped = {LOCK_FILE, archive_name(folder.name)}  # the archive is output, not input
    for path in sorted(folder.rglob("*")):
        rel = unicodedata.normalize("NFC", path.relative_to(folder).as_posix())
        if not path.is_file() or rel in skipped or any(p.startswith(".") for p in rel.split("/")):
            continue
        if rel == META_FILE:
            text = meta_text if meta_text is not None else path.read_text("utf-8-sig", "replace")
            data = canonical_meta(text)
        else:
            # Line endings follow the checkout (core.autocrlf), not the content.
            data = path.read_bytes().replace(b"\r\n", b"\n")
        texts.append(data.decode("utf-8", "replace"))
        files[rel] = hashlib.sha256(data).hexdigest()
    pdf = archive_digest(folder) if dependencies and archive else None
    if pdf is not None:
        files[archive_name(folder.name)] = pdf
    if dependencies:
        root = folder.parent.parent
        files[CONFIG_ENTRY] = hashlib.sha256(
            canonical_config(root / "reports" / "config.yml", folder.name)
        ).hexdigest()
        files[NAMES_ENTRY] = hashlib.sha256(_names_used(root, "\n".join(texts))).hexdigest()
        facts = cited_facts(root, "\n".join(texts))
        if facts is not None:  # only years that cite facts: older seals stay as they were
            files[FACTS_ENTRY] = hashlib.sha256(facts).hexdigest()
        files[STANDARD_ENTRY] = standard_digest(root)
        template = template_input(root, folder)
        if template is not None:
            files[template[0]] = template[1]
        previous = folder.parent / str(int(folder.name) - 1) if folder.name.isdigit() else None
        if previous is not None and previous.is_dir():
            own = year_manifest(previous, dependencies=False).text()
            files[previous_year_entry(int(folder.name))] = hashlib.sha256(own.encode()).hexdigest()
    history = _history_before(folder)
    if history is not None:
        files[HISTORY_ENTRY] = hashlib.sha256(history).hexdigest()
    return Manifest(files)


def _names_used(root: Path, year_text: str) -> bytes:
    """The municipality's name and the names of the organisation parts the year names by id."""
    path = root / "roles" / "organisation.yml"
    try:
        data, _ = (
            parsed_yaml(path.read_text("utf-8-sig", "replace")) if path.is_file() else ({}, None)
        )
    except YamlProblem:
        return path.read_bytes()
    names: dict[str, str] = {}
    _collect_names(data, names)
    # An id is named where it stands alone: it is one whole run of [a-z0-9-] in the text.
    words = set(_ID_RUN.findall(year_text))
    used = {
        key: name
        for key, name in names.items()
        if (key in words if _ID_RUN.fullmatch(key) else _named(key, year_text))
    }
    municipality = data.get("kommun") if isinstance(data, dict) else None
    return json.dumps(
        {"kommun": municipality, "namn": used}, sort_keys=True, ensure_ascii=False
    ).encode()


_ID_RUN = re.compile(r"[a-z0-9-]+")


def _named(key: str, text: str) -> bool:
    return re.search(rf"(?<![a-z0-9-]){re.escape(key)}(?![a-z0-9-])", text) is not None


def _collect_names(value: Any, names: dict[str, str]) -> None:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str) and isinstance(value.get("namn"), str):
            names[value["id"]] = value["namn"]
        for item in value.values():
            _collect_names(item, names)
    elif isinstance(value, list):
        for item in value:
            _collect_names(item, names)


def _history_before(folder: Path) -> bytes | None:
    """The history file's values for years before the folder's year, canonical; None if none."""
    path = folder.parent / "historik.yml"
    if not path.is_file() or not folder.name.isdigit():
        return None
    try:
        data, _ = parsed_yaml(path.read_text("utf-8-sig", "replace"))
    except YamlProblem:
        return path.read_bytes()  # unreadable: any change counts (its own error says why)
    figures = data.get("figurer") if isinstance(data, dict) else None
    if not isinstance(figures, dict):
        return None
    year = int(folder.name)
    earlier = {
        str(name): {str(y): v for y, v in values.items() if str(y).isdigit() and int(y) < year}
        for name, values in figures.items()
        if isinstance(values, dict)
    }
    earlier = {name: values for name, values in earlier.items() if values}
    return json.dumps(earlier, sort_keys=True, ensure_ascii=False).encode() if earlier else None


def canonical_meta(text: str) -> bytes:
    """report.yml as sorted JSON, without the fingerprints and rättelser (they seal, not say)."""
    try:
        data, _ = parsed_yaml(text)
    except YamlProblem:
        return text.replace("\r\n", "\n").encode()
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "rättelser"}
        approval = data.get("fastställd")
        if isinstance(approval, dict):
            data["fastställd"] = {k: v for k, v in approval.items() if k != "fingeravtryck"}
    return json.dumps(keys_as_text(data), sort_keys=True, ensure_ascii=False).encode()


def read_lock(folder: Path) -> Manifest | None:
    """The manifest recorded in faststalld.lock, or None when there is none."""
    path = folder / LOCK_FILE
    if not path.is_file():
        return None
    files = {}
    for line in path.read_text("utf-8", "replace").splitlines():
        digest, sep, rel = line.partition("  ")
        if sep and not line.startswith("#"):
            files[rel] = digest
    return Manifest(files)


def is_dependency(path: str) -> bool:
    """An entry for something outside the year folder (or the archived PDF) that seals written
    earlier may lack."""
    return (path.startswith("../") and path != HISTORY_ENTRY) or is_archive_entry(path)


def recorded_manifest(
    folder: Path, meta_text: str | None = None, current: Manifest | None = None
) -> Manifest:
    """The manifest as it is now (`current`, if computed already), with only the dependencies
    the lock recorded: a seal written before some of them took part is checked on what it
    covered. Removing a line from the lock does not weaken it: the fingerprint in report.yml
    covers that line."""
    lock = read_lock(folder)
    recorded = set(lock.files) if lock else set()
    current = current or year_manifest(folder, meta_text)
    return Manifest(
        {p: d for p, d in current.files.items() if not is_dependency(p) or p in recorded}
    )


def seal_holds(
    folder: Path, sealed: str, meta_text: str | None = None, current: Manifest | None = None
) -> bool:
    """Whether the year is as it was sealed, on everything the seal covered."""
    return recorded_manifest(folder, meta_text, current).fingerprint == sealed


def uncovered_inputs(folder: Path, current: Manifest | None = None) -> list[str]:
    """What the year reads outside its folder that its (older) seal does not cover."""
    lock = read_lock(folder)
    recorded = set(lock.files) if lock else set()
    return [
        _shown(folder, path)
        for path in sorted((current or year_manifest(folder)).files)
        if is_dependency(path) and path not in recorded and not is_archive_entry(path)
    ]


def _shown(folder: Path, path: str) -> str:
    return posixpath.normpath(f"reports/{folder.name}/{path}")


def sealed_fingerprint(meta: ReportMeta) -> str:
    """The fingerprint the content must have: the last rättelse's, else the approval's."""
    if meta.corrections:
        return meta.corrections[-1].fingerprint
    return meta.approval.fingerprint if meta.approval else ""
