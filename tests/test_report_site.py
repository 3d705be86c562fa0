"""The Kvalitetsberättelse section of the built site: pages, templates, figures, open data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.data import Reports
from ledningssystem.report.section_templates import ReportTemplate
from tests.conftest import REPO, build_site, copy_example, run_mkdocs_build, soup
from tests.test_report_errors import record_correction

NBSP = "\u00a0"


def example_reports() -> Reports:
    reports = load_ledningssystem(REPO).reports
    assert reports is not None
    return reports


def page(site: Path, year: int):  # noqa: ANN201 - BeautifulSoup
    return soup(site / "kvalitetsberattelse" / str(year) / "index.html").find("article")


def table_with(article, caption: str):  # noqa: ANN001, ANN201 - BeautifulSoup
    """The first table whose caption contains `caption`."""
    return next(
        t for t in article.find_all("table") if t.caption and caption in t.caption.get_text()
    )


def section_ids(template: ReportTemplate, year: int | None = None) -> list[str]:
    """The template's sections in order; with `year`, those that year has (see från_år)."""
    return [s.id for _, _, s in template.numbered(year)]


def test_index_lists_every_year_with_status_and_trend(example_site: Path) -> None:
    index = soup(example_site / "kvalitetsberattelse" / "index.html").find("article")
    years = table_with(index, "Alla berättelser")
    rows = [r.get_text(" ", strip=True) for r in years.select("tbody tr")]
    assert rows == [
        "2025 Patientsäkerhets- och kvalitetsberättelse 2025 Utkast CSV · JSON",
        "2024 Patientsäkerhets- och kvalitetsberättelse 2024 Fastställd 2025-02-20 av"
        " Socialnämnden CSV · JSON",
    ]
    assert [a["href"] for a in years.select("tbody a")][:3] == [
        "2025/",
        "2025/nyckeltal.csv",
        "2025/nyckeltal.json",
    ]
    trend = table_with(index, "Nyckeltal år för år")
    first = [c.get_text() for c in trend.tbody.tr.find_all(["th", "td"])]
    assert first == ["SoL-avvikelser", "76", "85"]


def test_draft_has_banner_and_approved_year_shows_decision(example_site: Path) -> None:
    draft = page(example_site, 2025)
    assert "UTKAST" in draft.select_one(".ls-draft-banner").get_text()
    approved = page(example_site, 2024)
    assert approved.select_one(".ls-draft-banner") is None
    # 2024 was rättad when reports/historik.yml gave it earlier years' values.
    assert approved.select_one(".ls-approved").get_text(" ", strip=True) == (
        "Fastställd av Socialnämnden 2025-02-20, § 18, dnr SN 2025/0031."
        " Rättad efter beslutet, se Rättelser ."
    )


def test_combined_template_renders_every_section_in_order(example_site: Path) -> None:
    reports = example_reports()
    for year in (2024, 2025):
        headings = [h["id"] for h in page(example_site, year).find_all(["h2", "h3"], id=True)]
        expected = section_ids(reports.templates["kombinerad"], year)
        assert [h for h in headings if h in expected] == expected


def test_key_figures_summary_at_the_top(example_site: Path) -> None:
    items = page(example_site, 2025).select(".ls-key-figures li")
    assert items[0].get_text() == f"85 SoL-avvikelser, +12{NBSP}% jämfört med 2024"
    figures = example_reports().figures[2025]
    for item in items:
        assert item.get_text() == figures[item["data-figur"]].summary()


def test_narrative_figures_match_the_tables(example_site: Path) -> None:
    article = page(example_site, 2024)
    section = article.find(id="avvikelser").find_next("p", string=re.compile("rapporterades"))
    sol_in_text = re.search(r"rapporterades (\d+) avvikelser enligt SoL", section.get_text())
    table = table_with(article, "individnivå")
    sol_row = next(r for r in table.find_all("tr") if "SoL" in r.th.get_text())
    assert sol_in_text is not None
    assert sol_in_text.group(1) == sol_row.find("td").get_text() == "76"
    complaints = article.find(id="klagomal-och-synpunkter").find_next(
        "p", string=re.compile("Förvaltningen tog emot")
    )
    summary = table_with(article, "per enhet och avsändare")
    total = summary.tfoot.find("tr").find_all("td")[-1].get_text()
    assert f"tog emot {total} klagomål" in complaints.get_text()


