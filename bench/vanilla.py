"""Plain Material sites of the same pages, to compare our build against like for like.

`write_vanilla(root, dest, every_page_in_nav)` exports the portal with `export-docs`: every
page our build makes, macros expanded, the same theme, CSS and Markdown extensions, but no
hooks, no macros plugin, no validation, history or PDFs. Both sides get the same search: the
floor's build is followed by the same Pagefind indexing our build runs (`floor_commands`).
With every_page_in_nav the navigation is MkDocs' default (every page, from the folder tree);
without it the navigation is ours, which lists only the overview pages.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from ledningssystem.website.export import export_docs


def write_vanilla(root: Path, dest: Path, every_page_in_nav: bool) -> None:
    """Write the plain project into `dest`."""
    if dest.exists():
        shutil.rmtree(dest)
    export_docs(root, dest)
    config = yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    if every_page_in_nav:
        config.pop("nav", None)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")


def floor_commands(dest: Path) -> list[list[str]]:
    """Build the plain project, then index it for search as our build does."""
    site = str(dest / "site")
    return [
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", site],
        [sys.executable, "-m", "ledningssystem", "search-index", site],
    ]
