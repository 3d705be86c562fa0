"""Document pages remembered by their inputs, so a preview rebuild generates only what changed.

At city size most of a rebuild's page generation is 2,000 rutin pages and 200 processes with
their maps, of which one save changes a handful. Each document page is kept under a key made of
everything it shows: the digest of its own file, of the files of the documents it shows (a
rutin's processes; a process's neighbours in the flow and its rutiner), its Git history, and
`shared`, the digest of every other content file plus "today" and the build's options. An
edited file changes its digest, so a stale page is never served; a page whose key is not
found is generated again. Only the entries of the latest build are kept.

Pages that list documents (roles, the indexes, the legal register, the Ändringslogg, the
berättelse) show every document's front matter but no rutin's text: they are kept under
`outline`, the digest of everything but the rutiner's bodies and of the whole history, so
saving a rutin's text makes them again only when its front matter changed. No listing but
the process index shows a process's prose (syfte, start, slut, kunder, beskrivning, a step's
beskrivning): the others, the role pages and the rutin pages take each process as `listed`,
the digest of the process without its prose, so editing a process's text makes again only
its own pages, its neighbours' and the process index.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ledningssystem.core.file_names import content_paths
from ledningssystem.core.model.process import Process
from ledningssystem.core.scan_memo import FoundFile, files_under
from ledningssystem.doccontrol.history import History

# Files whose documents have pages of their own, keyed apart; every other file is `shared`.
DOCUMENT_FOLDERS = ("processes/", "routines/")
# The key of a rutin's front matter alone, beside the key of its whole file: `path` + this.
FRONT_MATTER = "#uppgifter"
_FRONT_MATTER = re.compile(
    rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*\r?$", re.M | re.S
)
T = TypeVar("T")


def source_digests(root: Path) -> dict[str, str]:
    """The sha256 of every content file, by its path relative to `root`; of each rutin's front
    matter too, under its path + FRONT_MATTER."""
    digests: dict[str, str] = {}
    hashed: dict[str, _Hashed] = {}
    for top in content_paths(root):
        prefix = top.relative_to(root).as_posix()
        found = _one_file(top) if top.is_file() else files_under(top)
        for file in found:
            rel = prefix if file.rel == "" else f"{prefix}/{file.rel}"
            known = hashed[file.path] = _file_digests(file, rel, _HASHED.get(file.path))
            digests[rel] = known.digest
            if known.front is not None:
                digests[rel + FRONT_MATTER] = known.front
    _HASHED.clear()  # the files of the latest call only: deleted files are forgotten
    _HASHED.update(hashed)
    return digests


def _one_file(path: Path) -> list[FoundFile]:
    info = path.stat()
    return [FoundFile("", str(path), info.st_size, info.st_mtime_ns, info.st_ino)]


@dataclass(frozen=True)
class _Hashed:
    stat: tuple[int, int, int]  # size, modification time (ns), inode
    at: int  # when it was hashed (ns)
    digest: str
    front: str | None  # a rutin's front matter


_HASHED: dict[str, _Hashed] = {}
# A file changed within this long of being hashed may look unchanged to stat (coarse clocks
# on some file systems): it is hashed again, as Git treats a "racily clean" file.
_RACY_NS = 3_000_000_000


def _file_digests(file: FoundFile, rel: str, known: _Hashed | None) -> _Hashed:
    """The digests of one file, from the rebuild before when stat says it was not written."""
    stat = (file.size, file.mtime_ns, file.inode)
    if known is not None and known.stat == stat and file.mtime_ns + _RACY_NS < known.at:
        return known
    at = time.time_ns()
    data = Path(file.path).read_bytes()
    front = None
    if rel.startswith("routines/") and rel.endswith(".md"):
        match = _FRONT_MATTER.match(data)  # none: the whole file stands for it
        front = hashlib.sha256(match.group(0) if match else data).hexdigest()
    return _Hashed(stat, at, hashlib.sha256(data).hexdigest(), front)


def outline_digest(
    digests: Mapping[str, str],
    shared: str,
    history: History,
    listed: Mapping[str, str] | None = None,
) -> str:
    """The digest of everything but the rutiner's bodies: `shared`, processes, every file
    beside the rutiner, each rutin's front matter, and the whole Git history.

    With `listed` (listed_digests), a process file counts as its process without its prose."""
    digest = hashlib.sha256(f"{shared}\0{history_digest(history)}\0".encode())
    listed = listed or {}
    for rel in sorted(digests):
        is_body = rel.startswith("routines/") and rel.endswith(".md")
        if rel.startswith(DOCUMENT_FOLDERS) and not is_body:
            digest.update(f"{rel}\0{listed.get(rel, digests[rel])}\0".encode())
    return digest.hexdigest()


def history_digest(history: History) -> str:
    """The digest of the whole Git history, once per history (the outlines share it)."""
    known = _HISTORY_DIGEST.get(id(history))
    if known is not None and known[0] is history:
        return known[1]
    revisions = sorted(
        (path, r.commit.sha, r.blob, r.change, r.path)
        for path, revs in history.revisions.items()
        for r in revs
    )
    digest = hashlib.sha256(repr((history.problem, revisions)).encode()).hexdigest()
    _HISTORY_DIGEST.clear()
    _HISTORY_DIGEST[id(history)] = (history, digest)
    return digest


_HISTORY_DIGEST: dict[int, tuple[History, str]] = {}
# A process as listings show it: everything but the prose its own pages alone show.
_PROSE = {"purpose": True, "start": True, "end": True, "customers": True, "description": True}
_LISTED_FIELDS = {**_PROSE, "steps": {"__all__": {"description"}}}


def listed_digests(processes: Iterable[Process], digests: Mapping[str, str]) -> dict[str, str]:
    """Process file → the digest of its process without its prose (kept by the file's digest:
    a save dumps only the process it changed)."""
    found: dict[tuple[str, str], str] = {}
    for process in processes:
        file = process.origin.file
        key = (file, digests.get(file, ""))
        found[key] = _LISTED.get(key) or _listed_digest(process)
    _LISTED.clear()
    _LISTED.update(found)
    return {file: digest for (file, _), digest in found.items()}


def _listed_digest(process: Process) -> str:
    dumped = process.model_dump(mode="json", exclude=_LISTED_FIELDS)  # type: ignore[arg-type]
    return hashlib.sha256(repr(dumped).encode()).hexdigest()


_LISTED: dict[tuple[str, str], str] = {}


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
    outline: str = ""  # outline_digest: the key of the pages that list documents
    # Process file → its digest without prose (listed_digests), and the outline made of those.
    listed: Mapping[str, str] = field(default_factory=dict)
    listed_outline: str = ""
    previous: dict[Hashable, object] = field(default_factory=dict)
    current: dict[Hashable, object] = field(default_factory=dict)

    @property
    def enabled(self) -> bool:
        return bool(self.digests)

    def files(self, paths: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """(path, digest) of `paths`: part of the key of a page that shows those documents."""
        return tuple((p, self.digests.get(p, "")) for p in sorted(set(paths)))

    def listed_files(self, paths: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """As `files`, but a process counts without its prose: for pages that list it."""
        return tuple((p, self.listed.get(p) or self.digests.get(p, "")) for p in sorted(set(paths)))

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

    def listing(self, name: str, make: Callable[[], T], *inputs: Hashable) -> T:
        """The pages `make` returns from the outline alone (and `inputs`), kept under `name`:
        pages that show no process's prose (syfte, start, slut, kunder, beskrivning)."""
        return self.page(lambda: ("outline", name, self.listed_outline, inputs), make)

    def listing_with_prose(self, name: str, make: Callable[[], T]) -> T:
        """As `listing`, for a page that shows processes' prose too (the process index)."""
        return self.page(lambda: ("outline+prosa", name, self.outline), make)

    def next(
        self,
        digests: Mapping[str, str],
        shared: str,
        outline: str = "",
        listed: Mapping[str, str] | None = None,
        listed_outline: str = "",
    ) -> PageMemo:
        """The memo of the next build: this build's pages, looked up under new digests."""
        return PageMemo(
            digests, shared, outline, listed or {}, listed_outline or outline, self.current
        )


def history_key(history: History, path: str) -> Hashable:
    """What a document page shows of its Git history, as part of its key."""
    revisions = tuple((r.commit.sha, r.blob, r.change, r.path) for r in history.of(path))
    return (history.problem, revisions)
