"""Egna räknade uppgifter (issue 10): an organisation's own counted kinds, end to end.

tests/fixtures/egna defines domar (instans, utfall) and felaktiga utbetalningar (åtgärd,
belopp, från föregående år) in reports/config.yml, with 2024 and 2025 data files. Each test
finds the figures on the year page, in the PDF and in nyckeltal.json, the narrative rule
refusing a literal count of the new noun, and `check` refusing bad rows and definitions.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from ledningssystem.core.load import read_handbook
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import Linker
from ledningssystem.core.yaml_lines import parse_yaml
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.portal.schema import schema_documents, vscode_yaml_schemas
from ledningssystem.report.blocks import BlockContext
from ledningssystem.report.blocks_own import own_kind
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.load import load_reports
from ledningssystem.report.meta import ReportMeta, ReportStatus
from ledningssystem.report.reader import ReportReader
from ledningssystem.report.seal import seal_holds, sealed_fingerprint
from tests.conftest import REPO, build_site, copy_example
from tests.test_report_real import read_year, row

FIXTURE = REPO / "tests" / "fixtures" / "egna" / "reports"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = copy_example(tmp_path_factory.mktemp("egna"))
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    return read_year(root / "site" / "kvalitetsberattelse" / "2025")


def test_domar_table_and_chart_text(built: dict[str, Any]) -> None:
    caption = "Domar efter överklagande 2025 per enhet och utfall"
    assert row(built, caption, "Enheten för ekonomiskt bistånd")[1:] == ["8", "2", "0", "0", "10"]
    summa = row(built, caption, "Summa")[1:]
    assert summa == ["8", "2", "1", "1", "12"]
    body = [
        row(built, caption, unit)[-1]
        for unit in ("Enheten för ekonomiskt bistånd", "LSS-handläggning")
    ]
    assert sum(int(cell) for cell in body) == int(summa[-1])  # footer = body sum
    assert row(built, "Domar efter överklagande 2025 i sammandrag", "Antal")[1:3] == ["12", "7"]


def test_own_figures_in_open_data(built: dict[str, Any]) -> None:
    figures = built["json"]
    assert figures["domar.total"]["värde"] == 12
    assert figures["domar.utfall.uppgift-saknas"]["värde"] == 1
    assert figures["domar.instans.kammarratt"]["värde"] == 1
    assert figures["domar.avdelning.ifo"]["värde"] == 10
    assert figures["felaktiga-utbetalningar.total"]["värde"] == 8
    assert figures["felaktiga-utbetalningar.fran-foregaende-ar"]["värde"] == 4
    assert figures["felaktiga-utbetalningar.nya-under-aret"]["värde"] == 4
    assert figures["felaktiga-utbetalningar.belopp"]["värde"] == 165500
    assert figures["felaktiga-utbetalningar.belopp"]["uppgift_saknas"] == 1


def test_the_cross_of_two_columns_on_the_page_in_the_pdf_and_open_data(
    built: dict[str, Any],
) -> None:
    caption = "Domar efter överklagande 2025 per instans och utfall"
    assert row(built, caption, "Förvaltningsrätten")[1:] == ["7", "2", "1", "1", "11"]
    assert row(built, caption, "Kammarrätten")[1:] == ["1", "0", "0", "0", "1"]
    assert row(built, caption, "Summa")[1:] == ["8", "2", "1", "1", "12"]
    assert caption in built["pdf"]
    assert "Förvaltningsrätten 7 2 1 1 11" in built["pdf"]
    figures = built["json"]
    assert figures["domar.forvaltningsratt.faststallt"]["värde"] == 7
    assert figures["domar.forvaltningsratt.uppgift-saknas"]["värde"] == 1
    assert figures["domar.kammarratt.andrat"]["värde"] == 0
    assert "domar.kammarratt.uppgift-saknas" not in figures  # no such row: no figure


def test_a_share_with_an_unknown_in_its_column_is_uppgift_saknas(built: dict[str, Any]) -> None:
    share = built["json"]["domar.andel.faststallda"]
    assert (share["värde"], share["uppgift_saknas"], share["enhet"]) == (None, 1, "%")
    label = "Andel domar där nämndens beslut fastställdes"
    cells = row(built, "Domar efter överklagande 2025 i sammandrag", label)
    assert cells[1] == "uppgift saknas"
    assert cells[2] == "85,7 % (6 av 7)"  # a base below 10 says what it is of


def test_own_figures_on_page_and_in_pdf(built: dict[str, Any]) -> None:
    sentence = "Under året kom 12 domar efter överklagande."
    assert sentence in built["page"] and sentence in built["pdf"]
    assert "Domar efter överklagande 2025 per enhet och instans" in built["pdf"]
    assert "varav 4 från föregående år" in built["pdf"]
    cited = "fastställde nämndens beslut i 7 fall. Andelen fastställda av alla är uppgift saknas,"
    assert cited in built["page"] and cited in built["pdf"]  # figure() of a cell and a share


@pytest.fixture(scope="module")
def handbook() -> Ledningssystem:
    return read_handbook(REPO)[0]


def errors_with(tmp_path: Path, handbook: Ledningssystem, files: dict[str, str]) -> list[str]:
    """Every problem `load_reports` finds in the fixture with `files` written over it."""
    shutil.copytree(FIXTURE, tmp_path / "reports")
    for path, text in files.items():
        target = tmp_path / "reports" / path
        if text:
            target.write_text(text, encoding="utf-8")
        else:
            target.unlink()
    return [e.format() for e in load_reports(tmp_path, handbook)[1]]


CONFIG = (FIXTURE / "config.yml").read_text(encoding="utf-8")


def test_a_literal_count_of_the_new_noun_is_refused(
    tmp_path: Path, handbook: Ledningssystem
) -> None:
    text = "Under året kom 12 domar efter överklagande.\n"
    found = errors_with(tmp_path, handbook, {"2025/text/indikatorer-och-granskningar.md": text})
    assert found == [
        "reports/2025/text/indikatorer-och-granskningar.md:1 – "
        '"12 domar": skriv {{ figure("domar.total") }} (ger 12 i datafilerna).'
    ]


def test_an_unknown_column_value(tmp_path: Path, handbook: Ledningssystem) -> None:
    rows = "enhet;instans;utfall;antal\nekonomiskt-bistand;tingsratt;faststallt;1\n"
    assert errors_with(tmp_path, handbook, {"2025/domar.csv": rows}) == [
        'reports/2025/domar.csv:2 – fältet "instans": värdet "tingsratt" finns inte. Menade du '
        '"forvaltningsratt"? Se egna_uppgifter › domar › kolumner › instans i reports/config.yml.'
    ]


def test_a_missing_file_and_the_ingen_data_marker(tmp_path: Path) -> None:
    """A fastställd year must have the file or say ingen_data; a draft may lack it still."""
    shutil.copytree(FIXTURE, tmp_path / "reports")
    folder = tmp_path / "reports" / "2024"
    (folder / "domar.csv").unlink()
    reader = ReportReader(tmp_path)
    own = reader.config().own
    draft = read_meta(folder)
    approved = draft.model_copy(update={"status": ReportStatus.APPROVED})
    assert reader.own_rows(folder, draft, own).keys() == {"felaktiga-utbetalningar"}
    assert reader.errors == []
    reader.own_rows(folder, approved, own)
    assert [e.format() for e in reader.errors] == [
        "reports/2024/domar.csv: filen saknas: Domar efter överklagande är en egen uppgift i "
        "reports/config.yml. Skriv årets rader i domar.csv eller domar.yml, eller skriv "
        "ingen_data: [domar] i report.yml om året inte har uppgiften."
    ]
    reader.errors.clear()
    marked = approved.model_copy(update={"no_data": ("domar",)})
    reader.own_rows(folder, marked, own)
    assert reader.errors == []


def test_a_kind_defined_twice_and_a_noun_clash(tmp_path: Path, handbook: Ledningssystem) -> None:
    """Each on the line of the second kind; the first keeps working, so the texts' figures of
    domar are found (those of felaktiga-utbetalningar, renamed, are indeed missing)."""
    twice = CONFIG.replace("id: felaktiga-utbetalningar", "id: domar")
    found = errors_with(tmp_path / "a", handbook, {"config.yml": twice})
    assert found == [
        'reports/config.yml:30 – fältet "egna_uppgifter nr 2 › id": id "domar" finns redan '
        "(rad 7). Ge varje egen uppgift ett eget id.",
        'reports/config.yml:5 – fältet "nyckeltal nr 2": figuren "felaktiga-utbetalningar.total" '
        "finns inte för något år.",
        'reports/2025/text/indikatorer-och-granskningar.md:2 – fältet "figure": figuren '
        '"felaktiga-utbetalningar.total" finns inte för 2025. Alla figurer finns i nyckeltal.csv '
        "för året.",
        'reports/2025/text/indikatorer-och-granskningar.md:3 – fältet "figure": figuren '
        '"felaktiga-utbetalningar.fran-foregaende-ar" finns inte för 2025. Alla figurer finns i '
        "nyckeltal.csv för året.",
    ]
    clash = CONFIG.replace("[felaktig utbetalning,", "[domar, felaktig utbetalning,")
    found = errors_with(tmp_path / "b", handbook, {"config.yml": clash})
    assert found == [
        'reports/config.yml:32 – fältet "egna_uppgifter nr 2 › ord": ordet "domar" räknas redan '
        "av figuren domar.total. Ett tal före ett ord kan bara vara en figur; ta bort ordet ur "
        "den ena."
    ]


def test_a_broken_kind_is_told_once_and_independent_problems_still_are(
    tmp_path: Path, handbook: Ledningssystem
) -> None:
    """domar without a value's name: that one error, not its five figures missing from the
    text and nyckeltal; felaktiga-utbetalningar still works, so its bad row is reported."""
    broken = CONFIG.replace("{id: kammarratt, namn: Kammarrätten}", "{id: kammarratt}")
    rows = "rader:\n  - {enhet: ekonomiskt-bistand, atgard: aterkrv, antal: 2}\n"
    found = errors_with(
        tmp_path, handbook, {"config.yml": broken, "2025/felaktiga-utbetalningar.yml": rows}
    )
    assert found == [
        'reports/config.yml:16 – fältet "egna_uppgifter nr 1 › kolumner nr 1 › värden nr 2 › '
        'namn": fältet saknas. Lägg till det. Namnet som visas, t.ex. Bemötande.',
        'reports/2025/felaktiga-utbetalningar.yml:2 – fältet "atgard": värdet "aterkrv" finns '
        'inte. Menade du "aterkrav"? Se egna_uppgifter › felaktiga-utbetalningar › kolumner › '
        "atgard i reports/config.yml.",
    ]


def test_a_section_no_template_has_is_told_once_on_its_line(
    tmp_path: Path, handbook: Ledningssystem
) -> None:
    """Both years use the template: one error, on the line of avsnitt."""
    moved = CONFIG.replace(
        "avsnitt: indikatorer-och-granskningar\n    kolumner",
        "avsnitt: indikatorer\n    kolumner",
        1,
    )
    found = errors_with(tmp_path, handbook, {"config.yml": moved})
    assert len(found) == 1
    assert found[0].startswith(
        'reports/config.yml:10 – fältet "egna_uppgifter › domar › avsnitt": mallen "kombinerad" '
        "har inget av avsnitten indikatorer. Avsnitt i mallen: sammanfattning, "
    )


def read_meta(folder: Path) -> ReportMeta:
    return ReportMeta.model_validate(parse_yaml((folder / "report.yml").read_text("utf-8"))[0])


def test_a_kind_for_later_years_keeps_the_fastställd_seal(tmp_path: Path) -> None:
    """The example adds domar from 2025: its fastställd 2024 reads the same config."""
    reports = copy_example(tmp_path) / "reports"
    assert seal_holds(reports / "2024", sealed_fingerprint(read_meta(reports / "2024")))
    config = (reports / "config.yml").read_text(encoding="utf-8")
    (reports / "config.yml").write_text(config.replace("    från_år: 2025\n", ""), "utf-8")
    assert not seal_holds(reports / "2024", sealed_fingerprint(read_meta(reports / "2024")))


def test_make_schema_writes_a_schema_per_own_kind(tmp_path: Path) -> None:
    """Own kinds come from reports/config.yml, so their schemas are made from it."""
    shutil.copytree(FIXTURE, tmp_path / "reports")
    documents = schema_documents(tmp_path)
    schema = json.loads(documents["berattelse-egen-felaktiga-utbetalningar.schema.json"])
    row = schema["$defs"]["OwnRow_felaktiga-utbetalningar"]["properties"]
    assert row["atgard"]["anyOf"][0] == {"enum": ["polisanmalan", "aterkrav", "ingen"]}
    assert set(row) == {"enhet", "antal", "atgard", "belopp", "från_föregående_år"}
    assert schema["properties"]["rader"]["type"] == "array"
    globs = vscode_yaml_schemas("schemas", tmp_path)
    assert globs["./schemas/berattelse-egen-domar.schema.json"] == ["reports/*/domar.yml"]


def own_block(tmp_path: Path, files: dict[str, str | None]) -> BeautifulSoup:
    """The 2025 domar block of the fixture with `files` written over it (None: removed)."""
    root = copy_example(tmp_path)
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    for path, text in files.items():
        target = root / "reports" / path
        if text is None:
            target.unlink()
        else:
            target.write_text(text, encoding="utf-8")
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert errors == []
    kind = next(k for k in reports.config.own if k.id == "domar")
    ctx = BlockContext(reports.years[2025], reports.figures[2025], reports, content, LINK)
    return BeautifulSoup(own_kind(ctx, kind), "html.parser")


LINK = Linker("kvalitetsberattelse/2025/index.md")
NO_COUNT = {"2025/text/indikatorer-och-granskningar.md": "Domarna redovisas nedan.\n"}


def test_an_absent_file_shows_no_number(tmp_path: Path) -> None:
    block = own_block(tmp_path, {"2025/domar.csv": None, **NO_COUNT})
    assert block.find("table") is None
    assert block.select_one(".ls-report-empty").get_text() == (
        "Uppgift saknas: reports/2025/domar.csv (eller .yml) finns inte, så inget antal visas."
    )


def test_ingen_data_says_the_year_has_none(tmp_path: Path) -> None:
    meta = (FIXTURE / "2025" / "report.yml").read_text(encoding="utf-8") + "ingen_data: [domar]\n"
    block = own_block(tmp_path, {"2025/domar.csv": None, "2025/report.yml": meta, **NO_COUNT})
    assert block.find("table") is None
    assert "Året har inga uppgifter om domar efter överklagande" in block.get_text()


def test_an_empty_file_is_a_known_zero_without_empty_tables(tmp_path: Path) -> None:
    block = own_block(tmp_path, {"2025/domar.csv": "enhet;instans;utfall;antal\n", **NO_COUNT})
    tables = block.find_all("table")
    assert [t.caption.get_text(" ", strip=True) for t in tables] == [
        "Domar efter överklagande 2025 i sammandrag"
    ]
    cells = [
        c.get_text(strip=True) for c in tables[0].find("tbody").find("tr").find_all(["th", "td"])
    ]
    assert cells[:2] == ["Antal", "0"]


CROSS = '23 – fältet "egna_uppgifter nr 1 › korstabeller": '


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{rader: instans, kolumner: utfall}",
            "{rader: instans, kolumner: domstol}",
            CROSS + 'kolumnen "domstol" finns inte i kolumner (finns: instans, utfall).',
        ),
        (
            "{rader: instans, kolumner: utfall}",
            "{rader: utfall, kolumner: utfall}",
            CROSS + 'rader och kolumner är båda "utfall".',
        ),
        (
            "{id: kammarratt, namn: Kammarrätten}",
            "{id: total, namn: Kammarrätten}",
            CROSS + 'värdet "total" i instans är redan ett figurnamn.',
        ),
        (
            "värden: [faststallt]",
            "värden: [upphavt]",
            '25 – fältet "egna_uppgifter nr 1 › andelar": "upphavt" är inget värde i utfall '
            "(faststallt, andrat, aterforvisat).",
        ),
    ],
)
def test_a_cross_or_share_that_names_no_column_or_value(
    tmp_path: Path, handbook: Ledningssystem, old: str, new: str, message: str
) -> None:
    assert old in CONFIG
    found = errors_with(tmp_path, handbook, {"config.yml": CONFIG.replace(old, new)})
    assert found == [f"reports/config.yml:{message}"]  # the root problem only, once


def test_a_share_of_few_changes_from_to_and_of_many_in_procentenheter() -> None:
    before, now = FigureSet(2024), FigureSet(2025)
    before.add_share("domar.andel.x", "Andel", 6, 7, 0)
    now.add_share("domar.andel.x", "Andel", 2, 4, 0)
    few = now.with_previous(before)["domar.andel.x"]
    assert few.change() == "från 6 av 7 till 2 av 4"
    assert few.text() == "50,0\u00a0% (2 av 4)"
    before.add_share("domar.andel.y", "Andel", 60, 70, 0)
    now.add_share("domar.andel.y", "Andel", 20, 40, 0)
    assert now.with_previous(before)["domar.andel.y"].change() == "−35,7\u00a0procentenheter"
    now.add_share("domar.andel.z", "Andel", 20, 40, 3)  # 3 with okänt: not a lower bound
    assert now["domar.andel.z"].cell() == "uppgift saknas"
    now.add_share("domar.andel.tom", "Andel", 0, 0, 0)  # a share of nothing is no figure
    assert "domar.andel.tom" not in now
