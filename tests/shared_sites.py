"""Sites that many test files read, each built once per test run and shared by xdist workers.

The first worker to ask builds the site under a file lock in the run's common temp folder; the
other waits and reuses it. Tests must only read these sites: one that edits content or a site
builds its own copy (`example_root`, `tiny_root`).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.site import build_browser_site
from tests.conftest import build_site, copy_example
from tests.public_site import build_public_site


def shared_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]
) -> Path:
    """`make(folder)` run once per test run; other xdist workers wait for it and reuse it."""
    base = _shared_base(tmp_path_factory)
    folder, done = base / f"shared-{name}", base / f"shared-{name}.done"
    with open(base / f"shared-{name}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            done.write_text(str(make(folder)), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


def _shared_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This run's temp folder: the same for all xdist workers of the run."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example portal as `make build PDF=nej` builds it."""
    return shared_once(tmp_path_factory, "example", lambda root: build_site(copy_example(root)))


@pytest.fixture(scope="session")
def pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PDF cache for the builds of this run that write PDFs (build_site's pdf_cache)."""
    folder = _shared_base(tmp_path_factory) / "shared-pdf-cache"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def public_pdf_site(tmp_path_factory: pytest.TempPathFactory, pdf_cache: Path) -> Path:
    """The example's public site as `make public` builds it: fastställda years, with PDFs."""
    return shared_once(
        tmp_path_factory,
        "public-pdf",
        lambda root: build_public_site(root, pdf=True, pdf_cache=pdf_cache),
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site the browser tests read: the example portal plus a test rutin for search."""
    return shared_once(tmp_path_factory, "browser", build_browser_site)
