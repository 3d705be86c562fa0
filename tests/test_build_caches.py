"""The build's disk caches across real `mkdocs build` runs: a warm build hits, stays byte for byte
the same, damaged entries are rebuilt, and a successful build prunes what nothing uses any more.

Each build is a process of its own (as `make build`), so nothing is remembered in memory."""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from ledningssystem.core.cache_files import UNUSED_KEPT_SECONDS
from ledningssystem.pdf.cache import PDF_CACHE_FOLDER
from ledningssystem.website.build_caches import BUILD_CACHE_FOLDERS
from ledningssystem.website.held_html import HTML_CACHE_FOLDER
from tests.conftest import REPO, run_mkdocs_build
from tests.test_held_html import _differences

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
# The tiny portal has no berättelse, so no PDF: the other caches fill (tests/test_pdf_jobs.py
# has the PDF cache's own stamping).
FILLED = tuple(folder for folder in BUILD_CACHE_FOLDERS if folder != PDF_CACHE_FOLDER)
RUTIN = "routines/rapportera-avvikelse.md"
EXTRA = "routines/extra-rutin.md"


@pytest.fixture
def root(held_root: Path) -> Path:
    """The tiny portal with the held-HTML hook, as the repo's mkdocs.yml has it."""
    return held_root


def _build(root: Path, site: str) -> Path:
    done = run_mkdocs_build(root, root / site, ENV)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    return root / site


def _entries(root: Path, folder: str) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file()}


def _all_entries(root: Path) -> dict[str, set[str]]:
    return {folder: _entries(root, folder) for folder in BUILD_CACHE_FOLDERS}


def _age(root: Path, seconds: float) -> None:
    """Make every cache entry look last used `seconds` ago."""
    then = time.time() - seconds
    for folder in BUILD_CACHE_FOLDERS:
        for path in (root / folder).rglob("*"):
            if path.is_file():
                os.utime(path, (then, then))


def _add_rutin(root: Path) -> None:
    text = (root / RUTIN).read_text(encoding="utf-8")
    extra = text.replace("id: rapportera-avvikelse", "id: extra-rutin").replace(
        "# Rapportera en avvikelse", "# En rutin till"
    )
    (root / EXTRA).write_text(extra.replace("Rapportera en avvikelse", "En rutin till"), "utf-8")


def test_the_first_warm_build_after_a_cold_one_reads_every_page(root: Path) -> None:
    cold = _build(root, "site-cold")
    held = _entries(root, HTML_CACHE_FOLDER)
    pages = list(cold.rglob("*.html"))
    assert len(held) >= len(pages) - 1, "every page but the 404 page is kept"
    _age(root, 3600)
    warm = _build(root, "site-warm")
    # No page had a new key (none written), and each entry was read (stamped again).
    assert _entries(root, HTML_CACHE_FOLDER) == held
    recent = time.time() - 600
    assert all((root / entry).stat().st_mtime > recent for entry in held)
    assert _differences(cold, warm) == []


def test_caches_grow_with_content_and_shrink_back_once_it_is_removed(root: Path) -> None:
    _build(root, "site-1")
    before = _all_entries(root)
    assert all(before[folder] for folder in FILLED), "a build fills each cache"
    _add_rutin(root)
    _build(root, "site-2")
    grown = _all_entries(root)
    for folder in FILLED:  # the new rutin: its parse, its pages, the step's map
        assert grown[folder] > before[folder], folder
    (root / EXTRA).unlink()
    _build(root, "site-3")
    assert _all_entries(root) == grown, "entries used within a week are kept"
    _age(root, UNUSED_KEPT_SECONDS + 3600)
    _build(root, "site-4")
    assert _all_entries(root) == before


def _unused_and_old(root: Path) -> dict[str, set[str]]:
    """Build with a rutin that is then removed and build again: the caches hold entries the
    current content does not use, all made to look unused for longer than they are kept."""
    _add_rutin(root)
    _build(root, "site-with-extra")
    (root / EXTRA).unlink()
    _build(root, "site-1")
    _age(root, UNUSED_KEPT_SECONDS + 3600)
    return _all_entries(root)


def _assert_nothing_pruned(root: Path, kept: dict[str, set[str]], site: str) -> None:
    failed = run_mkdocs_build(root, root / site, ENV)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stdout + failed.stderr
    after = _all_entries(root)  # an edited file's parse may be new; nothing old is gone
    assert all(after[folder] >= kept[folder] for folder in BUILD_CACHE_FOLDERS)


def test_a_build_that_fails_after_the_pages_prunes_nothing(root: Path) -> None:
    kept = _unused_and_old(root)
    # Valid content and pages; the check of outside resources after the pages refuses them.
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write('extra_css: ["https://example.com/x.css"]\n')
    _assert_nothing_pruned(root, kept, "site-2")


def test_a_build_that_strict_mode_aborts_after_writing_prunes_nothing(root: Path) -> None:
    kept = _unused_and_old(root)
    # A nav entry MkDocs only warns about: --strict aborts after on_post_build has run.
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - Start: index.md\n" in text
    config.write_text(text.replace("  - Start: index.md\n", "  - Start: index.md\n  - X: x.md\n"))
    _assert_nothing_pruned(root, kept, "site-2")


def test_content_errors_stop_the_build_before_any_cache_is_pruned(root: Path) -> None:
    _build(root, "site-1")
    _age(root, UNUSED_KEPT_SECONDS + 3600)
    kept = _all_entries(root)
    path = root / RUTIN
    path.write_text(path.read_text(encoding="utf-8").replace("ägare: kvalitetschef", "ägare: x"))
    _assert_nothing_pruned(root, kept, "site-2")


def test_truncated_entries_of_every_cache_are_rebuilt_the_same(root: Path) -> None:
    cold = _build(root, "site-cold")
    whole = {
        entry: (root / entry).read_bytes()
        for folder in BUILD_CACHE_FOLDERS
        for entry in _entries(root, folder)
    }
    for entry, data in whole.items():
        (root / entry).write_bytes(data[: len(data) // 2])
    rebuilt = _build(root, "site-rebuilt")
    assert _differences(cold, rebuilt) == []
    # Each entry was made again and written whole under its own key.
    assert {entry: (root / entry).read_bytes() for entry in whole} == whole


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("held_html_hook", REPO / "hooks" / "held_html.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("command", "pruned"), [("build", True), ("serve", False)])
def test_only_a_build_prunes_never_the_preview(tmp_path: Path, command: str, pruned: bool) -> None:
    # The preview renders only what changed, so it stamps only that: it must not prune.
    entry = tmp_path / HTML_CACHE_FOLDER / "gammal.json"
    entry.parent.mkdir(parents=True)
    entry.write_text("{}", encoding="utf-8")
    _age(tmp_path, UNUSED_KEPT_SECONDS + 3600)
    hook = _hook()
    hook.on_startup(command=command, dirty=command == "serve")
    hook.on_config(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))
    hook.on_post_build(SimpleNamespace())
    hook.on_shutdown()
    assert entry.exists() is not pruned
