"""How long a process owner waits under `make serve`: from saving a file to the page showing it.

Starts the preview as the Makefile does, edits a file as an editor saves it, and polls the
page's URL until the edit appears. The CPU time is the server process's own, read from /proc.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.measure import Run

TIMEOUT_S = 600
# The first build of the full city (every page, PDFs off) can take longer on a busy machine.
START_TIMEOUT_S = 1800


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serving(root: Path) -> Iterator[tuple[str, int]]:
    """`mkdocs serve --strict --dirty` in `root` on a free loopback port: (base URL, pid)."""
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty"]
    log = open(root / ".bench-serve.log", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        started = time.monotonic()
        while "<html" not in _fetch(base):
            if process.poll() is not None or time.monotonic() - started > START_TIMEOUT_S:
                raise SystemExit(f"Förhandsvisningen startade inte; se {root / '.bench-serve.log'}")
            time.sleep(0.5)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait()
        log.close()


def edit_until_visible(root: Path, path: str, url: str, pid: int, n: int) -> Run:
    """Append a marker to `path` (a rutin body or a process's syfte) and wait for it at `url`."""
    marker = f"Förhandsmarkör{n}x{time.monotonic_ns()}"
    file = root / path
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".md":
        text += f"\n{marker}\n"
    else:
        text = text.replace("\nsyfte: ", f"\nsyfte: {marker} ", 1)
    cpu, started = _cpu_seconds(pid), time.perf_counter()
    file.write_text(text, encoding="utf-8")
    while marker not in _fetch(url):
        if time.perf_counter() - started > TIMEOUT_S:
            raise SystemExit(f"Ändringen i {path} syntes inte på {url} inom {TIMEOUT_S} s")
        time.sleep(0.05)
    return Run(time.perf_counter() - started, 0.0, _cpu_seconds(pid) - cpu)
