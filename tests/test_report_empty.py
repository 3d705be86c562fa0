"""What a förvaltning does not have, and what is not known, read honestly (issue 10).

tests/fixtures/saknas: a förvaltning without LSS and without organisatoriska avvikelser,
two draft years with most data files missing; 2024's SoL avvikelser have an unknown
category and its klagomål an unknown slag on every row, 2025 has an unknown slag and an
unknown category on one row each. The years are rendered in process, as the page and the
PDF show them.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from ledningssystem.core.urls import Linker, report_page
from ledningssystem.pdf.adapter import report_to_pdf_document
from ledningssystem.pdf.engine import render_html
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.completeness import completeness
from ledningssystem.report.load import load_reports
from ledningssystem.report.meta import ReportStatus
from ledningssystem.report.year_view import year_view
from tests.conftest import REPO, copy_example

FIXTURE = REPO / "tests" / "fixtures" / "saknas" / "reports"
NBSP = "\u00a0"
SITE_MARKDOWN = site_markdown_extensions(REPO)


def fixture_root(target: Path) -> Path:
    root = copy_example(target)
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    return root


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, Any]]:
    """Each fixture year's view, its blocks' HTML and its figures."""
    root = fixture_root(tmp_path_factory.mktemp("saknas"))
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    built = {}
    for year in (2024, 2025):
        view = year_view(reports, year, content, Linker(report_page(year)))
        html = "\n".join(str(part) for section in view.sections for part in section.parts)
        built[year] = {"view": view, "soup": BeautifulSoup(html, "html.parser")}
        built[year]["figures"] = reports.figures[year]
    return built


def table(built: dict[str, Any], caption: str) -> Any:
    return next(
        t for t in built["soup"].find_all("table") if t.caption and caption in t.caption.text
    )


def rows(built: dict[str, Any], caption: str) -> dict[str, list[str]]:
    """The table's rows by their first cell, each the texts of its other cells."""
    found = {}
    for tr in table(built, caption).find_all("tr"):
        cells = [c.get_text(" ", strip=True).replace(NBSP, " ") for c in tr.find_all(["th", "td"])]
        found[cells[0]] = cells[1:]
    return found


def test_last_years_unknown_column_is_kept_with_its_sum(years: dict[int, Any]) -> None:
    # 2024 had SoL avvikelser of unknown category, 2025 has none: the column stays, so
    # that "Summa 2024" adds up to last year's total.
    sol = rows(years[2025], "Avvikelser enligt SoL 2025 per enhet och kategori")
    head = sol[""] if "" in sol else sol["Enhet"]
    assert head[-2] == "Uppgift saknas"
    assert sol["Summa"][-2:] == ["0", "5"]
    assert sol["Summa 2024"] == ["3", "0", "2", "5"]
    # A column no row had last year sums to 0 there, not "–" (its rows were all known).
    complaints = rows(years[2025], "Klagomål och synpunkter 2025 per enhet och avsändare")
    assert complaints["Summa 2024"] == ["3", "2", "0", "5"]


def test_a_chart_of_nothing_but_uppgift_saknas_is_not_drawn(years: dict[int, Any]) -> None:
    # 2024: every klagomål has an unknown slag. The table says so; no chart of one bar.
    kinds = rows(years[2024], "Synpunkter per slag")
    for kind in ("Klagomål", "Synpunkt", "Förslag", "Beröm"):
        assert kinds[kind] == ["uppgift saknas"]
    assert kinds["Uppgift saknas"] == ["5"]
    titles = [t.get_text() for t in years[2024]["soup"].find_all("title")]
    assert "Synpunkter per slag" not in titles
    assert "Klagomål per kategori (ett klagomål kan ha flera kategorier)" in titles
    # The figures themselves stay unknown (null in nyckeltal), never 0.
    figure = years[2024]["figures"]["klagomal.slag.synpunkt"]
    assert (figure.value, figure.missing) == (None, 5)


