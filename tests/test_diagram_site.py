"""Built sites: every process page has a map and a RACI table that agree with the YAML, every
box links somewhere real, the diagrams are accessible, and a wrong id in a macro stops the build."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from ledningssystem.bpmn.export import render_bpmn
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO, build_site, copy_example, run_mkdocs_build, soup
from tests.diagram_fixtures import FIXTURE_PORTAL

CONTENT = (
    "ledningssystem.yml",
    "processes",
    "routines",
    "roles",
    "requirements",
    "arshjul",
    "reports",
)


def fixture_portal(target: Path) -> Path:
    """The example site's glue (mkdocs.yml, docs/, hooks, macros) with the fixture content."""
    root = copy_example(target)
    for name in CONTENT:
        path = root / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        source = FIXTURE_PORTAL / name
        if source.is_dir():
            shutil.copytree(source, path)
        elif source.exists():
            shutil.copy2(source, path)
    return root


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(fixture_portal(tmp_path_factory.mktemp("diagrams")))


def _sites(example_site: Path, fixture_site: Path) -> list[tuple[Path, Path]]:
    return [(example_site, REPO), (fixture_site, FIXTURE_PORTAL)]


def _page(site: Path, src_dir: str) -> BeautifulSoup:
    return soup(site / src_dir / "index.html")


def test_every_process_page_has_a_map_a_text_alternative_and_a_table(
    example_site: Path, fixture_site: Path
) -> None:
    for site, root in _sites(example_site, fixture_site):
        for process_id, process in load_ledningssystem(root).processes.items():
            html = _page(site, f"processer/{process_id}")
            assert html.select_one("svg.ls-map"), process_id
            spots = html.select(".ls-canvas:has(svg.ls-map) > a.ls-hotspot[href*='#steg-']")
            assert [a["href"] for a in spots] == [f"./#steg-{s.id}" for s in process.steps]
            region = html.select_one("div.ls-diagram:has(svg.ls-map)")
            assert region is not None
            alternative = region.find_next_sibling("details", class_="ls-diagram-text")
            assert alternative is not None and alternative.has_attr("open")
            assert html.select_one("table.ls-raci"), process_id


