"""`make check`'s result remembered by everything it depends on, so a check of unchanged
content answers at once and any change runs the whole check again.

The key is the digest of every input: each content file and docs/ file (and the names of
all of them, and where a symbolic link points), the files at the root (CODEOWNERS,
ledningssystem.yml, mkdocs.yml), the engine's own files, the Git state the version rule and
the seals read (HEAD, every branch, `git status`), today's date, SOURCE_DATE_EPOCH and the
command's options. Only the latest result is kept, in .cache/ (gitignored); what the check
printed is shown again exactly, with its exit code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import ledningssystem
from ledningssystem.core.file_names import content_paths
from ledningssystem.doccontrol.git import GitUnavailable, run_git

MEMO_FILE = ".cache/granskning.json"  # gitignored; safe to delete at any time
_GIT_STATE = (
    ("rev-parse", "HEAD"),
    ("for-each-ref", "--format=%(objectname) %(refname)"),
    # The check's own caches are no input, even where .cache/ is not gitignored.
    ("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".", ":(exclude).cache"),
)


@dataclass(frozen=True)
class Recorded:
    """What one check printed, and how it ended."""

    stdout: str
    stderr: str
    code: int


def check_key(root: Path, *options: object) -> str:
    """The digest of every input of a check of `root` with these options."""
    digest = hashlib.sha256(engine_digest().encode())
    today = dt.date.today().isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    digest.update(repr((sys.version, options, today, epoch)).encode())
    for rel, part in _files(root):
        digest.update(f"{rel}\0".encode() + part + b"\0")
    for args in _GIT_STATE:
        try:
            digest.update(run_git(root, *args))
        except GitUnavailable as error:
            digest.update(f"ingen git: {error}".encode())
    return digest.hexdigest()


def recall(root: Path, key: str) -> Recorded | None:
    """The result stored under `key`, or None (none yet, another key, or unreadable)."""
    try:
        stored = json.loads((root / MEMO_FILE).read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return Recorded(stored["stdout"], stored["stderr"], int(stored["code"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # a missing or broken memo only means the check runs
    return None


def remember(root: Path, key: str, result: Recorded) -> None:
    """Store `result` as the latest check's (atomically; a read-only disk is no error)."""
    path = root / MEMO_FILE
    data = {"key": key, "stdout": result.stdout, "stderr": result.stderr, "code": result.code}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass


def replay(result: Recorded) -> int:
    """Print a remembered check's output as it was printed, and return its exit code."""
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    sys.stderr.write(result.stderr)
    return result.code


class _Tee(io.TextIOBase):
    """Writes through to the real stream and keeps a copy."""

    def __init__(self, stream: TextIO):
        self.stream, self.copy = stream, io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


@contextlib.contextmanager
def recording() -> Iterator[tuple[_Tee, _Tee]]:
    """Everything printed meanwhile (warnings included) is shown and kept."""
    out, err = _Tee(sys.stdout), _Tee(sys.stderr)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def _files(root: Path) -> Iterator[tuple[str, bytes]]:
    """(path, content or link target) of the root's own files, the content and docs/."""
    tops = [root / "docs", *(p for p in content_paths(root) if p.is_dir())]
    found = [p for p in sorted(root.iterdir()) if p.is_file() or p.is_symlink()]
    for top in tops:
        for base, dirs, files in os.walk(top):  # never follows links into elsewhere
            dirs.sort()
            found += [Path(base) / name for name in sorted([*dirs, *files])]
    for path in found:
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            yield rel, b"->" + os.readlink(path).encode("utf-8", "surrogateescape")
        elif path.is_file():
            yield rel, hashlib.sha256(path.read_bytes()).digest()
        else:
            yield rel, b"/"


@functools.cache
def engine_digest() -> str:
    """The engine's own files: a changed check (an update) never shows an old result."""
    package = Path(ledningssystem.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()
