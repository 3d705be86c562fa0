"""`mkdocs serve` as `make serve` runs it, on a free port, for tests of the preview."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, timeout: float = 5.0) -> tuple[int, str]:
    """(status, body) of `url`; an error status is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - localhost
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@contextmanager
def serving(root: Path, startup: float = 90.0) -> Iterator[str]:
    """The preview of `root` (mkdocs serve --strict --dirty, as make serve), yielding its URL."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty"]
    command += ["-a", f"127.0.0.1:{port}"]
    log = (root / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + startup
        while time.monotonic() < deadline:
            assert process.poll() is None, (root / "serve.log").read_text(encoding="utf-8")
            try:
                fetch(base, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError(f"mkdocs serve svarade inte inom {startup} s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wait_for(url: str, text: str, timeout: float = 60.0) -> str:
    """The body of `url` once it contains `text` (the preview rebuilds after a save)."""
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        _, body = fetch(url, timeout=timeout)
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} visade aldrig {text!r}:\n{body[:2000]}")
