"""Site-wide checks on a built site: every internal link and anchor resolves."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

SKIPPED_FOLDERS = ("pagefind",)  # Pagefind's own bundle, not pages


def pages(site: Path) -> list[Path]:
    """Every HTML page of the site (404.html links root-relatively, served at any address)."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if p.name != "404.html" and p.relative_to(site).parts[0] not in SKIPPED_FOLDERS
    )


def broken_links(site: Path) -> list[str]:
    """'page → href (why)' for each internal link whose file or anchor does not exist."""
    ids = cache(_ids)
    broken = []
    for page in pages(site):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element, attr in _references(html):
            href = element.get(attr)
            if not isinstance(href, str) or re.match(r"^[a-z][a-z0-9+.-]*:", href):
                continue
            parts = urlsplit(href)
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site)} → {href}"
            if not target.is_file() or site.resolve() not in target.resolve().parents:
                broken.append(f"{where} (sidan finns inte)")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in ids(target)
            ):
                broken.append(f"{where} (ankaret finns inte)")
    return broken


def _references(html: BeautifulSoup) -> list[tuple[object, str]]:
    found: list[tuple[object, str]] = []
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        found += [(element, attr) for element in html.find_all(tag) if element.get(attr)]
    return found


def _ids(path: Path) -> frozenset[str]:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(
        value
        for element in html.find_all(True)
        for value in (element.get("id"), element.get("name") if element.name == "a" else None)
        if isinstance(value, str)
    )
