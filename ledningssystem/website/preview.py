"""The preview under `make serve`: generated pages as real files, rewritten only when they change.

MkDocs' dirty rebuild (`serve --dirty`) renders only the pages whose source file is newer than
their output. Writing each generated page to a folder, and touching it only when its Markdown
changed, makes a save of one rutin re-render that rutin's page and the few pages that show
its title, status or dates, instead of all of them. The pages are identical to a full build's:
the Markdown is the same, only the files that did not change are not rendered again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ledningssystem.core.reading import renders_macros
from ledningssystem.website.pages import Page

PREVIEW_FOLDER = ".cache/forhandsvisning"  # gitignored; rebuilt from the content at any time


def write_preview_pages(pages: Iterable[Page], folder: Path) -> list[str]:
    """Write every page to `folder` whose content changed; delete pages that are gone.

    Returns the `src` of the pages written, in order.
    """
    written: list[str] = []
    wanted: set[Path] = set()
    for page in pages:
        path = folder / page.src
        wanted.add(path)
        if _WRITTEN.get(path) == page.markdown and path.is_file():
            continue  # as this process wrote it (usually the very same remembered page)
        data = page.markdown.encode("utf-8")
        if not (path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(page.src)
        _WRITTEN[path] = page.markdown
    if folder.is_dir():
        for stale in [p for p in folder.rglob("*") if p.is_file() and p not in wanted]:
            stale.unlink()
    for gone in [p for p in _WRITTEN if p not in wanted]:
        del _WRITTEN[gone]
    return written


# What this process last wrote to (or found in) each preview file: a rebuild compares pages
# in memory instead of reading 2,000 files back. A file changed by anyone else would be
# rewritten only when its page changes; nobody else writes the preview folder.
_WRITTEN: dict[Path, str] = {}


def macro_pages(docs: Path) -> list[str]:
    """The pages of docs/ that opt in to macros (`render_macros: true`): they show the content."""
    found = []
    for path in sorted(docs.rglob("*.md")):
        if renders_macros(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(docs).as_posix())
    return found
