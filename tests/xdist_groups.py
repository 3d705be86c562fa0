"""How `make test` (`pytest -n auto --dist loadgroup`) shares the tests out over the cores.

A test file is one unit of work, so its module fixtures (often a whole site build) are built
once, on one worker. Browser test files are units like any other: the browser site is built
once per run for both workers (tests/shared_sites.py) and each worker starts one browser, so
the browser pages, the longest part of the suite, run on both cores instead of one. xdist's
own loadgroup cannot do this here: it marks a group by rewriting `item._nodeid`, which
pytest 9 no longer reads, so every test was sent out on its own and module builds ran on both
workers. Units start longest first (below), so that no long file is left to run alone at the
end while the other core idles.
"""

from __future__ import annotations

from typing import Any

import pytest
from xdist.scheduler import LoadScopeScheduling

# The files whose tests take longest, slowest first; every other file follows in collection
# order. Measured 2026-12-03 with --junitxml on a full `pytest -n 2` run (per-file sums of
# setup + call + teardown); the one long serial test goes first so it never runs alone last.
SLOW_FIRST = (
    "tests/test_documented_commands.py",
    "tests/browser/test_pages.py",
    "tests/browser/test_layout.py",
    "tests/test_public_site.py",
    "tests/test_site_integrity.py",
    "tests/test_report_site.py",
    "tests/test_report_law_changes.py",
    "tests/test_loaders_fuzz.py",
    "tests/test_map_layout.py",
    "tests/test_page_memo.py",
    "tests/test_pdf_layout.py",
    "tests/test_import_fields.py",
    "tests/test_pdf.py",
    "tests/browser/test_public_pages.py",
    "tests/test_file_loaders_fuzz.py",
    "tests/test_preview.py",
    "tests/test_build_caches.py",  # added since, by their own timing: about 17 and 4 builds
    "tests/test_referens_003.py",
)
GROUPED_DISTRIBUTIONS = {"loadgroup", "loadscope", "loadfile"}


def unit_of(nodeid: str) -> str:
    """The unit of work a test belongs to: its file."""
    return nodeid.split("::", 1)[0]


class FileScheduling(LoadScopeScheduling):
    """LoadScope with one unit per file, in collection order."""

    def __init__(self, config: pytest.Config, log: Any = None) -> None:
        super().__init__(config, log)
        config.option.loadscopereorder = False  # keep the slow-first order of the collection

    def _split_scope(self, nodeid: str) -> str:
        return unit_of(nodeid)


def make_scheduler(config: pytest.Config, log: Any) -> FileScheduling | None:
    if config.getvalue("dist") not in GROUPED_DISTRIBUTIONS:
        return None
    return FileScheduling(config, log)


def slow_first(items: list[pytest.Item]) -> None:
    """Sort `items` in place so the SLOW_FIRST units come first, each file's order kept."""
    rank = {unit: number for number, unit in enumerate(SLOW_FIRST)}

    def key(item: pytest.Item) -> int:
        return rank.get(unit_of(item.nodeid), len(SLOW_FIRST))

    items.sort(key=key)  # stable: within a rank, collection order