def test_no_bar_for_an_unknown_value(years: dict[int, Any]) -> None:
    for built in years.values():
        for chart in built["soup"].find_all("svg"):
            for bar in chart.select("g.ls-bar"):
                value = bar.select_one(".ls-chart-value").get_text()
                if "uppgift saknas" in value:
                    assert bar.find("rect") is None, chart.find("title").get_text()


def test_an_unknown_choice_counts_once_under_uppgift_saknas(years: dict[int, Any]) -> None:
    # 2025: one klagomål of unknown slag, one of unknown kategori. Each counts once, in the
    # row "Uppgift saknas"; the other rows are what is known, and the rows add up.
    kinds = rows(years[2025], "Synpunkter per slag")
    assert [kinds[k][0] for k in ("Klagomål", "Synpunkt", "Förslag", "Beröm")] == [
        "4",
        "1",
        "0",
        "2",
    ]
    assert kinds["Uppgift saknas"][0] == "1"
    categories = rows(years[2025], "Klagomål per kategori")
    assert categories["Bemötande"][0] == "4"
    assert categories["Handläggning"][0] == "0"
    assert categories["Uppgift saknas"][0] == "1"
    assert not [r for r in categories.values() if r and "uppgift saknas för" in r[0]]
    # figure() and nyckeltal keep the lower bound: a klagomål of unknown slag may be any.
    figure = years[2025]["figures"]["klagomal.slag.klagomal"]
    assert figure.cell() == "4 (uppgift saknas för 1)"


def test_a_kind_the_forvaltning_does_not_have_is_left_out(years: dict[int, Any]) -> None:
    # No LSS and no organisatoriska avvikelser in either year: no "LSS 0", no figure 0.
    for year, built in years.items():
        summary = rows(built, f"Avvikelser på individnivå {year}")
        assert "Avvikelser enligt LSS" not in summary
        assert list(summary)[1:] == ["Avvikelser enligt SoL", "Avvikelser enligt HSL"]
        assert "avvikelser.lss.total" not in built["figures"]
        assert "avvikelser.organisatorisk.total" not in built["figures"]
        assert not built["soup"].find_all(
            "caption", string=lambda t: "Organisatoriska avvikelser" in (t or "")
        )
        text = built["soup"].get_text(" ")
        assert "Inga uppgifter om organisatoriska avvikelser finns för året." in text


def test_a_kind_last_year_had_keeps_its_zero(tmp_path: Path) -> None:
    # A förvaltning that has LSS but no LSS avvikelser this year: 0, against last year's 2.
    root = fixture_root(tmp_path)
    with (root / "reports" / "2024" / "avvikelser.csv").open("a", encoding="utf-8") as f:
        f.write("gruppbostader;lss;bemotande;2;2;2\n")
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    lss = reports.figures[2025]["avvikelser.lss.total"]
    assert (lss.value, lss.previous, lss.change()) == (0, 2, "från 2 till 0")


def test_the_standard_key_figures_ask_for_no_kind_the_forvaltning_lacks(tmp_path: Path) -> None:
    # Without its own nyckeltal the standard list is used; it names HSL, lex Sarah and
    # more, which this förvaltning has not: they are left out, not an error.
    root = fixture_root(tmp_path)
    config = root / "reports" / "config.yml"
    config.write_text(config.read_text(encoding="utf-8").split("nyckeltal:")[0], "utf-8")
    for year in (2024, 2025):
        data = root / "reports" / str(year) / "avvikelser.csv"
        lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
        data.write_text("".join(line for line in lines if ";hsl;" not in line), "utf-8")
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert errors == []
    assert "avvikelser.hsl.total" not in reports.figures[2025]


def test_a_draft_lists_the_data_files_it_lacks(years: dict[int, Any]) -> None:
    view = years[2025]["view"]
    assert view.completeness_note == "Uppgifterna är inte kompletta: några datafiler saknas ännu."
    assert "Lex Sarah: reports/2025/lex-sarah.yml" in view.missing_files
    assert "Ej verkställda beslut: reports/2025/ej-verkstallda-beslut.csv" in view.missing_files
    assert not [f for f in view.missing_files if "klagomal" in f or "avvikelser" in f]
    document = report_to_pdf_document(view, markdown=SITE_MARKDOWN, today=dt.date(2026, 1, 10))
    assert document.missing_files == view.missing_files
    html = render_html(document)
    assert "Datafiler som saknas" in html and "reports/2025/lex-sarah.yml" in html


