"""Everything `make check` reports, in one run: "Innehållet är korrekt" means ready for review.

The content checks (load), the version rule applied to the working tree against the
branch's base (uncommitted changes included) and CODEOWNERS are collected together, so
a process owner sees every problem at once instead of one kind after the other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ledningssystem.core.errors import ContentError
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.doccontrol.change_summary import document_problems, problem_prefix
from ledningssystem.doccontrol.changes import DocumentChange, collect_worktree_documents
from ledningssystem.doccontrol.codeowners import CODEOWNERS_FILE, render_codeowners
from ledningssystem.doccontrol.git import GitUnavailable, repository_state, resolve
from ledningssystem.portal.load import load_content
from ledningssystem.website.macro_page_check import macro_page_errors

# The branch a change goes into, tried in this order when `make check` is not told (BASE=).
DEFAULT_BASES = ("origin/main", "main", "origin/master", "master")
_VERSION_LINE = re.compile(r"^version\s*:", re.MULTILINE)
# "/path owners" or "# /path: no owner": the path, with its escaped spaces.
_CODEOWNERS_PATH = re.compile(r"^(?:# )?/((?:\\.|[^\s:\\])+)")


@dataclass
class Readiness:
    """The outcome of one check: the content that validated, every error, and notes."""

    content: Ledningssystem
    errors: list[ContentError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was and was not checked, in Swedish


def check_ready(root: Path | str, base: str | None = None) -> Readiness:
    """Run every check `make check` promises; `base` is the branch the change goes into."""
    root = Path(root).resolve()
    content, errors = load_content(root)
    result = Readiness(content, [*errors, *macro_page_errors(root, content)])
    failed = {e.file for e in errors}
    result.errors += codeowners_errors(root, content, failed)
    version_errors, note = worktree_version_errors(root, base)
    result.errors += version_errors
    result.notes.append(note)
    return result


def worktree_version_errors(root: Path, base: str | None) -> tuple[list[ContentError], str]:
    """The version rule for every document changed on disk since the base, and a note."""
    try:
        chosen = base or _default_base(root)
        if chosen is None:
            return [], (
                "Versionsreglerna kontrollerades inte: ingen gren att jämföra med "
                f"({', '.join(DEFAULT_BASES)}). Ange den med make check BASE=grenen."
            )
        documents = collect_worktree_documents(root, chosen)
    except GitUnavailable as error:
        return [], f"Versionsreglerna kontrollerades inte: {error}."
    errors = [e for change in documents for e in _change_errors(root, change)]
    count = len(documents)
    noun = "ändrat dokument" if count == 1 else "ändrade dokument"
    return errors, (
        f"Versionsreglerna kontrollerades mot {chosen}, med ändringar som inte är "
        f"incheckade: {count} {noun}."
    )


def _default_base(root: Path) -> str | None:
    repository_state(root)  # not a repository at all: GitUnavailable says so
    for candidate in DEFAULT_BASES:
        try:
            resolve(root, candidate)
        except GitUnavailable:
            continue
        return candidate
    return None


def _change_errors(root: Path, change: DocumentChange) -> list[ContentError]:
    prefix = problem_prefix(change) + ": "
    line = _version_line(root / change.path)
    return [
        ContentError(change.path, line, "version", problem.removeprefix(prefix).rstrip("."))
        for problem in document_problems(change)
    ]


def _version_line(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    match = _VERSION_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def codeowners_errors(
    root: Path, content: Ledningssystem, failed: Sequence[str] | set[str]
) -> list[ContentError]:
    """CODEOWNERS must match the documents' owners; files with their own errors are left out."""
    path = root / CODEOWNERS_FILE
    if not path.exists():
        return [
            ContentError(
                CODEOWNERS_FILE,
                None,
                "",
                "filen saknas, så ingen ägare tillfrågas om ändringar",
                "Kör make codeowners och checka in filen.",
            )
        ]
    current = path.read_text(encoding="utf-8")
    expected = render_codeowners(content)
    stale = sorted(
        _owners_by_path(expected).items() ^ _owners_by_path(current).items(),
        key=lambda item: item[0],
    )
    differing = sorted({p for p, _ in stale if p not in failed})
    if not differing:
        return []
    shown = ", ".join(differing[:3]) + (
        f" och {len(differing) - 3} till" if len(differing) > 3 else ""
    )
    return [
        ContentError(
            CODEOWNERS_FILE,
            None,
            "",
            f"filen stämmer inte med dokumentens ägare ({shown})",
            "Kör make codeowners och checka in filen tillsammans med ändringen.",
        )
    ]


def _owners_by_path(text: str) -> dict[str, str]:
    """Document path → the rest of its CODEOWNERS line (owners, or the no-owner comment)."""
    found = {}
    for line in text.splitlines():
        match = _CODEOWNERS_PATH.match(line)
        if match:
            found[match.group(1).replace("\\ ", " ")] = line
    return found
