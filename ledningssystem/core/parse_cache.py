"""A disk cache of parsed YAML, keyed on the file's content: a warm `check` or build skips parsing.

Parsing with line numbers is the largest part of a check at city size. The result of parsing
depends only on the text, the line offset and the parser's own code, so all three make the key:
an edited file has a new key (never a stale hit), and a changed parser invalidates everything.
Entries are written atomically, so a check stopped halfway leaves no broken entry behind; an
entry that cannot be read is parsed again. Problems (YamlProblem) are never cached.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ledningssystem.core import yaml_lines
from ledningssystem.core.yaml_lines import LineMap, parse_yaml

PARSE_CACHE_FOLDER = ".cache/tolkat"  # gitignored; safe to delete at any time
_folder: list[Path] = []  # the cache in use; empty: parse without a disk cache


def use_parse_cache(folder: Path | None) -> None:
    """Cache parsed YAML in `folder` from now on (None: stop caching on disk)."""
    _folder.clear()
    if folder is not None:
        _folder.append(folder)


@contextmanager
def parse_cache_in(folder: Path) -> Iterator[None]:
    """Cache parsed YAML in `folder` inside the block; afterwards as before (a build's load)."""
    before = list(_folder)
    use_parse_cache(folder)
    try:
        yield
    finally:
        _folder[:] = before


def parse_cached(text: str, line_offset: int) -> tuple[Any, LineMap]:
    """parse_yaml(text, line_offset), from the disk cache when one is in use and holds it."""
    if not _folder:
        return parse_yaml(text, line_offset)
    path = entry_path(_folder[0], text, line_offset)
    try:
        with path.open("rb") as stored:
            result: tuple[Any, LineMap] = pickle.load(stored)
        return result
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # not cached yet, or an unreadable entry: parse again
    result = parse_yaml(text, line_offset)
    _store(path, result)
    return result


def entry_path(folder: Path, text: str, line_offset: int) -> Path:
    """Where the parse of `text` at `line_offset` is kept."""
    digest = hashlib.sha256(_parser_version().encode())
    digest.update(f"{line_offset}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()
    return folder / key[:2] / f"{key}.pickle"


def _store(path: Path, result: tuple[Any, LineMap]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only or full disk only makes the next check slower


@functools.cache
def _parser_version() -> str:
    """A hash of the parser's source: a changed parser never reads an old entry."""
    source = Path(yaml_lines.__file__).read_bytes()
    return hashlib.sha256(source + str(pickle.HIGHEST_PROTOCOL).encode()).hexdigest()
