"""The public site (make public): the berättelse alone, no way into the handbook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ledningssystem.core.urls import Linker, report_pdf
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.render.links import link_or_text, unlink_unpublished
from ledningssystem.website.build import prepare_build
from ledningssystem.website.options import PDF_KEY, SITE_KEY, BuildOptionError
from tests.conftest import REPO, build_site, soup
from tests.public_site import build_public_site
from tests.site_check import broken_links, pages

PUBLISHED, DRAFT = 2024, 2025  # the example: 2024 is fastställd, 2025 an utkast
HANDBOOK_FOLDERS = ("processer", "rutiner", "roller", "lagkrav", "arshjul", "skriva", "sok")


@pytest.fixture(scope="module")
def public_site(public_pdf_site: Path) -> Path:
    """The example's public site as `make public` builds it: fastställda years, with PDFs."""
    return public_pdf_site


@pytest.fixture(scope="module")
def public_site_with_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_public_site(tmp_path_factory.mktemp("public-drafts"), drafts=True)


def _pages(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for p in pages(site)]


def test_public_site_holds_the_berattelse_and_nothing_of_the_handbook(public_site: Path) -> None:
    assert _pages(public_site) == [
        "index.html",
        f"kvalitetsberattelse/{PUBLISHED}/index.html",
        "kvalitetsberattelse/index.html",
        "publik/sok/index.html",
        "publik/tillganglighet/index.html",
    ]
    assert [f for f in HANDBOOK_FOLDERS if (public_site / f).exists()] == []
    assert (public_site / f"kvalitetsberattelse/{PUBLISHED}/nyckeltal.json").is_file()
    assert (public_site / f"kvalitetsberattelse/{PUBLISHED}/nyckeltal.csv").is_file()


