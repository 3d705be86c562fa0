"""The seal checked on every load: a fastställd year whose inputs changed stops the build.

seal.py says what a year's seal covers and how it is written; this module compares it with
the files as they are now and tells an author, in Swedish, what changed and what to do.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from ledningssystem.core.errors import ContentError
from ledningssystem.doccontrol.git import GitUnavailable, run_git
from ledningssystem.report.meta import ReportMeta, ReportStatus
from ledningssystem.report.seal import (
    HISTORY_ENTRY,
    LOCK_FILE,
    META_FILE,
    Manifest,
    correction_command,
    is_dependency,
    read_lock,
    recorded_manifest,
    seal_command,
    seal_holds,
    sealed_fingerprint,
    uncovered_inputs,
    year_manifest,
)
from ledningssystem.report.seal_archive import (
    is_archive_entry,
    stray_archive_errors,
    tampered_archive_error,
)
from ledningssystem.report.seal_diff import first_changed_line, undo_hint
from ledningssystem.report.seal_inputs import (
    STANDARD_ENTRY,
    is_previous_year_entry,
    is_template_entry,
)


def check_seal(folder: Path, rel_folder: str, meta: ReportMeta) -> list[ContentError]:
    """Errors when a fastställd year's files differ from what was fastställd or last rättad."""
    lock = read_lock(folder)
    stray = stray_archive_errors(folder, rel_folder, meta, set(lock.files) if lock else set())
    return stray + _seal_errors(folder, rel_folder, meta, lock)


def _seal_errors(
    folder: Path, rel_folder: str, meta: ReportMeta, lock: Manifest | None
) -> list[ContentError]:
    year, meta_file = meta.year, f"{rel_folder}/{META_FILE}"
    if meta.status is not ReportStatus.APPROVED:
        if lock is None:
            return _unsealed_in_history(folder, rel_folder, meta)
        return [
            ContentError(
                meta_file,
                None,
                "status",
                f"året {year} har fastställts ({rel_folder}/{LOCK_FILE} finns) men status är "
                f"{meta.status.value}",
                "En fastställd berättelse ändras bara genom en rättelse. Sätt tillbaka status: "
                f"fastställd och registrera ändringen med {correction_command(year)}.",
            )
        ]
    sealed = sealed_fingerprint(meta)
    if not sealed:
        if meta.corrections:
            return [
                ContentError(
                    meta_file,
                    None,
                    "rättelser",
                    f"den senaste rättelsen av {year} saknar fingeravtryck",
                    "Skriv inte rättelser för hand: ta bort den och kör "
                    f"{correction_command(year)}.",
                )
            ]
        return [
            ContentError(
                meta_file,
                None,
                "fastställd",
                f"året {year} är fastställt men dess innehåll är inte förseglat",
                f"Kör: {seal_command(year)} (det skriver fastställd › fingeravtryck och "
                f"{LOCK_FILE}, så att ändringar efter beslutet upptäcks).",
            )
        ]
    manifest = year_manifest(folder)  # once: hashing a year's files is the check's cost
    if seal_holds(folder, sealed, current=manifest):
        return _outdated_seal(folder, meta_file, year, manifest)
    current = recorded_manifest(folder, current=manifest)
    hint = (
        f"Berättelsen för {year} är fastställd och får inte ändras i efterhand. Ångra ändringen, "
        f"eller, om det är en rättelse, registrera den: {correction_command(year)}."
    )
    if lock is None or lock.fingerprint != sealed:
        return [
            ContentError(
                meta_file,
                None,
                "",
                f"året {year} är fastställt och dess data eller text har ändrats efter beslutet "
                f"(vilka filer går inte att säga: {LOCK_FILE} saknas eller stämmer inte)",
                hint,
            )
        ]
    commit = sealing_commit(folder)
    return [
        _changed(folder, rel_folder, year, path, change, commit, hint)
        for path, change in current.changes_from(lock)
    ]


_VERBS = {"ändrad": "har ändrats", "ny": "har lagts till", "borttagen": "har tagits bort"}


