"""Timing, peak memory and page weight of commands and built sites."""

from __future__ import annotations

import functools
import http.server
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("LS_CHROMIUM", "/usr/bin/chromium")
# Runs per median. BENCH_RUNS=1 gives one run of each figure, for a machine too busy for three.
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    peak_rss_mb: float
    cpu_seconds: float = 0.0  # user + system time: what other load on the machine changes least


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` to the end; its wall time and its own peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(output.decode("utf-8", "replace")[-4000:])
        raise SystemExit(f"Mätningen misslyckades: {' '.join(command)} (kod {process.returncode})")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, cpu)  # ru_maxrss is in KiB on Linux


def median(runs: int, measure: Callable[[int], Run]) -> Run:
    """The median time of `runs` runs (and the highest peak memory among them)."""
    done = [measure(i) for i in range(runs)]
    return Run(
        statistics.median(r.seconds for r in done),
        max(r.peak_rss_mb for r in done),
        statistics.median(r.cpu_seconds for r in done),
    )


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def median_page_kb(site: Path, pattern: str) -> float | None:
    """The median size of the pages matching `pattern`; None (unmeasured, never 0) for none."""
    sizes = [p.stat().st_size for p in site.glob(pattern)]
    return round(statistics.median(sizes) / 1024, 1) if sizes else None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Bytes a browser fetched so far, from the Resource Timing API (same origin: sizes known).
_FETCHED = """() => performance.getEntriesByType('resource').map(e =>
    [e.name, e.encodedBodySize || e.transferSize || 0])"""


def search_payload_kb(site: Path, query: str) -> dict[str, float] | None:
    """KB the search page downloads before showing the first result for `query`.

    `search` counts the search bundle (Pagefind's UI, engine, index chunks, fragments);
    `page` everything else the search page loaded (its HTML excluded). None without Chromium.
    """
    if not os.access(CHROMIUM, os.X_OK):
        return None
    from playwright.sync_api import sync_playwright

    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{base}sok/?q={query}")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=30_000)
        fetched = page.evaluate(_FETCHED)
        browser.close()
    search = sum(size for url, size in fetched if "/pagefind/" in url)
    other = sum(size for url, size in fetched if "/pagefind/" not in url)
    return {"search": round(search / 1024, 1), "page": round(other / 1024, 1)}
