"""Under `make serve` a content error is a Swedish error page at every address, never a hang."""

from __future__ import annotations

import time
from pathlib import Path

from tests.serve_process import fetch, serving, wait_for

RUTIN = "routines/rapportera-avvikelse.md"


def test_preview_shows_errors_within_five_seconds_and_the_site_after_the_fix(
    tiny_root: Path,
) -> None:
    path = tiny_root / RUTIN
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("ägare: kvalitetschef", "ägare: Kvalitetschef"), "utf-8")
    with serving(tiny_root) as base:
        for address in ("", "rutiner/rapportera-avvikelse/", "finns/inte/"):
            started = time.monotonic()
            status, body = fetch(base + address, timeout=5)
            assert time.monotonic() - started < 5
            assert "Innehållet har 1 fel som måste rättas" in body, (address, status)
            assert f"{RUTIN}:5 – fältet &#34;ägare&#34;: ogiltigt id" in body, body
            assert "Menade du &#34;kvalitetschef&#34;?" in body
            assert "data-ledningssystem-fel" in body  # the page reloads itself (see its script)
        path.write_text(good, "utf-8")
        body = wait_for(base + "rutiner/rapportera-avvikelse/", "Rapportera en avvikelse</h1>")
        assert "data-ledningssystem-fel" not in body
        # The start page, which the error page had taken over, is the site's own again.
        start = wait_for(base, "Liten portal</h1>", timeout=10)
        assert "data-ledningssystem-fel" not in start
