"""Under make serve, the error page in the browser reloads by itself once the file is fixed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.serve_process import serving

RUTIN = "routines/rapportera-avvikelse.md"


def test_error_page_shows_the_site_by_itself_after_the_fix(browser: Any, tiny_root: Path) -> None:
    path = tiny_root / RUTIN
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("ägare: kvalitetschef", "ägare: Kvalitetschef"), "utf-8")
    with serving(tiny_root) as base:
        page = browser.new_page()
        try:
            page.goto(base + "rutiner/rapportera-avvikelse/", timeout=5000)
            heading = page.locator("h1").first
            assert heading.inner_text().startswith("Innehållet har 1 fel som måste rättas")
            assert RUTIN in page.locator(".ls-content-errors").inner_text()
            # The page's stylesheet loads at a deep address too (404.html is served there).
            assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
            path.write_text(good, "utf-8")
            page.wait_for_function(
                "() => !document.body.innerHTML.includes('data-ledningssystem-fel')",
                timeout=90000,
            )
            page.wait_for_load_state()
            assert page.locator("h1").first.inner_text().startswith("Rapportera en avvikelse")
        finally:
            page.close()