def _changed(
    folder: Path, rel_folder: str, year: int, path: str, change: str, commit: str, hint: str
) -> ContentError:
    """One changed input of a sealed year: which file, which line (with Git), how to proceed."""
    verb = _VERBS[change]
    if is_archive_entry(path):
        file = f"{rel_folder}/{path}"
        undo = undo_hint(commit, file) if commit else ""
        return tampered_archive_error(rel_folder, year, change, undo)
    if path == HISTORY_ENTRY:
        file, what = "reports/historik.yml", f"dess tidigare års värden i historik.yml {verb}"
    elif is_previous_year_entry(path):
        file = posixpath.normpath(f"{rel_folder}/{path}")
        what = f"föregående års data, som berättelsen jämför med, {verb}"
    else:
        file, what = posixpath.normpath(f"{rel_folder}/{path}"), f"filen {verb}"
    line = first_changed_line(folder.parent.parent, commit, file) if change == "ändrad" else None
    note = _DEPENDENCY_NOTE if is_dependency(path) else ""
    extra = _STANDARD_HINT if path == STANDARD_ENTRY else ""
    extra += _TEMPLATE_HINT if is_template_entry(path) else ""
    undo = undo_hint(commit, file) if change != "ny" else ""
    return ContentError(
        file,
        line,
        "",
        f"året {year} är fastställt och {what} efter beslutet{note}",
        hint + undo + extra,
    )


def _outdated_seal(
    folder: Path, meta_file: str, year: int, manifest: Manifest
) -> list[ContentError]:
    """A seal that holds but was written before everything the year reads took part in it."""
    missing = uncovered_inputs(folder, manifest)
    if not missing:
        return []
    return [
        ContentError(
            meta_file,
            None,
            "fastställd",
            f"förseglingen av {year} omfattar inte allt som berättelsen bygger på: "
            + ", ".join(missing),
            f"Kör {seal_command(year)}: det förnyar förseglingen så att den omfattar också "
            "dessa, utan att ändra något i berättelsen. Har något av dem ändrats sedan "
            "beslutet, ångra först den ändringen.",
        )
    ]


def _unsealed_in_history(folder: Path, rel_folder: str, meta: ReportMeta) -> list[ContentError]:
    """A year whose lock file is gone but was committed once: it was fastställd, and stays so.

    Deleting faststalld.lock and writing status: utkast must not unseal a year silently.
    Without Git or history (a tarball, a shallow clone) there is nothing to compare with."""
    commit = sealing_commit(folder)
    if not commit:
        return []
    return [
        ContentError(
            f"{rel_folder}/{META_FILE}",
            None,
            "status",
            f"året {meta.year} har fastställts ({rel_folder}/{LOCK_FILE} finns i Git-historiken, "
            f"ändring {commit[:10]}) men status är {meta.status.value} och {LOCK_FILE} saknas",
            "En fastställd berättelse förblir fastställd. Ångra borttagningen av "
            f"{LOCK_FILE} (git log -- {rel_folder}/{LOCK_FILE} visar den), sätt status: "
            f"fastställd och registrera ändringar med {correction_command(meta.year)}.",
        )
    ]


def sealing_commit(folder: Path) -> str:
    """The last commit that touched the year's lock file, or "" (none, or no Git history)."""
    try:
        out = run_git(folder, "log", "-1", "--format=%H", "--", LOCK_FILE)
    except GitUnavailable:
        return ""
    return out.decode("utf-8", "replace").strip()


_STANDARD_HINT = (
    " Ändrades standardinställningarna av en ny version av portalen, skriv de gamla värdena "
    "i reports/config.yml, så läses året som när det fastställdes."
)
_TEMPLATE_HINT = (
    " Ett nytt avsnitt i en mall får från_år: med det första år det gäller, så ändras inte "
    "år som redan fastställts."
)
_DEPENDENCY_NOTE = (
    " (berättelsens siffror och namn bygger på den; ändringen gäller bara kommande år om de "
    "får egna värden)"
)