def test_risk_matrix_has_count_and_class_in_every_cell(example_site: Path) -> None:
    matrix = page(example_site, 2025).select_one("table.ls-risk-matrix")
    cells = matrix.select("td.ls-risk")
    assert len(cells) == 25
    assert all(c.select_one(".ls-risk-class").get_text() for c in cells)
    counts = [c.select_one(".ls-risk-count").get_text() for c in cells]
    assert sum(int(n) for n in counts) == 13  # every risk in the register
    assert cells[4].get_text(" ", strip=True) == "0 Kritisk (25)"
    assert cells[4]["class"] == ["ls-risk", "ls-risk--5"]
    assert cells[20]["class"] == ["ls-risk", "ls-risk--1"]  # 1 × 1, lowest class


def test_charts_are_accessible_and_have_a_table(example_site: Path) -> None:
    article = page(example_site, 2025)
    charts = article.find_all("svg")
    assert len(charts) >= 10
    for svg in charts:
        assert svg["role"] == "img"
        assert svg.find("title").get_text() and svg.find("desc").get_text()
        pair = svg.find_parent(class_="ls-chart-pair")
        assert pair is not None and pair.find("table") is not None


def test_follow_up_of_last_years_improvements(example_site: Path) -> None:
    article = page(example_site, 2025)
    table = table_with(article, "Uppföljning")
    assert (
        table.caption.get_text()
        == "Uppföljning av förbättringsområden från 2024: 4 av 5 genomförda"
    )
    statuses = [r.find_all("td")[3].get_text() for r in table.tbody.find_all("tr")]
    assert statuses == [
        "Genomförd",
        "Genomförd",
        "Genomförd",
        "Pågående",
        "Genomförd (redan 2024)",
    ]


