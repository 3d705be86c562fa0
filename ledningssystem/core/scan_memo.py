"""Walks of a folder tree, and what was found in each file remembered by its size and time.

A preview rebuild walks the content and the built site several times (digests, the
personnummer scan, the resources check). `files_under` walks with os.scandir and sorts
strings: pathlib's rglob and the sorting of Path objects were most of those walks' time at
city size. `ScanMemo` keeps a result per file while the file's stat stays the same, so a
rebuild that wrote three pages reads three pages again, not the whole site.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class FoundFile:
    """A file under a walked folder: its path relative to the folder and what stat says."""

    rel: str  # posix, relative to the walked folder
    path: str  # the full path, as os.path.join gives it
    size: int
    mtime_ns: int
    inode: int


def files_under(top: Path | str) -> list[FoundFile]:
    """Every file under `top` (a file or symbolic link to one; links to folders are not
    followed, as rglob does not), in the order sorted(top.rglob("*")) gives."""
    found: list[FoundFile] = []
    _walk(os.fspath(top), "", found)
    found.sort(key=lambda f: f.rel.split("/"))
    return found


def _walk(folder: str, prefix: str, found: list[FoundFile]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # gone or unreadable: as rglob, nothing under it
    for entry in entries:
        rel = prefix + entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, rel + "/", found)
            elif entry.is_file():
                info = entry.stat()
                found.append(
                    FoundFile(rel, entry.path, info.st_size, info.st_mtime_ns, info.st_ino)
                )
        except OSError:
            continue  # a link to nothing, or removed meanwhile: no file


def tree_stamp(top: Path | str) -> tuple[int, int]:
    """(entries, newest modification time in ns) of `top` and everything under it, folders
    included (a renamed file changes its folder's time): cheap to compare between rebuilds."""
    try:
        newest = os.stat(top).st_mtime_ns
    except OSError:
        return 0, 0
    count = 1
    stack = [os.fspath(top)]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue  # a file, or gone meanwhile
        for entry in entries:
            try:
                count, newest = count + 1, max(newest, entry.stat().st_mtime_ns)
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
            except OSError:
                continue
    return count, newest


class ScanMemo(Generic[T]):
    """What `scan` found in each file, kept while the file's size and modification time stay."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[int, int, T]] = {}
        self._seen: dict[str, tuple[int, int, T]] = {}

    def get(self, file: FoundFile, scan: Callable[[FoundFile], T]) -> T:
        """The result of `scan(file)`, from the walk before when the file's stat is the same."""
        known = self._known.get(file.path)
        if known is None or known[:2] != (file.mtime_ns, file.size):
            known = (file.mtime_ns, file.size, scan(file))
        self._seen[file.path] = known
        return known[2]

    def done(self) -> None:
        """End a walk: files not asked for since the last one are forgotten."""
        self._known, self._seen = self._seen, {}
