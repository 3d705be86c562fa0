"""Swedish search in the browser: Pagefind finds rutiner by title, keyword and body text,
whatever the word form and with å/ä/ö."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import QuietHandler, Visit, new_visit
from tests.browser.site import SEARCH_ROUTINE_ID

# (what a user types, the rutin that must be among the results)
QUERIES = [
    ("klagomål", SEARCH_ROUTINE_ID),
    ("klagomålen", SEARCH_ROUTINE_ID),  # definite plural of a word in the title
    ("omprövningen", SEARCH_ROUTINE_ID),  # a word form of a word in the body only
    ("återkoppling", SEARCH_ROUTINE_ID),  # å at the start, body only
    ("avvikelse", "rapportera-avvikelse"),
    ("avvikelser", "rapportera-avvikelse"),
]


def _results(visit: Visit, query: str) -> list[str]:
    """Type `query` into the header search, press Enter and return the result links."""
    page = visit.open("")
    page.fill("#ls-header-q", query)
    page.press("#ls-header-q", "Enter")
    page.wait_for_url("**/sok/?q=*")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    page.wait_for_load_state("networkidle")  # results after the first load one by one
    return page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.href)")


@pytest.mark.parametrize(("query", "routine_id"), QUERIES)
def test_search_finds_the_rutin(query: str, routine_id: str, visit: Visit) -> None:
    links = _results(visit, query)
    assert any(f"/rutiner/{routine_id}/" in link for link in links), links
    assert visit.console_errors == []
    assert visit.outside_requests == []


def test_search_page_without_a_match_says_so(visit: Visit) -> None:
    page = visit.open("sok/?q=xyzzyqwerty")
    page.wait_for_selector(".pagefind-ui__message", timeout=10_000)
    page.wait_for_function(
        "() => /xyzzyqwerty/.test(document.querySelector('.pagefind-ui__message').textContent)"
    )
    assert page.query_selector(".pagefind-ui__result-link") is None


def test_results_link_into_the_portal_when_served_below_a_folder(
    built_site: Path, browser: Any
) -> None:
    """An intranet may serve the portal at /ledningssystem/: results must stay inside it."""
    handler = functools.partial(QuietHandler, directory=str(built_site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context, visit = new_visit(browser, f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        page = visit.open(f"{built_site.name}/sok/?q=klagomål")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
        href = page.eval_on_selector(".pagefind-ui__result-link", "a => a.getAttribute('href')")
        assert href.startswith(f"/{built_site.name}/"), href
    finally:
        context.close()
        server.shutdown()
        server.server_close()
