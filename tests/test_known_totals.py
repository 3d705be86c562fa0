"""kända_summor in report.yml: a figure the rows leave unknown, given with its source."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.urls import Linker, report_page
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.export import figures_csv
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.meta import ReportStatus
from ledningssystem.report.year_view import year_view
from tests.conftest import REPO, TINY, run_cli
from tests.test_report_seal import HINT as SEAL_HINT
from tests.test_report_seal import _messages as seal_messages
from tests.test_report_seal import _year as sealed_year

FIXTURE = Path(__file__).parent / "fixtures" / "referens-001"
SOURCE = "Avvikelsesystemets årsrapport"


def portal(tmp_path: Path, entries: str) -> Path:
    """The tiny portal with reference report 001's year, `entries` first in its kända_summor."""
    root = tmp_path / "portal"
    shutil.copytree(TINY, root)
    for part in ("roles", "reports"):
        shutil.copytree(FIXTURE / part, root / part, dirs_exist_ok=True)
    meta = root / "reports" / "2022" / "report.yml"
    key = "kända_summor:\n"
    meta.write_text(meta.read_text(encoding="utf-8").replace(key, key + entries), "utf-8")
    return root


def entry(figure: str, value: int) -> str:
    return f"  - figur: {figure}\n    värde: {value}\n    källa: {SOURCE}\n"


def figures_2022(root: Path) -> FigureSet:
    return load_ledningssystem(root).reports.figures[2022]


def test_a_given_total_fills_the_unknown_figure_and_its_share(tmp_path: Path) -> None:
    figures = figures_2022(portal(tmp_path, entry("avvikelser.uppgift-saknas.utredda", 31)))
    given = figures["avvikelser.uppgift-saknas.utredda"]
    assert (given.value, given.missing, given.source) == (31, 0, SOURCE)
    assert given.text() == "31"
    assert given.cell() == f"31 (uppgift ur {SOURCE})"
    assert given.to_json()["källa"] == SOURCE
    assert f"enligt {SOURCE}" in given.summary()
    share = figures["avvikelser.uppgift-saknas.andel-utredda"]
    assert (share.value, share.missing, share.base) == (83.8, 0, 37)  # 31 of 37
    # The part not given stays unknown.
    assert figures["avvikelser.uppgift-saknas.avslutade"].cell() == "uppgift saknas för 37"
    assert "källa" not in figures["avvikelser.uppgift-saknas.total"].to_json()


def test_the_text_gives_the_known_total_through_figure(tmp_path: Path) -> None:
    root = portal(tmp_path, entry("avvikelser.uppgift-saknas.utredda", 31))
    text = root / "reports" / "2022" / "text" / "sammanfattning.md"
    call = '{{ figure("avvikelser.uppgift-saknas.utredda") }}'
    text.write_text(f"Av dem var {call} utredda.\n", encoding="utf-8")
    texts = load_ledningssystem(root).reports.texts
    # As in a table, the text names where the figure comes from.
    assert texts[(2022, "sammanfattning")] == f"Av dem var 31 (uppgift ur {SOURCE}) utredda.\n"


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(
            entry("avvikelser.uppgift-saknas.total", 37),
            'reports/2022/report.yml:8 – fältet "kända_summor nr 1 › figur": figuren'
            ' "avvikelser.uppgift-saknas.total" är redan känd ur datafilerna (ger 37); ta bort'
            " raden. En känd summa behövs bara där raderna lämnar figuren okänd.",
            id="redan-kand",
        ),
        pytest.param(
            entry("avvikelser.uppgift-saknas.utreda", 31),
            'reports/2022/report.yml:8 – fältet "kända_summor nr 1 › figur": figuren'
            ' "avvikelser.uppgift-saknas.utreda" finns inte. Menade du'
            ' "avvikelser.uppgift-saknas.utredda"?',
            id="okand-figur",
        ),
        pytest.param(
            entry("klagomal.kategori.handlaggning", 4),
            'reports/2022/report.yml:8 – fältet "kända_summor nr 1 › figur": värdet 4 är mindre'
            " än det som datafilerna redan ger (5 kända). Ange minst 5, eller rätta datafilerna.",
            id="under-kanda",
        ),
        pytest.param(
            entry("avvikelser.uppgift-saknas.andel-utredda", 80),
            'reports/2022/report.yml:8 – fältet "kända_summor nr 1 › figur": figuren'
            ' "avvikelser.uppgift-saknas.andel-utredda" är en andel; ange delen i stället.'
            " Andelen räknas ut ur den angivna delen.",
            id="andel",
        ),
    ],
)
def test_a_refused_entry_is_a_clear_error(tmp_path: Path, entries: str, expected: str) -> None:
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(portal(tmp_path, entries))
    assert [e.format() for e in caught.value.errors] == [expected]


