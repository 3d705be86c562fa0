"""Browser tests: the built example site, served on 127.0.0.1, in headless Debian Chromium.

Chromium comes from the Debian package (`apt-get install chromium`; .ci/run installs it).
Playwright only drives it: never `playwright install`, which downloads a browser.
Without Chromium the browser tests, and only they, are skipped with a loud message.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("LS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM = f"""
************************************************************************************
*  WEBBLÄSARTESTERNA HOPPADES ÖVER: Chromium saknas ({CHROMIUM}).
*  BROWSER TESTS SKIPPED: Chromium is not installed.
*  Installera / install:   sudo apt-get update && sudo apt-get install -y chromium
*  (CI installerar Chromium själv i .ci/run; alla andra tester kördes.)
************************************************************************************"""
BROWSER_DIR = Path(__file__).parent


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK) or shutil.which(CHROMIUM) is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if chromium_available():
        return
    skip = pytest.mark.skip(reason="Chromium saknas: sudo apt-get install -y chromium")
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).parents:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not chromium_available():
        terminalreporter.write_line(MISSING_CHROMIUM, red=True, bold=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served by the standard library on 127.0.0.1, on a free port."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


# A static page has settled once it has loaded, its fonts are in and no finite animation is
# still running; two animation frames later every layout the page's scripts started is done.
# This is what `networkidle` was used for, without its fixed half second of quiet per page.
_SETTLED = """() => document.fonts.status === 'loaded' && document.getAnimations().every(
    a => a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity)"""
_TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def settle(page: Any) -> Any:
    """Wait until `page` has loaded and its layout is final (fonts, animations, scripts)."""
    page.wait_for_load_state("load")
    page.wait_for_function(_SETTLED, timeout=10_000)
    page.evaluate(_TWO_FRAMES)
    return page


@dataclass
class Visit:
    """One browser tab and everything it reported that a test may object to."""

    page: Any
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        response = self.page.goto(self.base_url + path, wait_until="load")
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page


def new_visit(browser: Any, base_url: str, **context_options: Any) -> tuple[Any, Visit]:
    """A fresh browser context (no stored palette choice) recording errors and requests."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    visit = Visit(page, base_url)
    page.on(
        "console",
        lambda msg: visit.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: visit.console_errors.append(str(exc)))

    def _request(request: Any) -> None:
        if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:")):
            visit.outside_requests.append(request.url)

    page.on("request", _request)
    return context, visit


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Visit]:
    context, made = new_visit(browser, base_url, viewport={"width": 1280, "height": 900})
    yield made
    context.close()
