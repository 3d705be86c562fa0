"""Markdown → HTML of pages kept across builds, in a disk cache keyed on what the HTML follows from.

Converting Markdown is the largest part of a warm build at city size (thousands of generated
pages full of HTML blocks, parsed by md_in_html), and most pages are the same from one build to
the next. The conversion is deterministic, so its result is kept under a key of everything it
follows from: the page's Markdown (after macros), its own address, the addresses of every file
of the site (links are rewritten relative to them), the Markdown extensions and their settings,
and the versions of Markdown, pymdown-extensions, MkDocs and Material. Any change gives a new
key, never stale HTML. A page whose conversion logged anything (a broken link, say) is not kept,
so the warning comes again in every build. Entries are written atomically and stamped when used
(core.cache_files, which prunes what no build has used for a week); an entry that cannot be
read, or does not hold a page of the right shape, is converted again. The engine knows nothing
of MkDocs: the glue hands it strings.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from ledningssystem.core.cache_files import read_entry, write_entry

HTML_CACHE_FOLDER = ".cache/html"  # gitignored; safe to delete at any time
# Raise when what an entry holds changes shape, so entries of an older portal are not read.
_FORMAT = 1
_LIBRARIES = ("markdown", "pymdown-extensions", "mkdocs", "properdocs", "mkdocs-material")


@dataclass(frozen=True)
class HeldPage:
    """What converting one page's Markdown gave: its HTML and what MkDocs reads beside it."""

    content: str
    toc: list[dict[str, Any]]  # Markdown's toc tokens: level, id, name, children
    title: str | None  # the first heading, when the page has no title of its own
    anchors: list[str]  # the ids the page holds, sorted
    links_to_anchors: dict[str, dict[str, str]] | None  # linked file's src → anchor → link


class HeldHtml:
    """The held pages of one build: one setup (extensions, files of the site), many pages."""

    def __init__(self, folder: Path | None, setup: object, site_files: Iterable[tuple[str, str]]):
        """`setup`: the Markdown settings (JSON, unknown objects by repr); `site_files`: every
        file's (source, address) pair. folder None: nothing is held."""
        self.folder = folder
        digest = hashlib.sha256(_fingerprint().encode("utf-8"))
        digest.update(json.dumps(setup, sort_keys=True, default=repr).encode("utf-8"))
        for src, url in sorted(site_files):
            digest.update(f"\0{src}\0{url}".encode())
        self._setup = digest.hexdigest()
        self.hits = self.misses = 0  # for the build's debug line: did the cache answer?

    def key(self, markdown: str, src: str, url: str) -> str:
        """The key of the page at `src` (address `url`) whose Markdown is `markdown`."""
        digest = hashlib.sha256(self._setup.encode("ascii"))
        digest.update(f"\0{src}\0{url}\0".encode())
        digest.update(markdown.encode("utf-8"))
        return digest.hexdigest()

    def get(self, key: str) -> HeldPage | None:
        """The page held under `key`, or None (not held, or not readable)."""
        stored = None if self.folder is None else read_entry(self.folder / f"{key}.json")
        page = None if stored is None else _page(stored)
        if page is None:
            self.misses += 1
        else:
            self.hits += 1
        return page

    def put(self, key: str, page: HeldPage) -> None:
        """Keep `page` under `key` for the next build (atomically: never half an entry)."""
        if self.folder is not None:
            text = json.dumps(asdict(page), ensure_ascii=False, sort_keys=True)
            write_entry(self.folder / f"{key}.json", text.encode("utf-8"))


def _page(stored: bytes) -> HeldPage | None:
    """The page an entry holds, or None for a truncated, corrupt or foreign entry."""
    try:
        data = json.loads(stored.decode("utf-8"))
        page = HeldPage(**data)
    except (ValueError, TypeError):
        return None
    links = page.links_to_anchors
    shaped = (
        isinstance(page.content, str)
        and isinstance(page.toc, list)
        and all(isinstance(token, dict) for token in page.toc)
        and (page.title is None or isinstance(page.title, str))
        and isinstance(page.anchors, list)
        and (links is None or isinstance(links, dict))
    )
    return page if shaped else None


@functools.cache
def _fingerprint() -> str:
    """The entry format and the versions of the libraries the conversion depends on."""
    versions = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return f"format {_FORMAT}; " + "; ".join(versions)