def test_every_refused_entry_is_told_at_once(tmp_path: Path) -> None:
    entries = entry("avvikelser.uppgift-saknas.total", 37) + entry("avvikelser.x", 1)
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(portal(tmp_path, entries))
    assert [e.line for e in caught.value.errors] == [8, 11]


def test_a_faststalld_years_seal_covers_its_known_totals(tmp_path: Path) -> None:
    # Adding a kända_summor entry to a fastställd year is a change after the decision.
    folder = sealed_year(tmp_path)
    assert run_cli(tmp_path, "fastställ", "2024", "--utan-pdf").returncode == 0
    meta = folder / "report.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "kända_summor:\n" + entry("x", 1), "utf-8")
    [message] = seal_messages(folder)
    assert message.startswith(
        "reports/2024/report.yml: året 2024 är fastställt och filen har ändrats efter beslutet. "
        + SEAL_HINT
    )


def test_the_share_from_a_known_total_is_marked_with_its_source_in_the_table(
    tmp_path: Path,
) -> None:
    # The individ table's Andel utredda column shows the recomputed share as every other
    # place shows a given figure: with "(uppgift ur …)", not as if counted from rows.
    content = load_ledningssystem(portal(tmp_path, entry("avvikelser.uppgift-saknas.utredda", 31)))
    view = year_view(content.reports, 2022, content, Linker(report_page(2022)))
    html = "\n".join(str(part) for section in view.sections for part in section.parts)
    table = next(
        t
        for t in BeautifulSoup(html, "html.parser").find_all("table")
        if t.caption and t.caption.text.startswith("Avvikelser på individnivå 2022")
    )
    head = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    cells = {
        tr.find(["th", "td"]).get_text(strip=True): [
            c.get_text(" ", strip=True).replace("\u00a0", " ") for c in tr.find_all(["th", "td"])
        ]
        for tr in table.tbody.find_all("tr")
    }
    row = dict(zip(head, cells["Avvikelser av okänd typ (uppgift saknas)"], strict=True))
    assert row["Utredda"] == f"31 (uppgift ur {SOURCE})"
    assert row["Andel utredda"] == f"83,8 % (uppgift ur {SOURCE})"


def test_open_data_csv_names_the_source_of_a_given_figure(tmp_path: Path) -> None:
    # nyckeltal.csv has the källa column of nyckeltal.json: the given figure and the share
    # recomputed from it name their source, a figure counted from rows has an empty cell.
    content = load_ledningssystem(portal(tmp_path, entry("avvikelser.uppgift-saknas.utredda", 31)))
    rows = list(csv.DictReader(io.StringIO(figures_csv(content.reports, 2022)[1:]), delimiter=";"))
    source = {row["namn"]: row["källa"] for row in rows}
    assert source["avvikelser.uppgift-saknas.utredda"] == SOURCE
    assert source["avvikelser.uppgift-saknas.andel-utredda"] == SOURCE
    assert source["avvikelser.uppgift-saknas.total"] == ""
    assert {name for name, given in source.items() if given} == {
        "avvikelser.uppgift-saknas.utredda",
        "avvikelser.uppgift-saknas.andel-utredda",
        # The fixture's own entry: the report's "återkoppling dokumenterad i 3 av 6".
        "klagomal.aterkoppling",
        "klagomal.andel-aterkoppling",
    }


def test_every_years_csv_has_the_column_fastställda_included() -> None:
    # The seal covers a year's inputs (its folder, config, names, template, the year before),
    # not the layout of the open data made from them: the example's fastställd 2024 still
    # loads, and its CSV has the column, empty, like every other year's.
    reports = load_ledningssystem(REPO).reports
    assert reports is not None
    statuses = {data.meta.status for data in reports.years.values()}
    assert ReportStatus.APPROVED in statuses
    for year in reports.years:
        text = figures_csv(reports, year)[1:]
        header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert header[-6:] == ["mätår", "källa", "nedre", "övre", "del", "bas"]
        assert {len(row) for row in rows} == {len(header)}
