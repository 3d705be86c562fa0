"""`make screenshots`: PNGs of every page type of the handbook and the public site, at a phone
and a desktop width in both palettes, into .screenshots/ for a person to look at.

Not a test (nothing is asserted) and not part of `make test`. Usage:
    .venv/bin/python -m tests.browser.screenshots site public-site .screenshots
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, QuietHandler
from tests.browser.layout import HANDBOOK_PAGES, PUBLIC_PAGES, SCHEMES, page_paths

WIDTHS = (375, 1280)


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def take(browser: object, url: str, pages: list[tuple[str, str]], out: Path) -> list[Path]:
    """Full-page PNGs of `pages` at every width and palette; returns the files written."""
    written = []
    for scheme in SCHEMES:
        for width in WIDTHS:
            context = browser.new_context(  # type: ignore[attr-defined]
                viewport={"width": width, "height": 900},
                is_mobile=width < 768,
                color_scheme=scheme,
            )
            page = context.new_page()
            for name, path in pages:
                page.goto(url + path, wait_until="load")
                page.wait_for_load_state("networkidle")
                target = out / f"{name}-{width}-{'ljus' if scheme == 'light' else 'mork'}.png"
                # Full pages are tall (a berättelse year is ~20,000 px): more than the default
                # 30 s on a busy machine.
                page.screenshot(path=str(target), full_page=True, timeout=180_000)
                written.append(target)
            context.close()
    return written


def main(handbook: str, public: str, out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(exist_ok=True)
    sites = [(Path(handbook), HANDBOOK_PAGES), (Path(public), PUBLIC_PAGES)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        written = []
        for site, pages in sites:
            with served(site) as url:
                written += take(browser, url, page_paths(site, pages), out)
        browser.close()
    print(f"Skrev {len(written)} skärmbilder i {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
