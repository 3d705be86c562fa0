"""Shared test helpers: copies of the example content and real MkDocs builds in tmp dirs."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.inprocess_build import build_in_process
from tests.xdist_groups import make_scheduler, slow_first

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


def run_mkdocs_build(
    root: Path,
    site_dir: Path | None = None,
    env: dict[str, str] | None = None,
    engine: str = "mkdocs",
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (or ProperDocs, its drop-in fork) in `root`, as a user runs it."""
    site_dir = site_dir or root / "site"
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
    )


def build_site(
    root: Path, env: dict[str, str] | None = None, config: str = "mkdocs.yml", site: str = "site"
) -> Path:
    """Build `root` (in this process) and return the site folder; fail with MkDocs' output."""
    build_in_process(root / config, root / site, {"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return root / site


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m ledningssystem --root ROOT ARGS…`."""
    return subprocess.run(
        [sys.executable, "-m", "ledningssystem", "--root", str(root), *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example portal, built once per test run and shared by every xdist worker."""
    return shared_once(tmp_path_factory, "example", lambda root: build_site(copy_example(root)))


def shared_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]
) -> Path:
    """`make(folder)` run once per test run; other xdist workers wait for it and reuse it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by the workers of this run
    folder, done = base / f"shared-{name}", base / f"shared-{name}.done"
    with open(base / f"shared-{name}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            done.write_text(str(make(folder)), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # With `pytest -n auto` (make test) a file's tests stay on one worker, so its module
    # fixtures build once; the browser tests share one worker and one browser (xdist_groups).
    slow_first(items)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    return make_scheduler(config, log)


@pytest.fixture
def example_root(tmp_path: Path) -> Path:
    """A fresh, editable copy of the example content."""
    return copy_example(tmp_path / "portal")


TINY = REPO / "tests" / "fixtures" / "tiny"


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
