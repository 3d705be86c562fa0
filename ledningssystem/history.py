"""The Git history of every process and rutin, read in one pass.

One `git log --name-status` over the content folders is parsed once into per-file
revision lists (renames followed), then one `git cat-file --batch` reads each
revision's control fields. A per-file `git log` would cost minutes at 2,000 rutiner.
No MkDocs here: the build, the pages and the CLI all use this.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ledningssystem.document_meta import DocumentMeta, parse_document
from ledningssystem.git import GitUnavailable, read_blobs, repository_state, run_git

# Not under "mkdocs.": missing history is a warning to read, not a reason for
# `mkdocs build --strict` to fail (a build from a tarball or a test folder is fine).
log = logging.getLogger("ledningssystem.history")

CONTENT_FOLDERS = ("processes", "routines")
_FORMAT = "%x1e%H%x1f%cI%x1f%an%x1f%s"
MISSING = "historik saknas"


@dataclass(frozen=True)
class Commit:
    """One commit: id, the day it was recorded, who made it and its message."""

    sha: str
    date: dt.date
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:8]


@dataclass(frozen=True)
class Revision:
    """One change to one document in one commit, with what the document said after it."""

    commit: Commit
    change: str  # A added, M modified, R renamed, D deleted (as git reports it)
    path: str  # the file's path in this commit
    old_path: str | None = None
    meta: DocumentMeta | None = None  # None when deleted or not read

    @property
    def date(self) -> dt.date:
        return self.commit.date


@dataclass(frozen=True)
class History:
    """Revisions per current file path, newest first; `problem` says why it is missing."""

    revisions: dict[str, tuple[Revision, ...]] = field(default_factory=dict)
    problem: str = ""

    @property
    def available(self) -> bool:
        return not self.problem

    def of(self, path: str) -> tuple[Revision, ...]:
        return self.revisions.get(path, ())

    def last_changed(self, path: str) -> dt.date | None:
        revisions = self.of(path)
        return revisions[0].date if revisions else None

    def all_revisions(self) -> list[tuple[str, Revision]]:
        """(current path, revision) for every revision, newest first, in a stable order."""
        flat = [(path, rev) for path, revs in self.revisions.items() for rev in revs]
        return sorted(
            flat, key=lambda item: (item[1].date, item[1].commit.sha, item[0]), reverse=True
        )


def unavailable(problem: str) -> History:
    return History(problem=problem)


def read_history(
    root: Path | str, folders: Sequence[str] = CONTENT_FOLDERS, with_meta: bool = True
) -> History:
    """History of every file under `folders` of `root`; never raises (see History.problem)."""
    try:
        inside, shallow = repository_state(root)
        if not inside:
            return _degraded("mappen är inte ett Git-arkiv")
        if shallow:
            return _degraded(
                "Git-klonen är grund (shallow) och saknar äldre ändringar; "
                "hämta hela historiken (t.ex. fetch-depth: 0)"
            )
        out = run_git(
            root,
            "log",
            "-z",
            "--topo-order",
            "--name-status",
            "-M",
            "--relative",
            f"--format={_FORMAT}",
            "--",
            *folders,
        )
    except GitUnavailable as exc:
        return _degraded(str(exc))
    history = History(revisions=_by_current_path(parse_log(out.decode("utf-8", "replace"))))
    return _with_meta(root, history) if with_meta else history


def _degraded(problem: str) -> History:
    log.warning("Versionshistorik saknas: %s.", problem)
    return unavailable(problem)


def parse_log(text: str) -> list[tuple[Commit, list[tuple[str, str, str | None]]]]:
    """Commits of `git log -z --name-status` with (change, path, old path) for each file."""
    parsed = []
    for chunk in text.split("\x1e"):
        if not chunk.strip("\0\n"):
            continue
        header, _, rest = chunk.partition("\0")
        sha, iso_date, author, subject = (header.split("\x1f") + ["", "", "", ""])[:4]
        commit = Commit(sha, dt.date.fromisoformat(iso_date[:10]), author, subject)
        tokens = [t.lstrip("\n") for t in rest.split("\0")]
        tokens = [t for t in tokens if t]
        files: list[tuple[str, str, str | None]] = []
        i = 0
        while i < len(tokens):
            status = tokens[i][:1]
            if status in {"R", "C"}:
                files.append((status, tokens[i + 2], tokens[i + 1]))
                i += 3
            else:
                files.append((status, tokens[i + 1], None))
                i += 2
        parsed.append((commit, files))
    return parsed


def _by_current_path(
    commits: Iterable[tuple[Commit, list[tuple[str, str, str | None]]]],
) -> dict[str, tuple[Revision, ...]]:
    """Group revisions under each file's newest name; commits come newest first."""
    current: dict[str, str] = {}  # a path in older commits → the file's newest path
    grouped: dict[str, list[Revision]] = {}
    for commit, files in commits:
        for change, path, old_path in files:
            newest = current.get(path, path)
            grouped.setdefault(newest, []).append(Revision(commit, change, path, old_path))
            if change == "R" and old_path:
                current[old_path] = newest
    return {path: tuple(revs) for path, revs in sorted(grouped.items())}


def _with_meta(root: Path | str, history: History) -> History:
    """Fill in each revision's control fields from one `git cat-file --batch`."""
    wanted = [
        (path, i, f"{rev.commit.sha}:{rev.path}")
        for path, revs in history.revisions.items()
        for i, rev in enumerate(revs)
        if rev.change != "D" and "\n" not in rev.path
    ]
    try:
        blobs = read_blobs(root, [spec for _, _, spec in wanted])
    except GitUnavailable as exc:
        log.warning("Versionernas uppgifter kunde inte läsas ur Git: %s.", exc)
        return history
    revisions = {path: list(revs) for path, revs in history.revisions.items()}
    for (path, i, _), blob in zip(wanted, blobs, strict=True):
        rev = revisions[path][i]
        meta = parse_document(rev.path, blob).meta
        revisions[path][i] = Revision(rev.commit, rev.change, rev.path, rev.old_path, meta)
    return History(revisions={path: tuple(revs) for path, revs in revisions.items()})