def test_open_data_json_and_csv(example_site: Path) -> None:
    folder = example_site / "kvalitetsberattelse" / "2025"
    data = json.loads((folder / "nyckeltal.json").read_text(encoding="utf-8"))
    assert (data["år"], data["status"], data["fastställd"]) == (2025, "utkast", None)
    approved = json.loads((folder.parent / "2024" / "nyckeltal.json").read_text(encoding="utf-8"))[
        "fastställd"
    ]
    assert approved == {
        "datum": "2025-02-20",
        "av": "Socialnämnden",
        "paragraf": "§ 18",
        "dnr": "SN 2025/0031",
    }
    by_name = {f["namn"]: f for f in data["figurer"]}
    assert by_name["avvikelser.sol.total"] == {
        "namn": "avvikelser.sol.total",
        "beskrivning": "SoL-avvikelser",
        "värde": 85,
        "enhet": "",
        "föregående_år": 2024,
        "föregående_värde": 76,
        "förändring": 9,
        "förändring_procent": 12,
        "uppgift_saknas": 0,
        "riktning": None,
        "utveckling": None,
        "mätår": None,
    }
    raw = (folder / "nyckeltal.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["namn", "beskrivning", "värde", "enhet"]
    share = next(r for r in rows if r[0] == "klagomal.andel-i-tid")
    assert share[2:7] == ["97,9", "%", "2024", "88,6", "9,3"]
    assert len(rows) - 1 == len(example_reports().figures[2025].figures)


@pytest.fixture(scope="module")
def city_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with both years on the city template and a docs page using figure()."""
    root = copy_example(tmp_path_factory.mktemp("stad"))
    renames = {
        "sammanfattning": "inledning",
        "uppfoljning-forbattringsomraden": "utveckling-och-forbattringar",
        "mal-kommande-ar": "utveckling-av-kvalitetsarbetet",
        "riskanalys": "riskhantering",
        "informationssakerhet": "personuppgiftsincidenter",
        "organisatoriskt-ansvar": "ansvar",
        "sa-har-arbetet-bedrivits": "beskrivning",
        "indikatorer-och-granskningar": "uppfoljning-och-utvardering",
    }
    city = section_ids(example_reports().templates["stad"])
    for year in (2024, 2025):
        folder = root / "reports" / str(year)
        meta = folder / "report.yml"
        meta.write_text(
            meta.read_text(encoding="utf-8").replace("mall: kombinerad", "mall: stad"),
            encoding="utf-8",
        )
        for text in (folder / "text").glob("*.md"):
            target = renames.get(text.stem, text.stem)
            if target in city:
                text.rename(text.with_name(f"{target}.md"))
            else:
                text.unlink()
    record_correction(root, 2024)  # 2024 is fastställd: changing it is a rättelse
    (root / "docs" / "siffror.md").write_text(
        "---\nrender_macros: true\n---\n# Siffror\n\n"
        'SoL: {{ figure("avvikelser.sol.total") }}. '
        'Klagomål 2024: {{ figure("klagomal.total", year=2024, visa="sammanfattning") }}.\n',
        encoding="utf-8",
    )
    return build_site(root)


def test_city_template_renders_every_section_in_order(city_site: Path) -> None:
    for year in (2024, 2025):
        expected = section_ids(example_reports().templates["stad"], year)
        article = page(city_site, year)
        headings = [h["id"] for h in article.find_all(["h2", "h3"], id=True)]
        assert [h for h in headings if h in expected] == expected
        top = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in article.find_all("h2")]
        assert top[1:4] == [
            "2 Ansvar för kvalitetsarbetet",
            "3 Beskrivning av kvalitetsarbetet",
            "4 Avvikelsehantering",
        ]


def test_figure_macro_on_docs_pages(city_site: Path) -> None:
    text = soup(city_site / "siffror" / "index.html").find("article").get_text()
    assert "SoL: 85." in text
    # 2023's 38 comes from reports/historik.yml.
    assert f"Klagomål 2024: 35 klagomål och synpunkter, −8{NBSP}% jämfört med 2023." in text


def test_figure_macro_with_unknown_name_fails_the_build(example_root: Path) -> None:
    (example_root / "docs" / "fel.md").write_text(
        '---\nrender_macros: true\n---\n# Fel\n\n{{ figure("avvikelser.soll.total") }}\n',
        encoding="utf-8",
    )
    result = run_mkdocs_build(example_root)
    assert result.returncode != 0
    assert 'figuren "avvikelser.soll.total" finns inte för 2025' in result.stdout + result.stderr


def test_ids_are_unique_on_report_pages(example_site: Path) -> None:
    for year in (2024, 2025):
        html = soup(example_site / "kvalitetsberattelse" / str(year) / "index.html")
        ids = [e["id"] for e in html.find_all(id=True)]
        assert len(ids) == len(set(ids))


def test_risk_register_names_process_delprocess_and_activity(example_site: Path) -> None:
    register = table_with(page(example_site, 2025), "Riskregister")
    # Three columns, each with its secondary values stacked below the main one.
    assert [th.get_text() for th in register.select("thead th")] == [
        "Risk, process och aktivitet",
        "Riskvärde och klass",
        "Åtgärd, status och ansvarig",
    ]
    first = register.tbody.tr.find_all(["th", "td"])
    risk, process = first[0].get_text("|").split("|", 1)
    assert risk == "Fallrisk bedöms inte vid start av hemtjänst"
    assert process == "Hemtjänst › Genomförande › Bedöma behov av hälso- och sjukvård"
    assert first[0].a["href"] == "../../processer/hemtjanst/#steg-bedoma-hsl"
    mark = first[1].select_one(".ls-risk-mark")
    assert mark.get_text() == "16 Kritisk" and "ls-risk--5" in mark["class"]
    assert first[1].select_one(".ls-cell-detail").get_text() == "sannolikhet 4 × konsekvens 4"


def test_links_to_process_steps_reach_their_anchor(example_site: Path) -> None:
    broken = []
    for year in (2024, 2025):
        source = example_site / "kvalitetsberattelse" / str(year) / "index.html"
        for anchor in page(example_site, year).select("a[href*='#']"):
            path, _, target_id = anchor["href"].partition("#")
            if not path or re.match(r"^[a-z]+:", path):
                continue
            target = (source.parent / path).resolve() / "index.html"
            if soup(target).find(id=target_id) is None:
                broken.append(anchor["href"])
    assert broken == []


def test_indicators_compare_with_last_year_and_keep_their_history(example_site: Path) -> None:
    table = table_with(page(example_site, 2025), "Indikatorer")
    first = [c.get_text("|") for c in table.tbody.tr.find_all(["th", "td"])]
    assert first[1:] == [
        # Another indicator is measured another year, so each value names its mätår.
        f"13{NBSP}personal|2025",
        f"15{NBSP}personal|2024|−13\u00a0%",
        "Förbättring",
        "12|mål nått: nej",
        "16 (Riket)",
        "2022: 17, 2023: 16",
    ]
