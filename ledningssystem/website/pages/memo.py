"""Document pages remembered by their inputs, so a preview rebuild generates only what changed.

At city size most of a rebuild's page generation is 2,000 rutin pages and 200 processes with
their maps, of which one save changes a handful. Each document page is kept under a key made of
everything it shows: the digest of its own file, of the files of the documents it shows (a
rutin's processes; a process's neighbours in the flow and its rutiner), its Git history, and
`shared`, the digest of every other content file plus "today" and the build's options. An
edited file changes its digest, so a stale page is never served; a page whose key is not
found is generated again. Only the entries of the latest build are kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ledningssystem.core.load import content_paths
from ledningssystem.doccontrol.history import History

# Files whose documents have pages of their own, keyed apart; every other file is `shared`.
DOCUMENT_FOLDERS = ("processes/", "routines/")
T = TypeVar("T")


def source_digests(root: Path) -> dict[str, str]:
    """The sha256 of every content file, by its path relative to `root`."""
    digests = {}
    for top in content_paths(root):
        for path in [top] if top.is_file() else sorted(top.rglob("*")):
            if path.is_file():
                rel = path.relative_to(root).as_posix()
                digests[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def shared_digest(digests: Mapping[str, str], today: dt.date, options: Hashable) -> str:
    """The digest of everything but the document files: roles, settings, berättelse, …"""
    digest = hashlib.sha256(f"{today.isoformat()}\0{options!r}\0".encode())
    for rel in sorted(digests):
        if not rel.startswith(DOCUMENT_FOLDERS):
            digest.update(f"{rel}\0{digests[rel]}\0".encode())
    return digest.hexdigest()


@dataclass
class PageMemo:
    """Pages of the previous build by key, and those of this build as they are asked for.

    Without digests (a one-off build, an export) nothing is remembered and every page is made.
    """

    digests: Mapping[str, str] = field(default_factory=dict)
    shared: str = ""
    previous: dict[Hashable, object] = field(default_factory=dict)
    current: dict[Hashable, object] = field(default_factory=dict)

    @property
    def enabled(self) -> bool:
        return bool(self.digests)

    def files(self, paths: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """(path, digest) of `paths`: part of the key of a page that shows those documents."""
        return tuple((p, self.digests.get(p, "")) for p in sorted(set(paths)))

    def page(self, key: Callable[[], Hashable], make: Callable[[], T]) -> T:
        """The remembered result of `make` under `key()`, or `make()` remembered from now on."""
        if not self.enabled:
            return make()
        full = (key(), self.shared)
        found = self.previous.get(full, self.current.get(full))
        if found is None:
            found = make()
        self.current[full] = found
        return found  # type: ignore[return-value]

    def next(self, digests: Mapping[str, str], shared: str) -> PageMemo:
        """The memo of the next build: this build's pages, looked up under new digests."""
        return PageMemo(digests, shared, previous=self.current)


def history_key(history: History, path: str) -> Hashable:
    """What a document page shows of its Git history, as part of its key."""
    revisions = tuple((r.commit.sha, r.blob, r.change, r.path) for r in history.of(path))
    return (history.problem, revisions)