def test_public_search_indexes_the_berattelse_years_only(public_site: Path) -> None:
    entry = json.loads((public_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == 1  # the one fastställd year, not the start
    header = soup(public_site / "index.html").select_one("form.ls-header-search")
    assert header is not None and header["action"].endswith("publik/sok/")


def test_public_site_has_its_own_accessibility_statement(public_site: Path) -> None:
    text = (public_site / "publik/tillganglighet/index.html").read_text(encoding="utf-8")
    assert "Tillgänglighetsredogörelse" in text and "DOS-lagen" in text
    assert "intranät" not in text


def test_handbook_does_not_publish_the_public_pages(example_site: Path) -> None:
    assert not (example_site / "publik").exists()


def test_public_site_has_no_broken_links(public_site: Path) -> None:
    assert broken_links(public_site) == []


def test_start_page_lists_the_years_with_pdf_and_open_data(public_site: Path) -> None:
    html = soup(public_site / "index.html")
    assert html.html["lang"] == "sv"
    rows = html.select("article table tbody tr")
    assert len(rows) == 1
    assert [a["href"] for a in rows[0].find_all("a")] == [
        f"kvalitetsberattelse/{PUBLISHED}/",
        report_pdf(PUBLISHED),
        f"kvalitetsberattelse/{PUBLISHED}/nyckeltal.csv",
        f"kvalitetsberattelse/{PUBLISHED}/nyckeltal.json",
    ]
    nav = [a.get_text(strip=True) for a in html.select(".md-tabs__link")]
    assert nav == ["Start", "Kvalitetsberättelse", "Tillgänglighet"]


def test_year_page_links_its_pdf(public_site: Path) -> None:
    page = public_site / f"kvalitetsberattelse/{PUBLISHED}/index.html"
    link = soup(page).find("a", string="Ladda ner som PDF")
    assert link is not None
    assert (page.parent / link["href"]).read_bytes().startswith(b"%PDF")


def test_links_into_the_handbook_become_plain_text(public_site: Path) -> None:
    content = load_ledningssystem(REPO)
    article = soup(public_site / f"kvalitetsberattelse/{PUBLISHED}/index.html").find("article")
    hrefs = [a["href"] for a in article.find_all("a", href=True)]
    assert [h for h in hrefs if re.search(r"(processer|rutiner|roller|lagkrav)/", h)] == []
    # The risk table still names the process, now as text.
    assert content.processes["barn-och-unga"].name in article.get_text()
    assert "skriva" not in str(soup(public_site / "kvalitetsberattelse/index.html"))


def test_no_element_loads_anything_from_outside(public_site: Path) -> None:
    outside = []
    for page in public_site.rglob("*.html"):
        for element in soup(page).find_all(src=True) + soup(page).find_all("link", href=True):
            value = element.get("src") or element.get("href")
            if re.match(r"^([a-z][a-z0-9+.-]*:)?//", value, re.IGNORECASE):
                outside.append(f"{page.relative_to(public_site)}: {value}")
    assert outside == []


def test_no_edit_links_and_search_stays_on_the_public_site(public_site: Path) -> None:
    html = soup(public_site / f"kvalitetsberattelse/{PUBLISHED}/index.html")
    assert html.select(".md-content__button") == []
    assert [f["action"] for f in html.select("form[role=search]")] == ["../../publik/sok/"]


def test_drafts_are_absent_by_default(public_site: Path) -> None:
    assert not (public_site / f"kvalitetsberattelse/{DRAFT}").exists()
    assert not (public_site / report_pdf(DRAFT)).exists()
    for page in ("index.html", "kvalitetsberattelse/index.html"):
        text = soup(public_site / page).find("article").get_text()
        assert "Utkast" not in text
        assert f"berättelse {DRAFT}" not in text
    trend = soup(public_site / "kvalitetsberattelse/index.html").find_all("table")[-1]
    assert [th.get_text() for th in trend.thead.find_all("th")][1:] == [str(PUBLISHED)]


def test_drafts_are_present_when_asked_for(public_site_with_drafts: Path) -> None:
    year_page = public_site_with_drafts / f"kvalitetsberattelse/{DRAFT}/index.html"
    assert soup(year_page).select(".ls-draft-banner")
    assert "Utkast" in soup(public_site_with_drafts / "index.html").get_text()
    # Without PDFs the year page offers none, and no link is broken.
    assert soup(year_page).find("a", string="Ladda ner som PDF") is None
    assert broken_links(public_site_with_drafts) == []


def test_handbook_without_pdfs_offers_no_pdf(example_site: Path) -> None:
    for year in (PUBLISHED, DRAFT):
        page = soup(example_site / f"kvalitetsberattelse/{year}/index.html")
        assert page.find("a", string="Ladda ner som PDF") is None
        links = [a["href"] for a in page.find_all("a", href=True)]
        assert links, year  # the page was read: a missing link is not an empty page
        assert [href for href in links if href.split("#")[0].endswith(".pdf")] == [], year


def test_handbook_with_pdfs_links_each_year_to_its_pdf(example_root: Path, pdf_cache: Path) -> None:
    # The fastställd year's print HTML is the public site's: its PDF comes from the run's cache.
    site = build_site(example_root, env={"LEDNINGSSYSTEM_PDF": "ja"}, pdf_cache=pdf_cache)
    for year in (PUBLISHED, DRAFT):
        page = site / f"kvalitetsberattelse/{year}/index.html"
        link = soup(page).find("a", string="Ladda ner som PDF")
        assert (page.parent / link["href"]).read_bytes().startswith(b"%PDF")
    assert (site / "rutiner").is_dir()
    assert broken_links(site) == []


def test_an_unknown_option_value_is_a_swedish_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEDNINGSSYSTEM_PDF", raising=False)
    with pytest.raises(BuildOptionError, match="Välj en av: handbok, public"):
        prepare_build(REPO, options={SITE_KEY: "extern"})
    with pytest.raises(BuildOptionError, match="Skriv ja eller nej"):
        prepare_build(REPO, options={PDF_KEY: "kanske"})
    monkeypatch.setenv("LEDNINGSSYSTEM_PDF", "kanske")  # the environment overrides mkdocs.yml
    with pytest.raises(
        BuildOptionError, match='LEDNINGSSYSTEM_PDF: "kanske" är inget giltigt värde'
    ):
        prepare_build(REPO, options={PDF_KEY: "ja"})


def test_link_or_text() -> None:
    handbook = Linker("kvalitetsberattelse/2024.md")
    public = Linker("kvalitetsberattelse/2024.md", public=True)
    assert link_or_text(handbook, "processer/p.md", "P & Q", "steg-a") == (
        '<a href="../../processer/p/#steg-a">P &amp; Q</a>'
    )
    assert link_or_text(public, "processer/p.md", "P & Q", "steg-a") == "P &amp; Q"
    assert link_or_text(public, "kvalitetsberattelse/index.md", "Alla år") == (
        '<a href="../">Alla år</a>'
    )


def test_unlink_unpublished_keeps_the_text() -> None:
    text = (
        "Se [rutinen](../rutiner/r.md#steg), [förra året](2023.md), "
        "[IVO](https://www.ivo.se/) och ![bild](../bilder/a.png)."
    )
    public = Linker("kvalitetsberattelse/2024.md", public=True)
    assert unlink_unpublished(text, "kvalitetsberattelse/2024.md", public) == (
        "Se rutinen, [förra året](2023.md), [IVO](https://www.ivo.se/) "
        "och ![bild](../bilder/a.png)."
    )
    handbook = Linker("kvalitetsberattelse/2024.md")
    assert unlink_unpublished(text, "kvalitetsberattelse/2024.md", handbook) == text


def test_a_draft_tells_readers_a_text_is_missing_and_only_authors_where_to_write_it(
    public_site_with_drafts: Path, example_site: Path
) -> None:
    page = f"kvalitetsberattelse/{DRAFT}/index.html"
    public = soup(public_site_with_drafts / page)
    handbook = soup(example_site / page)
    assert public.select(".ls-report-unwritten") and handbook.select(".ls-report-unwritten")
    assert public.select(".ls-author-hint") == []
    assert f"reports/{DRAFT}/text/" not in public.get_text()
    hints = [hint.get_text() for hint in handbook.select(".ls-author-hint")]
    assert hints and all(f"reports/{DRAFT}/text/" in hint for hint in hints)