def test_a_kind_is_not_missing_before_its_sections_from_year(years: dict[int, Any]) -> None:
    # kombinerad shows ej verkställda beslut from 2025 (från_år): 2024 does not report the
    # kind, so its file is not missing; the other files 2024 lacks still are.
    before = years[2024]["view"]
    assert "Lex Sarah: reports/2024/lex-sarah.yml" in before.missing_files
    assert not [f for f in before.missing_files if "ej-verkstallda" in f]
    document = report_to_pdf_document(before, markdown=SITE_MARKDOWN, today=dt.date(2026, 1, 10))
    assert "ej-verkstallda-beslut" not in render_html(document)


def test_a_file_declined_with_ingen_data_is_not_missing(tmp_path: Path) -> None:
    root = fixture_root(tmp_path)
    meta = root / "reports" / "2025" / "report.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "ingen_data: [lex-maria]\n", "utf-8")
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    missing = completeness(reports.years[2025]).missing_files(2025)
    assert "Lex Sarah: reports/2025/lex-sarah.yml" in missing
    assert not [f for f in missing if "lex-maria" in f]


def test_a_missing_avvikelser_file_is_said_once(tmp_path: Path) -> None:
    # The section shows avvikelser and organisatoriska-avvikelser, both from avvikelser.csv:
    # without the file the section says so once, on the page and in the PDF.
    root = fixture_root(tmp_path)
    (root / "reports" / "2025" / "avvikelser.csv").unlink()
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    view = year_view(reports, 2025, content, Linker(report_page(2025)))
    [section] = [s for s in view.sections if s.section.id == "avvikelser"]
    sentence = "Inga uppgifter om avvikelser finns för året."
    assert "".join(section.parts).count(sentence) == 1
    document = report_to_pdf_document(view, markdown=SITE_MARKDOWN, today=dt.date(2026, 1, 10))
    assert render_html(document).count(sentence) == 1
    assert "Avvikelser: reports/2025/avvikelser.csv" in view.missing_files


def test_a_faststalld_year_never_lists_missing_files(years: dict[int, Any]) -> None:
    data = years[2024]["view"].data
    sealed = replace(data, meta=data.meta.model_copy(update={"status": ReportStatus.APPROVED}))
    assert completeness(sealed).missing_files(2024) == ()
    assert completeness(sealed).note() == ""
    view = replace(years[2024]["view"], draft=False)  # the PDF of a year shown as fastställd
    document = report_to_pdf_document(view, markdown=SITE_MARKDOWN, today=dt.date(2026, 1, 10))
    assert document.missing_files == ()


def test_a_cross_chart_of_the_unknown_column_alone_is_not_drawn(tmp_path: Path) -> None:
    # tests/fixtures/utan-kolumn 2024: avvikelser of unknown typ, all of unknown category.
    root = copy_example(tmp_path)
    shutil.rmtree(root / "reports")
    shutil.copytree(REPO / "tests" / "fixtures" / "utan-kolumn" / "reports", root / "reports")
    content = load_ledningssystem(root)
    reports, errors = load_reports(root, content)
    assert not errors
    view = year_view(reports, 2024, content, Linker(report_page(2024)))
    html = "\n".join(str(part) for section in view.sections for part in section.parts)
    soup = BeautifulSoup(html, "html.parser")
    kind = "Avvikelser av okänd typ (uppgift saknas)"
    assert rows({"soup": soup}, f"{kind} 2024 per enhet och kategori")["Summa"] == ["3", "3"]
    titles = [t.get_text() for t in soup.find_all("title")]
    assert f"{kind} per kategori" not in titles
    assert "Avvikelser enligt SoL per kategori" in titles
