"""A disk cache of parsed YAML, keyed on the file's content: a warm `check` or build skips parsing.

Parsing with line numbers is the largest part of a check at city size. The result of parsing
depends only on the text, the line offset and the parser: its own code, PyYAML's version (and
whether it runs on libyaml) and the Python that pickles it, so all of them make the key: an
edited file has a new key (never a stale hit), and a changed parser invalidates everything.
Entries are written atomically (core.cache_files), so a check stopped halfway leaves no broken
entry behind; an entry that cannot be read, or holds anything but a parse, is parsed again.
Problems (YamlProblem) are never cached.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from ledningssystem.core import yaml_lines
from ledningssystem.core.cache_files import read_entry, write_entry
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
    stored = read_entry(path)
    kept = None if stored is None else _unpickled(stored)
    if kept is not None:
        return kept
    result = parse_yaml(text, line_offset)
    write_entry(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result


def _unpickled(stored: bytes) -> tuple[Any, LineMap] | None:
    """The parse an entry holds, or None for a truncated, corrupt or foreign entry."""
    try:
        result = pickle.loads(stored)
    except Exception:  # noqa: BLE001 - damaged bytes can raise nearly anything; parse again
        return None
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], LineMap):
        return result
    return None


def entry_path(folder: Path, text: str, line_offset: int) -> Path:
    """Where the parse of `text` at `line_offset` is kept."""
    digest = hashlib.sha256(_parser_version().encode())
    digest.update(f"{line_offset}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()
    return folder / key[:2] / f"{key}.pickle"


@functools.cache
def _parser_version() -> str:
    """A hash of the parser: its source, PyYAML and the Python that pickles the result, so a
    changed parser or an updated library never reads an old entry."""
    source = Path(yaml_lines.__file__).read_bytes()
    libraries = f"{yaml.__version__} {yaml.__with_libyaml__} {sys.version}"
    libraries += f" {pickle.HIGHEST_PROTOCOL}"
    return hashlib.sha256(source + libraries.encode()).hexdigest()