def test_raci_tables_agree_with_the_yaml(fixture_site: Path, example_site: Path) -> None:
    for site, root in _sites(example_site, fixture_site):
        content = load_ledningssystem(root)
        names = {role.name: role_id for role_id, role in content.roles.items()}
        for path in sorted((root / "processes").glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            table = _page(site, f"processer/{data['id']}").select_one("table.ls-raci")
            assert isinstance(table, Tag)
            headers = [names[th.get_text(strip=True)] for th in table.select("thead th")[1:]]
            expected_roles = {role for step in data["steg"] for role in step["ansvar"]}
            assert set(headers) == expected_roles and len(headers) == len(expected_roles)
            rows = table.select("tbody tr")
            assert len(rows) == len(data["steg"])
            for row, step in zip(rows, data["steg"], strict=True):
                assert row.th is not None and step["namn"] in row.th.get_text()
                cells = [td.get_text(strip=True) for td in row.find_all("td")]
                assert dict(zip(headers, cells, strict=True)) == {
                    role: step["ansvar"].get(role, "") for role in headers
                }


def _resolve(page: Path, href: str) -> tuple[Path, str]:
    path, _, anchor = href.partition("#")
    target = (page.parent / path).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target, anchor


def test_every_box_links_to_its_step(example_site: Path, fixture_site: Path) -> None:
    checked = 0
    ids: dict[Path, set[str]] = {}  # each target page parsed once, not once per link to it
    for site, _ in _sites(example_site, fixture_site):
        for page in sorted(site.rglob("index.html")):
            if "ls-hotspot" not in page.read_text(encoding="utf-8"):
                continue  # no box on this page (parsing every page took most of the time)
            for link in soup(page).select(".ls-canvas a.ls-hotspot[href]"):
                target, anchor = _resolve(page, link["href"])
                assert target.is_file(), f"{page}: {link['href']}"
                if anchor:
                    if target not in ids:
                        ids[target] = {tag["id"] for tag in soup(target).find_all(id=True)}
                    assert anchor in ids[target], f"{page}: {link['href']} has no #{anchor}"
                checked += 1
    assert checked > 10


def test_links_and_anchors_on_diagram_pages_resolve(fixture_site: Path) -> None:
    """Role pages link to årshjul months and process steps; the årshjul links to roles."""
    pages = ["arshjul", "processer", "roller/kvalitetschef", "roller/enhetschef", ""]
    for src in pages:
        page = fixture_site / src / "index.html"
        for link in soup(page).select("article a[href]"):
            href = link["href"]
            if href.startswith(("http", "#")):
                continue
            target, anchor = _resolve(page, href)
            assert target.is_file(), f"{src}: {href}"
            if anchor:
                assert soup(target).find(id=anchor), f"{src}: {href} has no #{anchor}"


def test_diagrams_are_accessible(fixture_site: Path) -> None:
    pages = ["processer/hemtjanst", "arshjul", ""]
    for src in pages:
        html = _page(fixture_site, src)
        svgs = html.select("svg.ls-svg")
        assert svgs, src
        for svg in svgs:
            assert svg["role"] == "img"
            ids = svg["aria-labelledby"].split()
            assert [svg.find(id=i).name for i in ids] == ["title", "desc"]
            region = svg.parent.parent
            assert "ls-canvas" in svg.parent["class"]
            assert region.name == "div" and "ls-diagram" in region["class"]
            assert region["tabindex"] == "0" and region["role"] == "region"
            assert region["aria-label"]
            # A role="img" picture has no links inside (axe: nested-interactive); the links
            # on top of it are for the mouse only, the text alternative carries them for all.
            assert not svg.find("a")
            assert not svg.find(attrs={"style": True})
            for spot in svg.parent.find_all("a", recursive=False):
                assert spot["tabindex"] == "-1" and spot["aria-hidden"] == "true"
            fills = [el.get("fill") for el in svg.find_all(True) if el.get("fill")]
            assert set(fills) <= {"none", "currentColor"}, "colours belong in diagrams.css"


def test_start_page_shows_the_landscape_with_every_process(fixture_site: Path) -> None:
    svg = _page(fixture_site, "").select_one("svg.ls-landscape")
    assert svg is not None
    linked = {a["href"].strip("/").split("/")[-1] for a in svg.parent.select("a.ls-hotspot")}
    assert linked == set(load_ledningssystem(FIXTURE_PORTAL).processes)
    assert [t.get_text() for t in svg.select(".ls-band-label")] == [
        "Styrprocesser",
        "Huvudprocesser",
        "Stödprocesser",
    ]


def test_arshjul_page_is_in_the_navigation_and_lists_every_month(fixture_site: Path) -> None:
    html = _page(fixture_site, "arshjul")
    assert html.select_one("svg.ls-arshjul")
    months = [dt.get_text() for dt in html.select(".ls-arshjul-list dt")]
    assert months[0] == "Januari" and len(months) == 12
    december = html.select_one("#manad-12 + dd")
    assert december is not None
    assert "Riskanalys inför vintern" in december.get_text()
    assert "15 december" in december.get_text()
    nav = [a.get_text(strip=True) for a in _page(fixture_site, "").select(".md-tabs a")]
    assert "Årshjul" in nav


def test_role_page_shows_steps_rutiner_and_activities(fixture_site: Path) -> None:
    text = _page(fixture_site, "roller/kvalitetschef").get_text(" ", strip=True)
    assert "Följa upp insatsen" in text
    assert "Rapportera en avvikelse" in text
    assert "Kvalitetsberättelse" in text


def test_a_wrong_process_id_stops_the_build_and_names_the_page(tmp_path: Path) -> None:
    root = fixture_portal(tmp_path / "portal")
    (root / "docs" / "trasig.md").write_text(
        '---\nrender_macros: true\n---\n\n# Trasig\n\n{{ process_map("finns-inte") }}\n',
        encoding="utf-8",
    )
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("en gammal webbplats", encoding="utf-8")
    result = run_mkdocs_build(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/trasig.md" in output
    assert 'processen "finns-inte" finns inte' in output
    processes = sorted(load_ledningssystem(FIXTURE_PORTAL).processes)
    closest = max(processes, key=lambda p: difflib.SequenceMatcher(None, "finns-inte", p).ratio())
    assert f'"{closest}"' in output
    assert "Traceback" not in output
    assert not (root / "site").exists()


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def test_a_map_with_a_decision_an_end_and_a_handover(fixture_site: Path) -> None:
    """Drawn (gateways, conditions, end text, link event), linked (to the other process, its
    BPMN file and the map page) and told in the text alternative, in the built fixture site."""
    page = soup(fixture_site / "processer" / "avvikelser" / "index.html")
    svg = page.select_one("svg.ls-map")
    assert svg is not None
    assert len(svg.select(".ls-gateway--exclusive")) == 1
    assert len(svg.select(".ls-gateway--parallel")) == 1
    conditions = sorted(_text(t) for t in svg.select("text.ls-condition"))
    assert conditions == ["Allvarlig händelse", "Enkel avvikelse", "Personuppgifter berörs"]
    assert [_text(t) for t in svg.select(".ls-event--end text")] == ["Avvikelsen är avslutad"]
    assert [_text(t) for t in svg.select(".ls-event--handover text")] == ["Ledningens genomgång"]
    handover = page.select_one("a.ls-hotspot[title='Till processen Ledningens genomgång']")
    assert handover is not None and handover["href"] == "../ledningens-genomgang/"
    assert (fixture_site / "processer" / "ledningens-genomgang" / "index.html").is_file()
    items = [_text(li) for li in page.select("details.ls-diagram-text li")]
    assert items[1].endswith(
        "Beslut, flödet går en av vägarna: om Allvarlig händelse: steg 4 (Utreda orsaker); "
        "om Personuppgifter berörs: steg 3 (Hantera personuppgiftsincident); "
        "om Enkel avvikelse: steg 5 (Åtgärda och följa upp)."
    )
    assert items[4].endswith(
        "Flödet delar sig och alla vägar görs samtidigt: flödet lämnas över till processen "
        "Ledningens genomgång och processen slutar (Avvikelsen är avslutad)."
    )
    text_link = page.select_one("details.ls-diagram-text a[href='../ledningens-genomgang/']")
    assert text_link is not None
    download = page.find("a", string="Ladda ner som BPMN")
    assert isinstance(download, Tag) and download["href"] == "../avvikelser.bpmn"
    content = load_ledningssystem(FIXTURE_PORTAL)
    bpmn = (fixture_site / "processer" / "avvikelser.bpmn").read_text(encoding="utf-8")
    assert bpmn == render_bpmn(content, content.processes["avvikelser"])
    own_page = page.find("a", string="Visa kartan på en egen sida")
    assert isinstance(own_page, Tag) and own_page["href"] == "karta/"
    map_page = soup(fixture_site / "processer" / "avvikelser" / "karta" / "index.html")
    assert map_page.select_one("#anpassad svg.ls-map") is not None


def test_the_other_process_shows_where_it_is_started_from(fixture_site: Path) -> None:
    page = soup(fixture_site / "processer" / "ledningens-genomgang" / "index.html")
    started = next(
        p for p in page.select("details.ls-diagram-text p") if "startas också" in _text(p)
    )
    assert _text(started) == (
        "Processen startas också från: Hantera avvikelser och personuppgiftsincidenter, "
        "steget Åtgärda och följa upp"
    )
    link = started.find("a")
    assert isinstance(link, Tag) and link["href"] == "../avvikelser/#steg-atgarda"
    desc = page.select_one("svg.ls-map desc")
    assert desc is not None and "Startas också från: Hantera avvikelser" in desc.get_text()


def test_processes_are_listed_as_open_data_in_bpmn(fixture_site: Path) -> None:
    page = soup(fixture_site / "processer" / "index.html")
    links = [a["href"] for a in page.select("ul.ls-open-data a")]
    assert sorted(links) == sorted(
        f"{p}.bpmn" for p in load_ledningssystem(FIXTURE_PORTAL).processes
    )
    for href in links:
        assert (fixture_site / "processer" / str(href)).is_file()
