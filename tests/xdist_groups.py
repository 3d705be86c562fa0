"""How `make test` (`pytest -n auto --dist loadgroup`) shares the tests out over the cores.

A test file is one unit of work, so its module fixtures (often a whole site build) are built
once, on one worker; every browser test is one unit, so the browser and the browser site are
made once. xdist's own loadgroup cannot do this here: it marks a group by rewriting
`item._nodeid`, which pytest 9 no longer reads, so every test was sent out on its own and the
shared builds ran on both workers. Units start longest first (below), so that no long file is
left to run alone at the end while the other core idles.
"""

from __future__ import annotations

from typing import Any

import pytest
from xdist.scheduler import LoadScopeScheduling

# The files whose tests take longest (measured with --durations), slowest first; every other
# file follows in collection order.
SLOW_FIRST = (
    "tests/browser",
    "tests/test_documented_commands.py",
    "tests/test_public_site.py",
    "tests/test_loaders_fuzz.py",
    "tests/test_report_real.py",
    "tests/test_report_unenforced.py",
    "tests/test_preview.py",
    "tests/test_site_integrity.py",
    "tests/test_pdf.py",
)
GROUPED_DISTRIBUTIONS = {"loadgroup", "loadscope", "loadfile"}


def unit_of(nodeid: str) -> str:
    """The unit of work a test belongs to: its file, or `tests/browser` for browser tests."""
    path = nodeid.split("::", 1)[0]
    return "tests/browser" if path.startswith("tests/browser/") else path


class FileScheduling(LoadScopeScheduling):
    """LoadScope with one unit per file (all browser tests one unit), in collection order."""

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
