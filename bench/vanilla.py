"""Vanilla Material sites built from the Markdown of our own pages, to compare against.

`write_vanilla(root, dest, every_page_in_nav)` exports every page our build makes (docs/
and generated pages, as Markdown) into a plain MkDocs + Material project: no hooks, no
macros, Material's own search, the same Markdown extensions. With every_page_in_nav the
navigation is MkDocs' default (every page, from the folder tree); without it the
navigation holds only the start page: the floor MkDocs itself can reach for these pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ledningssystem.build import prepare_build
from ledningssystem.load import split_front_matter


def write_vanilla(root: Path, dest: Path, every_page_in_nav: bool) -> int:
    """Write the vanilla project into `dest`; return the number of pages."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    count = 0
    for source in sorted((root / "docs").rglob("*.md")):
        _write(docs / source.relative_to(root / "docs"), _without_macros(source.read_text("utf-8")))
        count += 1
    for page in prepare_build(root).pages:
        _write(docs / page.src, page.markdown)
        count += 1
    ours = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": "Vanilla",
        "theme": {"name": "material", "language": "sv", "font": False},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": ["search"],
    }
    if not every_page_in_nav:
        config["nav"] = [{"Start": "index.md"}]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return count


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _without_macros(text: str) -> str:
    """The page without front matter, so that macro calls stay plain text."""
    split = split_front_matter(text)
    return split[1] if split else text
