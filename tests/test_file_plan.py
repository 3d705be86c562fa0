"""The engine's choice of files for a build (website.file_plan), which the MkDocs hook applies."""

from __future__ import annotations

import logging
from pathlib import Path

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.website.build import prepare_build
from ledningssystem.website.file_plan import build_plan, error_plan, not_the_dirty_warning
from ledningssystem.website.preview import PREVIEW_FOLDER

DOCS_FOUND = ["index.md", "publik/index.md", "stylesheets/portal.css"]


def _macro_page(root: Path) -> None:
    (root / "docs" / "om.md").write_text(
        "---\nrender_macros: true\n---\n# Om\n\n{{ fakta('organisation.kommun') }}\n",
        encoding="utf-8",
    )


def test_a_full_build_adds_every_generated_page_in_memory(tiny_root: Path) -> None:
    build = prepare_build(tiny_root)
    plan = build_plan(build, tiny_root, tiny_root / "docs", DOCS_FOUND)
    assert plan.remove == ["publik/index.md"]  # the handbook leaves the public pages out
    added = {p.src: p for p in plan.add}
    assert set(added) == {p.src for p in build.pages}
    page = added["rutiner/rapportera-avvikelse.md"]
    assert page.content is not None and "Rapportera en avvikelse" in page.content
    assert page.folder is None and not page.replaces
    assert added["rutiner/index.md"].in_nav is True
    assert not (tiny_root / PREVIEW_FOLDER).exists()  # nothing written for a full build


def test_the_preview_writes_pages_to_disk_and_reads_macro_pages_again(tiny_root: Path) -> None:
    _macro_page(tiny_root)
    build = prepare_build(tiny_root)
    docs = tiny_root / "docs"
    plan = build_plan(build, tiny_root, docs, ["index.md", "om.md"], preview=True)
    folder = tiny_root / PREVIEW_FOLDER
    generated = [p for p in plan.add if p.folder is not None]
    assert {p.src for p in generated} == {p.src for p in build.pages}
    assert all(p.folder == folder and (folder / p.src).is_file() for p in generated)
    again = [p for p in plan.add if p.replaces]
    assert [p.src for p in again] == ["om.md"]  # index.md has no macros: rendered when changed
    assert again[0].content == (docs / "om.md").read_text(encoding="utf-8")
    # After the error page stood at index.md, the start page is rendered again too.
    after = build_plan(build, tiny_root, docs, ["index.md"], preview=True, after_errors=True)
    assert sorted(p.src for p in after.add if p.replaces) == ["index.md", "om.md"]


def test_the_public_site_keeps_only_its_own_docs(tiny_root: Path) -> None:
    (tiny_root / "reports").mkdir(exist_ok=True)
    build = prepare_build(tiny_root, options={"ledningssystem_site": "public"})
    plan = build_plan(build, tiny_root, tiny_root / "docs", DOCS_FOUND)
    assert "index.md" in plan.remove and "publik/index.md" not in plan.remove


def test_content_errors_give_the_error_page_at_every_address() -> None:
    errors = ContentErrors([ContentError("routines/x.md", 3, "titel", "saknas", "Skriv en titel.")])
    plan = error_plan(errors, ["index.md", "om.md", "assets/logo.svg"])
    assert plan.remove == ["index.md", "om.md"]
    by_src = {p.src: p for p in plan.add}
    assert by_src["index.md"].in_nav and by_src["index.md"].dest is None
    assert by_src["fel-i-innehallet.md"].dest == "404.html"
    assert all("routines/x.md" in (p.content or "") for p in plan.add)


def test_only_the_dirty_build_warning_is_filtered() -> None:
    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs", logging.WARNING, "", 0, message, None, None)

    assert not not_the_dirty_warning(record("A 'dirty' build is being performed, this will"))
    assert not_the_dirty_warning(record("Doc file 'x.md' contains a link"))
