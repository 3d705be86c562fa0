"""The Git history of every process and rutin, read in one pass.

One `git log --raw` over the content folders is parsed once into per-file revision
lists (renames followed); then one `git cat-file --batch` reads each revision's
control fields by blob id (identical revisions are read once). A `git log` per file
would cost minutes at 2,000 rutiner. No MkDocs here: the build, pages and CLI use this.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ledningssystem.core.privacy import MASK, mask
from ledningssystem.doccontrol.document_meta import DocumentMeta, parse_meta
from ledningssystem.doccontrol.git import GitUnavailable, read_blobs, repository_state, run_git

# Not under "mkdocs.": missing history is a warning to read, not a reason for
# `mkdocs build --strict` to fail (a build from a tarball or a test folder is fine).
log = logging.getLogger("ledningssystem.doccontrol.history")

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
    blob: str = ""  # the file's Git object id after the commit

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

    def current_path(self, path: str) -> str:
        """The newest name of a file known by an older name (itself when not renamed)."""
        if path in self.revisions:
            return path
        found = (
            newest for newest, revs in self.revisions.items() if any(r.path == path for r in revs)
        )
        return next(found, path)

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
    root: Path | str,
    folders: Sequence[str] = CONTENT_FOLDERS,
    with_meta: bool = True,
    start: str = "",
) -> History:
    """History of every file under `folders` of `root`; never raises (see History.problem).

    With `start` (a commit), only what came after it: the history of a portal made from the
    example by ny-organisation begins there, and the example's documents that were deleted
    right after it never existed in it."""
    try:
        inside, shallow = repository_state(root)
        if not inside:
            return _degraded("mappen är inte ett Git-arkiv")
        if shallow:
            return _degraded(
                "Git-klonen är grund (shallow) och saknar äldre ändringar; "
                "hämta hela historiken (t.ex. fetch-depth: 0)"
            )
        head = _head(root)
        at_head = (str(Path(root).resolve()), head, tuple(folders), with_meta, start)
        if head is not None and at_head in _AT_HEAD:  # no new commit: not even the log is read
            return _AT_HEAD[at_head]
        out = run_git(
            root,
            "log",
            "-z",
            "--topo-order",
            "--raw",
            "--no-abbrev",
            "-M",
            "--relative",
            f"--format={_FORMAT}",
            *([f"{start}..HEAD"] if start else []),
            "--",
            *folders,
        )
    except GitUnavailable as exc:
        return _degraded(str(exc))
    key = (str(Path(root).resolve()), out, with_meta, start)
    if key in _HISTORY_CACHE:  # a preview rebuild with no new commit parses no history
        return _HISTORY_CACHE[key]
    revisions = _by_current_path(parse_log(out.decode("utf-8", "replace")))
    if start:
        revisions = {p: revs for p, revs in revisions.items() if any(r.change != "D" for r in revs)}
    history = History(revisions=revisions)
    history = _with_meta(root, history) if with_meta else history
    _HISTORY_CACHE.clear()  # the latest only: a long serve session must not grow
    _HISTORY_CACHE[key] = history
    _AT_HEAD.clear()
    if head is not None:
        _AT_HEAD[at_head] = history
    return history


def _head(root: Path | str) -> str | None:
    """The commit HEAD points to; None before the first commit (the log then says why)."""
    try:
        return run_git(root, "rev-parse", "-q", "--verify", "HEAD^{commit}").decode().strip()
    except GitUnavailable:
        return None


# Caches for repeated builds in one process (make serve): history by the log it came from,
# and each revision's control fields by blob id, which never change once written.
_HISTORY_CACHE: dict[tuple[str, bytes, bool, str], History] = {}
# The same by the commit HEAD points to: the log of the content folders depends on the commits
# alone, so a preview rebuild without a new commit runs one `git rev-parse`, not `git log`.
_AT_HEAD: dict[tuple[str, str | None, tuple[str, ...], bool, str], History] = {}
_META_CACHE: dict[tuple[str, str], DocumentMeta | None] = {}


def forget_cached_history() -> None:
    """Read everything from Git again on the next read_history (tests that count git calls)."""
    _HISTORY_CACHE.clear()
    _AT_HEAD.clear()
    _META_CACHE.clear()


def _degraded(problem: str) -> History:
    log.warning("Versionshistorik saknas: %s.", problem)
    return unavailable(problem)


FileEntry = tuple[str, str, "str | None", str]  # change, path, old path, blob id after


def _published(subject: str) -> str:
    """A commit message as Versionshistorik and Ändringslogg show it: never a personnummer.

    History cannot be rewritten, so the number is masked where the portal shows it."""
    masked = mask(subject)
    if masked != subject:
        _warn_masked()
    return masked


@lru_cache(maxsize=1)
def _warn_masked() -> None:
    log.warning(
        "Ett ändringsmeddelande i Git innehåller något som ser ut som ett personnummer; "
        "portalen visar det som %s.",
        MASK,
    )


def parse_log(text: str) -> list[tuple[Commit, list[FileEntry]]]:
    """Commits of `git log -z --raw` with (change, path, old path, new blob id) per file."""
    parsed = []
    for chunk in text.split("\x1e"):
        if not chunk.strip("\0\n"):
            continue
        header, _, rest = chunk.partition("\0")
        sha, iso_date, author, subject = (header.split("\x1f") + ["", "", "", ""])[:4]
        commit = Commit(sha, dt.date.fromisoformat(iso_date[:10]), author, _published(subject))
        tokens = [t.lstrip("\n") for t in rest.split("\0")]
        tokens = [t for t in tokens if t]
        files: list[FileEntry] = []
        i = 0
        while i < len(tokens):
            # ":100644 100644 <old blob> <new blob> M" then the path (two for R and C).
            fields = tokens[i].lstrip(":").split()
            status, blob = fields[4][:1], fields[3]
            if status in {"R", "C"}:
                files.append((status, tokens[i + 2], tokens[i + 1], blob))
                i += 3
            else:
                files.append((status, tokens[i + 1], None, blob))
                i += 2
        parsed.append((commit, files))
    return parsed


def _by_current_path(
    commits: Iterable[tuple[Commit, list[FileEntry]]],
) -> dict[str, tuple[Revision, ...]]:
    """Group revisions under each file's newest name; commits come newest first."""
    current: dict[str, str] = {}  # a path in older commits → the file's newest path
    grouped: dict[str, list[Revision]] = {}
    for commit, files in commits:
        for change, path, old_path, blob in files:
            newest = current.get(path, path)
            revision = Revision(commit, change, path, old_path, blob=blob)
            grouped.setdefault(newest, []).append(revision)
            if change == "R" and old_path:
                current[old_path] = newest
    return {path: tuple(revs) for path, revs in sorted(grouped.items())}


def _with_meta(root: Path | str, history: History) -> History:
    """Fill in each revision's control fields from one `git cat-file --batch` by blob id."""
    paths = {r.blob: r.path for revs in history.revisions.values() for r in revs if _readable(r)}
    blobs = sorted(b for b in paths if (paths[b], b) not in _META_CACHE)
    try:
        texts = dict(zip(blobs, read_blobs(root, blobs), strict=True))
    except GitUnavailable as exc:
        log.warning("Versionernas uppgifter kunde inte läsas ur Git: %s.", exc)
        return history
    _META_CACHE.update(
        {(paths[blob], blob): parse_meta(paths[blob], texts[blob]) for blob in blobs}
    )
    metas = {blob: _META_CACHE[(path, blob)] for blob, path in paths.items()}
    return History(
        revisions={
            path: tuple(replace(r, meta=metas[r.blob]) if _readable(r) else r for r in revs)
            for path, revs in history.revisions.items()
        }
    )


def _readable(rev: Revision) -> bool:
    return rev.change != "D" and bool(rev.blob.strip("0"))
