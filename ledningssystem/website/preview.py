"""The preview under `make serve`: generated pages as real files, rewritten only when they change.

MkDocs' dirty rebuild (`serve --dirty`) renders only the pages whose source file is newer than
their output. Writing each generated page to a folder, and touching it only when its Markdown
changed, makes a save of one rutin re-render that rutin's page and the few pages that show
its title, status or dates, instead of all of them. The pages are identical to a full build's:
the Markdown is the same, only the files that did not change are not rendered again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from ledningssystem.core.reading import renders_macros
from ledningssystem.website.pages import Page

PREVIEW_FOLDER = ".cache/forhandsvisning"  # gitignored; rebuilt from the content at any time


def write_preview_pages(pages: Iterable[Page], folder: Path) -> list[str]:
    """Write every page to `folder` whose content changed; delete pages that are gone.

    Returns the `src` of the pages written, in order.
    """
    base = str(folder)
    known = _WRITTEN.get(base)
    if known is None:  # this process has not written here yet: what lies there is unknown
        known = _WRITTEN[base] = {}
        _remove_unknown(base, {page.src for page in pages})
    written: list[str] = []
    wanted: dict[str, str] = {}
    for page in pages:
        path = os.path.join(base, page.src)
        wanted[page.src] = page.markdown
        if known.get(page.src) == page.markdown and os.path.isfile(path):
            continue  # as this process wrote it (usually the very same remembered page)
        if _differs(path, page.markdown.encode("utf-8")):
            written.append(page.src)
    for gone in known.keys() - wanted.keys():
        with contextlib.suppress(FileNotFoundError):
            os.remove(os.path.join(base, gone))
    _WRITTEN[base] = wanted
    return written


def _differs(path: str, data: bytes) -> bool:
    """Write `data` to `path` unless the file holds it already; whether it was written."""
    try:
        if os.path.getsize(path) == len(data) and Path(path).read_bytes() == data:
            return False
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    Path(path).write_bytes(data)
    return True


def _remove_unknown(base: str, wanted: set[str]) -> None:
    """Delete the files in the folder that are no page of this build (left by another run)."""
    for top, _, names in os.walk(base):
        for name in names:
            path = os.path.join(top, name)
            if os.path.relpath(path, base).replace(os.sep, "/") not in wanted:
                os.remove(path)


# Per preview folder, what this process last wrote to (or found in) each file, by src: a
# rebuild compares pages in memory instead of reading 2,000 files back, and deletes only the
# pages that are gone instead of walking the folder. A file changed by anyone else would be
# rewritten only when its page changes; nobody else writes the preview folder.
_WRITTEN: dict[str, dict[str, str]] = {}


def macro_pages(docs: Path) -> list[str]:
    """The pages of docs/ that opt in to macros (`render_macros: true`): they show the content."""
    found = []
    for path in sorted(docs.rglob("*.md")):
        if renders_macros(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(docs).as_posix())
    return found
