"""Shared test helpers: copies of the example content and real MkDocs builds in tmp dirs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ledningssystem.pdf.cache import PDF_CACHE_FOLDER
from tests.inprocess_build import build_in_process
from tests.module_runner import run_module
from tests.xdist_groups import make_scheduler, slow_first

# Sites many files read, built once per run (example_site, public_pdf_site, built_site).
pytest_plugins = ["tests.shared_sites"]

REPO = Path(__file__).resolve().parents[1]
CONTENT_ITEMS = (
    "mkdocs.yml",
    "mkdocs.public.yml",
    "ledningssystem.yml",
    "docs",
    "processes",
    "routines",
    "roles",
    "requirements",
    "arshjul",
    "hooks",
    "macros",
    "overrides",
    "reports",
    "CODEOWNERS",  # make check compares it with the documents' owners
)


def copy_example(target: Path) -> Path:
    """A copy of the example portal (content, docs and glue) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in CONTENT_ITEMS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def copy_example_before_import(target: Path) -> Path:
    """The example without its 2025 control sums, for tests whose imports replace that data."""
    root = copy_example(target)
    meta = root / "reports" / "2025" / "report.yml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(re.sub(r"(?ms)^kontrollsummor:.*", "", text), encoding="utf-8")
    return root


def run_mkdocs_build(
    root: Path,
    site_dir: Path | None = None,
    env: dict[str, str] | None = None,
    engine: str = "mkdocs",
    *,
    fresh: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (or ProperDocs, its drop-in fork) in `root`, as a user runs it.

    fresh: in a new Python process of its own (its own hash seed), for tests that compare
    two builds byte for byte; otherwise forked from a helper that has imported MkDocs."""
    site_dir = site_dir or root / "site"
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    argv = ["build", "--strict", "--site-dir", str(site_dir)]
    if not fresh:
        return run_module(engine, argv, root, full_env)
    return subprocess.run(
        [sys.executable, "-m", engine, *argv],
        cwd=root,
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
    )


def build_site(
    root: Path,
    env: dict[str, str] | None = None,
    config: str = "mkdocs.yml",
    site: str = "site",
    pdf_cache: Path | None = None,
) -> Path:
    """Build `root` (in this process) and return the site folder; fail with MkDocs' output.

    pdf_cache: a PDF cache folder to use instead of the copy's empty one (shared_sites'
    pdf_cache), so a year whose print HTML another build of this run rendered is not rendered
    again; the cache is keyed on that HTML and the PDF engine (ledningssystem/pdf/cache.py)."""
    if pdf_cache is not None:
        (root / PDF_CACHE_FOLDER).parent.mkdir(parents=True, exist_ok=True)
        (root / PDF_CACHE_FOLDER).symlink_to(pdf_cache, target_is_directory=True)
    build_in_process(root / config, root / site, {"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return root / site


def run_cli(root: Path, *args: str, fresh: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m ledningssystem --root ROOT ARGS…` in ROOT (fresh: as run_mkdocs_build)."""
    argv = ["--root", str(root), *args]
    if not fresh:
        return run_module("ledningssystem", argv, root)
    return subprocess.run(
        [sys.executable, "-m", "ledningssystem", *argv],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # With `pytest -n auto` (make test) a file's tests stay on one worker, so its module
    # fixtures build once, slowest files first (xdist_groups).
    slow_first(items)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    return make_scheduler(config, log)


@pytest.fixture
def example_root(tmp_path: Path) -> Path:
    """A fresh, editable copy of the example content."""
    return copy_example(tmp_path / "portal")


TINY = REPO / "tests" / "fixtures" / "tiny"


def tiny_portal(target: Path, reports: Path) -> Path:
    """The tiny portal at target/portal, with a fixture's reports/ folder as its reports/."""
    root = target / "portal"
    shutil.copytree(TINY, root)
    shutil.copytree(reports, root / "reports")
    return root


def write_mkdocs_yml(root: Path, nav: bool = True) -> None:
    """A minimal mkdocs.yml using the repo's hook and macros (absolute paths)."""
    nav_block = (
        "nav:\n  - Start: index.md\n  - Processer: processer/index.md\n"
        "  - Rutiner: rutiner/index.md\n  - Roller: roller/index.md\n"
        "  - Lagkrav: lagkrav/index.md\n"
        if nav
        else ""
    )
    (root / "mkdocs.yml").write_text(
        "site_name: Testportal\n"
        "theme:\n  name: material\n  language: sv\n  font: false\n"
        "  features: [content.action.edit]\n"
        "markdown_extensions: [attr_list, md_in_html, admonition, tables, toc]\n"
        "plugins:\n  - search:\n      lang: sv\n  - macros:\n"
        f"      module_name: {REPO / 'macros' / 'main'}\n"
        "      render_by_default: false\n      on_error_fail: true\n      on_undefined: strict\n"
        f"hooks:\n  - {REPO / 'hooks' / 'portal.py'}\n" + nav_block,
        encoding="utf-8",
    )


@pytest.fixture
def tiny_root(tmp_path: Path) -> Path:
    """A small, stable portal (tests/fixtures/tiny) with a minimal mkdocs.yml, editable."""
    root = tmp_path / "tiny"
    shutil.copytree(TINY, root)
    write_mkdocs_yml(root)
    return root


@pytest.fixture
def held_root(tiny_root: Path) -> Path:
    """The tiny portal with the held-HTML hook beside the portal's, as in the repo's mkdocs.yml."""
    config = tiny_root / "mkdocs.yml"
    portal = f"  - {REPO / 'hooks' / 'portal.py'}\n"
    text = config.read_text(encoding="utf-8")
    assert portal in text
    config.write_text(text.replace(portal, portal + f"  - {REPO / 'hooks' / 'held_html.py'}\n"))
    return tiny_root
