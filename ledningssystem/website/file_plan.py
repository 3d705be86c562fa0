"""Which files go into a build: the engine's choice, which the MkDocs hook only turns into Files.

A build takes the files of docs/ that its site publishes and adds the generated pages: in
memory for `make build`, as files in the preview folder under `make serve` (so a dirty rebuild
renders only those that changed; see website.preview). Under the preview, docs/ pages with
macros are read again on every rebuild (they show the content), and content with errors gives
a site of the error page alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.urls import in_handbook_docs, in_public_docs
from ledningssystem.website.build import SiteBuild
from ledningssystem.website.pages.content_errors import content_error_pages
from ledningssystem.website.preview import PREVIEW_FOLDER, macro_pages, write_preview_pages


@dataclass(frozen=True)
class PlannedFile:
    """One file to add: its Markdown in memory, or a file on disk in `folder` (or at `path`)."""

    src: str
    content: str | None = None
    folder: Path | None = None  # the file is `folder / src` (the preview's generated pages)
    path: Path | None = None  # a file published as it is (images beside the rutiner)
    in_nav: bool | None = False  # None: MkDocs decides (files that are not pages)
    dest: str | None = None  # where it is written, when not MkDocs' choice (404.html)
    # Takes the place of the docs/ file of the same src, keeping its place in the navigation.
    replaces: bool = False


@dataclass(frozen=True)
class FilePlan:
    """The files of docs/ to leave out, and the files to add, in order."""

    remove: list[str] = field(default_factory=list)
    add: list[PlannedFile] = field(default_factory=list)


def build_plan(
    build: SiteBuild,
    root: Path,
    docs_dir: Path,
    docs_files: Iterable[str],
    preview: bool = False,
    after_errors: bool = False,
) -> FilePlan:
    """The files of one build of valid content; `docs_files` are the src of docs/ files found.

    `after_errors`: the previous preview build showed the error page at index.md, which is
    newer than the start page's source, so a dirty rebuild must render the start page again.
    """
    # The two sites share docs/: the public one takes its look and docs/publik/, the handbook
    # everything else (theme files, from outside docs/, always stay).
    keep = in_public_docs if build.context.public else in_handbook_docs
    remove = [src for src in docs_files if not keep(src)]
    if preview:
        return FilePlan(remove, _preview_files(build, root, docs_dir, after_errors))
    added = [PlannedFile(p.src, content=p.markdown, in_nav=p.in_nav) for p in build.pages]
    added += [PlannedFile(uri, path=path, in_nav=None) for uri, path in build.assets.items()]
    return FilePlan(remove, added)


def _preview_files(
    build: SiteBuild, root: Path, docs_dir: Path, after_errors: bool
) -> list[PlannedFile]:
    folder = root / PREVIEW_FOLDER
    write_preview_pages(build.pages, folder)
    added = [PlannedFile(p.src, folder=folder, in_nav=p.in_nav) for p in build.pages]
    again = macro_pages(docs_dir)
    if after_errors and "index.md" not in again and (docs_dir / "index.md").is_file():
        again.append("index.md")
    for src in again:
        text = (docs_dir / src).read_text(encoding="utf-8")
        added.append(PlannedFile(src, content=text, replaces=True))
    return added


def error_plan(errors: ContentErrors, found: Iterable[str]) -> FilePlan:
    """The preview of content with errors: the error page at every address, no other page.

    `found` are the src of every file MkDocs found (docs/ and theme)."""
    remove = [src for src in found if src.endswith(".md")]
    added = [
        PlannedFile(page.src, content=page.markdown, in_nav=page.dest is None, dest=page.dest)
        for page in content_error_pages(errors)
    ]
    return FilePlan(remove, added)


def not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """A log filter: `make serve` asks for dirty rebuilds on purpose (website.preview).

    MkDocs warns about every one, and under --strict that warning would fail each rebuild.
    """
    return "'dirty' build" not in record.getMessage()


def hide_dirty_warnings() -> None:
    """Stop MkDocs' warning about dirty builds for the rest of this process (the preview)."""
    logging.getLogger("mkdocs.commands.build").addFilter(not_the_dirty_warning)
