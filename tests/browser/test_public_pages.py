"""The public site in a browser: start page and a year page load cleanly, offline, accessible."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import QuietHandler, new_visit, settle
from tests.browser.test_pages import PHONES, _violations

PUBLIC_PAGES = ["", "kvalitetsberattelse/2024/"]  # the start page and a fastställd year


@pytest.fixture(scope="module")
def public_url(public_pdf_site: Path) -> Iterator[str]:
    """The example's public site (with PDFs), served on 127.0.0.1 on a free port."""
    handler = functools.partial(QuietHandler, directory=str(public_pdf_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_is_clean_offline_and_accessible(
    path: str, scheme: str, public_url: str, browser: Any
) -> None:
    context, visit = new_visit(browser, public_url, color_scheme=scheme)
    try:
        page = visit.open(path)
        page.wait_for_load_state("networkidle")
        assert page.get_attribute("html", "lang") == "sv"
        assert visit.console_errors == []
        assert visit.outside_requests == []
        assert _violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_fits_a_phone(path: str, width: int, public_url: str, browser: Any) -> None:
    viewport = {"width": width, "height": 800}
    context, visit = new_visit(browser, public_url, viewport=viewport, is_mobile=True)
    try:
        page = settle(visit.open(path))
        widths = page.evaluate(
            # clientWidth, not innerWidth: on a phone innerWidth grows with the content.
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth,"
            " document.documentElement.clientWidth]"
        )
        assert max(widths[:2]) <= widths[2], f"{path}: sidbredd {widths[:2]} > {widths[2]} px"
    finally:
        context.close()


def test_pdf_link_on_the_year_page_downloads_the_pdf(public_url: str, browser: Any) -> None:
    context, visit = new_visit(browser, public_url)
    try:
        page = visit.open(PUBLIC_PAGES[1])
        href = page.get_attribute("a.ls-report-pdf", "href")
        response = page.request.get(public_url + PUBLIC_PAGES[1] + href)
        assert response.ok and response.body().startswith(b"%PDF")
    finally:
        context.close()
