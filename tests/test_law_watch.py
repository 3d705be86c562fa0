"""The legal register follows the law: validity fields, lagbevakning, the Lagkrav page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.doccontrol.history import History
from ledningssystem.doccontrol.review_due_report import render_review_due
from ledningssystem.doccontrol.review_radar import overview
from ledningssystem.legal.law_watch import BANNER_TITLE, affected_documents
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.website.build import prepare_build
from tests.conftest import REPO, build_site, run_cli, soup

OLD_LAW = """\
# Internt: att verifiera mot lagtexten.
källa: SoL (2001:453)
titel: Socialtjänstlag (2001:453)
kontrollerad: {datum: 2026-11-01, mot: riksdagen.se}
gäller_från: 2002-01-01
upphör: 2025-07-01
ersätts_av: SoL (2025:400)
krav:
  - id: sol-gammal-rapportera
    kapitel: 14
    paragraf: "3"
    ämne: Rapportera missförhållanden
    verifierad: ja
    ersätts_av: [sol-ny-rapportera]
"""

NEW_LAW = """\
källa: SoL (2025:400)
titel: Socialtjänstlag (2025:400)
kontrollerad: {datum: 2026-11-01, mot: prop. 2024/25:89}
gäller_från: 2025-07-01
ändrad_genom:
  - {författning: SFS 2025:999, datum: 2025-10-01, ämne: Påhittad ändring}
krav:
  - id: sol-ny-rapportera
    beteckning: om rapportering av missförhållanden
    ämne: Rapportera missförhållanden och påtagliga risker för missförhållanden
    verifierad: nej
