"""Every page type of the portal, as a path in the built site.

A page type missing from the built site fails its tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


def _first(site: Path, folder: str) -> str | None:
    """The first page under `folder` (other than its index), as a path below the site."""
    pages = sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for p in (site / folder).glob("*/index.html")
        if p.parent.name != "pagefind"
    )
    return pages[0] if pages else None


def _exists(path: str) -> Callable[[Path], str | None]:
    return lambda site: path if (site / path / "index.html").is_file() else None


@dataclass(frozen=True)
class PageType:
    name: str
    find: Callable[[Path], str | None]
    ready: str = ""  # a selector that shows the page has finished drawing (search UI)

    def path(self, site: Path) -> str:
        """The page's path below the site root; skips or fails when the site has none."""
        found = self.find(site)
        if found is None:
            pytest.fail(f"den byggda webbplatsen saknar en sida av typen {self.name}")
        return found


PAGE_TYPES = (
    PageType("start", _exists("")),
    PageType("process", lambda site: _first(site, "processer")),
    PageType("rutin", lambda site: _first(site, "rutiner")),
    PageType("roll", lambda site: _first(site, "roller")),
    PageType("lagkrav", _exists("lagkrav/")),
    PageType("dokumentstyrning", _exists("dokumentstyrning/")),
    PageType("årshjul", _exists("arshjul/")),
    PageType("berättelse-år", lambda site: _first(site, "kvalitetsberattelse")),
    PageType("sök", _exists("sok/"), ready=".pagefind-ui__search-input"),
    PageType(
        "sökträffar",
        lambda site: "sok/?q=avvikelse" if (site / "sok/index.html").is_file() else None,
        ready=".pagefind-ui__result-link",
    ),
    PageType("tillgänglighet", _exists("tillganglighet/")),
)
PAGE_TYPE_IDS = [page_type.name for page_type in PAGE_TYPES]
