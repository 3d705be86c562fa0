"""Cache entries (core/cache_files.py): atomic, stamped when read, pruned only when long unused."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ledningssystem.core.cache_files import (
    UNUSED_KEPT_SECONDS,
    prune_unused,
    read_entry,
    write_entry,
)

LONG_AGO = time.time() - UNUSED_KEPT_SECONDS - 3600


def _aged(path: Path, when: float = LONG_AGO) -> Path:
    os.utime(path, (when, when))
    return path


def test_only_entries_unused_for_longer_than_kept_are_pruned(tmp_path: Path) -> None:
    write_entry(tmp_path / "ab" / "old.pickle", b"1")
    write_entry(tmp_path / "ab" / "used.pickle", b"2")
    write_entry(tmp_path / "flat.json", b"3")
    write_entry(tmp_path / "fresh.json", b"4")
    for name in ("ab/old.pickle", "ab/used.pickle", "flat.json"):
        _aged(tmp_path / name)
    assert read_entry(tmp_path / "ab" / "used.pickle") == b"2"  # used now: stamped
    # A file another build is writing right now (mkstemp's name): fresh, so kept.
    (tmp_path / "tmpabc.tmp").write_bytes(b"half")
    assert prune_unused(tmp_path) == 2
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["ab/used.pickle", "fresh.json", "tmpabc.tmp"]


def test_a_left_over_temporary_file_goes_in_time(tmp_path: Path) -> None:
    (tmp_path / "tmpold.tmp").write_bytes(b"x")  # a build stopped while writing it
    _aged(tmp_path / "tmpold.tmp")
    assert prune_unused(tmp_path) == 1
    assert not list(tmp_path.iterdir())


def test_a_missing_folder_or_entry_is_no_error(tmp_path: Path) -> None:
    assert prune_unused(tmp_path / "finns-inte") == 0
    assert read_entry(tmp_path / "finns-inte.json") is None


def test_an_entry_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    write_entry(tmp_path / "k.json", b"first")
    write_entry(tmp_path / "k.json", b"second")
    assert read_entry(tmp_path / "k.json") == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["k.json"]  # no temporary file left
    blocked = tmp_path / "file"
    blocked.write_bytes(b"")
    write_entry(blocked / "k.json", b"x")  # its folder cannot be made: no entry, no error
    assert not (blocked / "k.json").exists()