"""

WARNING = (
    'routines/rapportera-avvikelse.md:13 – fältet "lagkrav nr 2": lagkravet '
    '"sol-gammal-rapportera" (SoL (2001:453) 14 kap. 3 §) upphörde att gälla 2025-07-01 och '
    "ersätts av SoL (2025:400) om rapportering av missförhållanden. Revidera dokumentet: "
    "hänvisa till det som gäller nu, höj version och sätt nytt gäller_från."
)


@pytest.fixture
def law_root(tiny_root: Path) -> Path:
    """The tiny portal with a repealed law, its successor and a gällande rutin citing the old."""
    (tiny_root / "requirements/sol-2001-453.yml").write_text(OLD_LAW, encoding="utf-8")
    (tiny_root / "requirements/sol-2025-400.yml").write_text(NEW_LAW, encoding="utf-8")
    routine = tiny_root / "routines/rapportera-avvikelse.md"
    text = routine.read_text(encoding="utf-8")
    routine.write_text(
        text.replace(
            "lagkrav: [sosfs-2011-9-5-6]", "lagkrav: [sosfs-2011-9-5-6, sol-gammal-rapportera]"
        ),
        encoding="utf-8",
    )
    (tiny_root / "ledningssystem.yml").write_text(
        "idag: 2026-11-20\ndokumentstyrning:\n  horisont_dagar: 90\n", encoding="utf-8"
    )
    return tiny_root


def test_the_register_loads_with_validity_fields(law_root: Path) -> None:
    content = load_ledningssystem(law_root)
    old = content.requirements["sol-gammal-rapportera"]
    assert old.ends == dt.date(2025, 7, 1)  # from the repealed law
    assert old.ended(content.today) and old.requirement.verified
    assert old.requirement.replaced_by == ("sol-ny-rapportera",)
    assert old.source.replaced_by == "SoL (2025:400)"
    new = content.requirements["sol-ny-rapportera"]
    assert not new.ended(content.today) and not new.requirement.verified
    assert new.starts == dt.date(2025, 7, 1)
    assert new.source.amended_by[0].statute == "SFS 2025:999"
    assert new.source.checked.against == "prop. 2024/25:89"


def test_a_replacement_that_points_nowhere_is_rejected(law_root: Path) -> None:
    path = law_root / "requirements/sol-2001-453.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("[sol-ny-rapportera]", "[sol-ny-rapporter]")
    path.write_text(text.replace("ersätts_av: SoL (2025:400)", "ersätts_av: SoL 2025:400"), "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_ledningssystem(law_root)
    assert [e.format() for e in raised.value.errors] == [
        'requirements/sol-2001-453.yml:7 – fältet "ersätts_av": författningen "SoL 2025:400" '
        'finns inte. Menade du "SoL (2025:400)"? Se källa: i filerna i requirements/.',
        'requirements/sol-2001-453.yml:14 – fältet "ersätts_av nr 1": lagkravet '
        '"sol-ny-rapporter" finns inte. Menade du "sol-ny-rapportera"? Se requirements/.',
    ]


def test_a_file_without_kontrollerad_is_rejected(law_root: Path) -> None:
    path = law_root / "requirements/sol-2025-400.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kontrollerad: {datum: 2026-11-01, mot: prop. 2024/25:89}\n", ""))
    with pytest.raises(ContentErrors) as raised:
        load_ledningssystem(law_root)
    assert [(e.file, e.field) for e in raised.value.errors] == [
        ("requirements/sol-2025-400.yml", "kontrollerad")
    ]


def test_check_warns_about_a_rutin_citing_an_ended_krav_and_strikt_fails(law_root: Path) -> None:
    result = run_cli(law_root, "check")
    assert result.returncode == 0, result.stderr
    assert f"  {WARNING}" in result.stderr.splitlines()
    assert result.stderr.startswith("Lagbevakning: 1 hänvisning i gällande dokument")
    assert "Innehållet är korrekt" in result.stdout
    strict = run_cli(law_root, "check", "--strikt")
    assert strict.returncode == 1
    assert strict.stderr.splitlines() == ["Innehållet har 1 fel som måste rättas:", f"  {WARNING}"]
    assert "Traceback" not in strict.stderr


def test_drafts_and_current_citations_are_not_flagged(law_root: Path) -> None:
    routine = law_root / "routines/rapportera-avvikelse.md"
    text = routine.read_text(encoding="utf-8").replace("sol-gammal-rapportera", "sol-ny-rapportera")
    routine.write_text(text, encoding="utf-8")
    assert affected_documents(load_ledningssystem(law_root)) == []
    routine.write_text(text.replace("status: gällande", "status: utkast"), encoding="utf-8")
    assert run_cli(law_root, "check", "--strikt").returncode == 0


def test_the_page_shows_the_banner_and_dokumentstyrning_lists_it(law_root: Path) -> None:
    pages = {p.src: p.markdown for p in prepare_build(law_root).pages}
    page = pages["rutiner/rapportera-avvikelse.md"]
    assert f'!!! warning "{BANNER_TITLE}"' in page
    assert BANNER_TITLE == "Hänvisar till upphävd författning – ska revideras"
    assert (
        "Dokumentet hänvisar till SoL (2001:453) 14 kap. 3 §, som upphörde att gälla 2025-07-01 "
        "och ersätts av SoL (2025:400) om rapportering av missförhållanden." in page
    )
    assert BANNER_TITLE not in pages["processer/avvikelsehantering.md"]
    # One of the rutin's two krav is verified against the text, the other is not.
    assert page.count("(paragrafhänvisningen är inte kontrollerad mot författningstexten)") == 1
    site = build_site(law_root)
    control = soup(site / "dokumentstyrning/index.html")
    heading = control.select_one("#lagandring")
    assert heading.get_text(strip=True) == "Berörs av lagändring (1)"
    row = [td.get_text(strip=True) for td in heading.find_next("table").select("tbody td")]
    assert row == [
        "Rapportera en avvikelse",
        "rutin",
        "Kvalitetschef",
        "SoL (2001:453) 14 kap. 3 §",
        "2025-07-01",
        "SoL (2025:400) om rapportering av missförhållanden",
    ]
    banner = soup(site / "rutiner/rapportera-avvikelse/index.html").select(".admonition-title")
    assert BANNER_TITLE in [b.get_text(strip=True) for b in banner]
    _assert_exports_list_the_law_change(site / "dokumentstyrning")


def _assert_exports_list_the_law_change(folder: Path) -> None:
    # The CSV for Excel and the JSON carry what the page's "Berörs av lagändring" shows.
    raw = (folder / "dokumentstyrning.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw), delimiter=";"))
    flagged = {
        row["Id"]: row["Berörs av lagändring"] for row in rows if row["Berörs av lagändring"]
    }
    assert flagged == {
        "rapportera-avvikelse": "SoL (2001:453) 14 kap. 3 § upphörde 2025-07-01, "
        "ersätts av SoL (2025:400) om rapportering av missförhållanden"
    }
    data = json.loads((folder / "dokumentstyrning.json").read_text(encoding="utf-8"))
    assert data["antal"]["berörs_av_lagändring"] == 1
    by_id = {d["id"]: d["berörs_av_lagändring"] for d in data["dokument"]}
    assert by_id["rapportera-avvikelse"] == [
        {
            "lagkrav": "sol-gammal-rapportera",
            "hänvisning": "SoL (2001:453) 14 kap. 3 §",
            "upphörde": "2025-07-01",
            "ersätts_av": ["SoL (2025:400) om rapportering av missförhållanden"],
        }
    ]
    assert [k for k, v in by_id.items() if v] == ["rapportera-avvikelse"]


def test_review_due_includes_documents_a_law_change_affects(law_root: Path) -> None:
    content = load_ledningssystem(law_root)
    text = render_review_due(content, overview(content, History()), "", affected_documents(content))
    section = text[text.index("## Berörs av lagändring") :]
    assert (
        "- Rapportera en avvikelse (rutin, ägare Kvalitetschef) – SoL (2001:453) 14 kap. 3 § "
        "upphörde 2025-07-01, ersätts av SoL (2025:400) om rapportering av missförhållanden – "
        "`routines/rapportera-avvikelse.md`" in section
    )
    assert "## Berörs av lagändring" in run_cli(law_root, "review-due").stdout
    workflow = (REPO / ".github/workflows/revideringar.yml").read_text(encoding="utf-8")
    assert "make --silent review-due" in workflow  # the weekly issue is this same list


def test_lagkrav_page_shows_no_internal_notes_and_counts_verified_apart(law_root: Path) -> None:
    pages = {p.src: p.markdown for p in prepare_build(law_root).pages}
    page = pages["lagkrav/index.md"]
    assert "Internt" not in page and "att verifiera" not in page
    row = re.search(r'<tr id="sol-ny-rapportera".*?</tr>', page, re.S)
    assert row and "Paragrafhänvisningen är inte kontrollerad mot författningstexten." in row[0]
    verified_row = re.search(r'<tr id="sol-gammal-rapportera".*?</tr>', page, re.S)
    assert verified_row and "inte kontrollerad" not in verified_row[0]
    assert "Upphört 2025-07-01" in verified_row[0]
    assert "Upphävd 2025-07-01</strong>, ersatt av SoL (2025:400)" in page


INTERNAL_NOTES = re.compile(
    r"att verifiera|ska verifieras|ej verifierat|kan ha upphävts|numren ska|Internt:|stäm av"
)


def test_the_built_lagkrav_page_of_the_example_has_no_internal_note(example_site: Path) -> None:
    article = soup(example_site / "lagkrav/index.html").select_one("article")
    text = article.get_text(" ", strip=True)
    assert not INTERNAL_NOTES.search(text), INTERNAL_NOTES.search(text)
    rows = article.select("table.ls-requirements tbody tr")
    unverified = [r for r in rows if r.select_one(".ls-unverified")]
    assert rows and unverified and len(unverified) < len(rows)
    for row in unverified:
        assert row.select_one(".ls-unverified").get_text(strip=True) == (
            "Paragrafhänvisningen är inte kontrollerad mot författningstexten."
        )
    summary = article.select_one("table.ls-coverage-summary")
    heads = [th.get_text(strip=True) for th in summary.select("thead th")]
    assert heads[2] == "Täckta"
    # Under each covered count, how many of them are verified against the law text.
    details = [d.get_text() for d in summary.select("tbody td .ls-cell-detail")]
    assert details and all(re.fullmatch(r"varav \d+ kontrollerade", d) for d in details)
    # The law texts' addresses are shown as text: the portal links nowhere outside itself.
    assert not article.select('a[href^="http"]')
    addresses = [c.get_text() for c in article.select("code.ls-source-url")]
    assert any(a.startswith("https://www.riksdagen.se/") for a in addresses), addresses


def test_example_documents_in_force_cite_the_current_socialtjanstlag(example_root: Path) -> None:
    content = load_ledningssystem(example_root)
    assert affected_documents(content) == []
    sources = {s.source: s for s in content.requirement_sources}
    assert sources["SoL (2001:453)"].ends == dt.date(2025, 7, 1)
    assert sources["SoL (2001:453)"].replaced_by == "SoL (2025:400)"
    assert "LSS (1993:387)" in sources
    assert "sosfs-2011-5-7-1" in content.requirements
