"""Entries of the disk caches under .cache/: written atomically, stamped on use, pruned by age.

Each cache here (parsed YAML, held HTML, process maps) is keyed on everything its entry follows
from, so an entry is never stale, only unused: content that was removed or edited, or an update
that changed every key, leaves entries nothing reads again. An entry's modification time is its
last use (reading it stamps it), so a successful build can remove what nothing has used for a
while (`prune_unused`). Entries are files, never opened for writing in place: a concurrent build
or preview reads a whole file or none, and a pruned entry is only a miss (converted again).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# Unused entries are kept this long: a weekly `make public` or `make paket` (other pages, other
# addresses) and a preview left open keep theirs, while removed content leaves within a week.
UNUSED_KEPT_SECONDS = 7 * 24 * 3600
_TEMPORARY = ".tmp"  # an entry being written (mkstemp's suffix), or left by a stopped build


def read_entry(path: Path) -> bytes | None:
    """The bytes of the entry at `path`, stamped as used now; None when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):  # a read-only cache still answers, only unstamped
        os.utime(path)
    return data


def write_entry(path: Path, data: bytes) -> None:
    """Write `data` as the entry at `path` atomically (never half an entry, even if stopped)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=_TEMPORARY)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a full or read-only disk only means the entry is made again next time


def prune_unused(folder: Path, now: float | None = None) -> int:
    """Remove the entries under `folder` nothing has used for UNUSED_KEPT_SECONDS; how many.

    Run only after a successful build, which has stamped every entry it used."""
    oldest_kept = (time.time() if now is None else now) - UNUSED_KEPT_SECONDS
    removed = 0
    for entry in _files(folder):
        try:
            if entry.stat(follow_symlinks=False).st_mtime < oldest_kept:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue  # gone already (another build pruned it), or not ours to remove
    return removed


def _files(folder: Path) -> Iterator[os.DirEntry[str]]:
    """The files under `folder`, one level of subfolders deep (the parse cache's fan-out)."""
    try:
        with os.scandir(folder) as top:
            entries = list(top)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            try:
                with os.scandir(entry.path) as sub:
                    yield from [e for e in sub if e.is_file(follow_symlinks=False)]
            except OSError:
                continue
        elif entry.is_file(follow_symlinks=False):
            yield entry
