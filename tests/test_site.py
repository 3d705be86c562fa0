"""The example portal builds, with a page for everything and nothing outside itself."""

from __future__ import annotations

import re
from pathlib import Path

from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO, build_site, soup


def _content():
    return load_ledningssystem(REPO)


def test_every_process_rutin_and_role_has_a_page(example_site: Path) -> None:
    content = _content()
    for process_id in content.processes:
        assert (example_site / "processer" / process_id / "index.html").is_file()
    for routine_id in content.routines:
        assert (example_site / "rutiner" / routine_id / "index.html").is_file()
    for role_id in content.roles:
        assert (example_site / "roller" / role_id / "index.html").is_file()


def test_site_loads_nothing_from_outside(example_site: Path) -> None:
    outside = []
    for page in example_site.rglob("*.html"):
        html = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                value = element.get(attr, "")
                if re.match(r"^(https?:)?//", value):
                    outside.append(f"{page.relative_to(example_site)}: <{tag} {attr}={value}>")
    assert outside == []
    css_and_js = [p for p in example_site.rglob("*") if p.suffix in {".css", ".js"}]
    for asset in css_and_js:
        text = asset.read_text(encoding="utf-8", errors="ignore")
        assert "fonts.googleapis" not in text, asset


def test_ui_language_is_swedish(example_site: Path) -> None:
    assert soup(example_site / "index.html").html["lang"] == "sv"


def test_the_not_found_page_is_swedish_and_leads_home(example_site: Path) -> None:
    """Material's own page said "404 - Not found"."""
    article = soup(example_site / "404.html").select_one("article")
    assert article.h1.get_text() == "Sidan finns inte"
    assert article.find("a", string="Gå till startsidan")["href"].startswith("/")


def test_edit_links_point_at_the_file_to_change(tiny_root: Path) -> None:
    settings = tiny_root / "ledningssystem.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + 'git:\n  redigera_url: "https://git.example.invalid/-/edit/main/{path}"\n',
        encoding="utf-8",
    )
    site = build_site(tiny_root)

    def edit_href(page: str) -> str | None:
        link = soup(site / page).select_one("a[rel=edit]")
        return link["href"] if link else None

    base = "https://git.example.invalid/-/edit/main/"
    assert edit_href("rutiner/rapportera-avvikelse/index.html") == (
        f"{base}routines/rapportera-avvikelse.md"
    )
    assert edit_href("processer/avvikelsehantering/index.html") == (
        f"{base}processes/avvikelsehantering.yml"
    )
    assert edit_href("index.html") == f"{base}docs/index.md"
    assert edit_href("rutiner/index.html") is None  # generated index: nothing to edit
