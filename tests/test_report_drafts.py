"""A half-entered draft says so: missing and komplett: nej files, preliminary comparisons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ledningssystem.pdf.adapter import report_to_pdf_document
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.report.load import load_report_config
from ledningssystem.report.year_view import year_view
from ledningssystem.website.build import prepare_build
from ledningssystem.website.pages.report import site_reports
from tests.conftest import run_cli

SITE_MARKDOWN = site_markdown_extensions(Path(__file__).parents[1])

YEAR_FILE = "reports/2025/report.yml"


def _mark(root: Path, text: str) -> None:
    path = root / YEAR_FILE
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _year_page(root: Path) -> str:
    build = prepare_build(root)
    return next(p.markdown for p in build.pages if p.src == "kvalitetsberattelse/2025.md")


def test_draft_with_a_missing_and_an_incomplete_data_file_says_so(example_root: Path) -> None:
    (example_root / "reports/2025/granskningar.yml").unlink()
    _mark(example_root, "komplett:\n  avvikelser: nej\n")
    page = _year_page(example_root)
    assert (
        "Uppgifterna är inte kompletta – datafiler som inte är klara (komplett: nej): "
        "avvikelser. Jämförelser med året innan är preliminära för datafiler som inte är "
        "klara. Några datafiler saknas ännu."
    ) in page
    assert "<li>Externa granskningar: reports/2025/granskningar.yml</li>" in page
    assert "jämfört med 2024 (preliminärt)" in page  # an avvikelser figure among the key ones


def test_complete_draft_has_no_note_and_plain_comparisons(example_root: Path) -> None:
    page = _year_page(example_root)
    assert "Uppgifterna är inte kompletta" not in page
    assert "(preliminärt)" not in page
    assert "jämfört med 2024" in page


def test_the_pdf_of_an_incomplete_draft_says_so(example_root: Path) -> None:
    _mark(example_root, "komplett:\n  klagomal: nej\n")
    build = prepare_build(example_root)
    reports = site_reports(build.content, build.context)
    assert reports is not None
    view = year_view(
        reports, 2025, build.content, build.context.linker("kvalitetsberattelse/2025.md")
    )
    document = report_to_pdf_document(view, markdown=SITE_MARKDOWN, today=dt.date(2026, 1, 10))
    assert "datafiler som inte är klara (komplett: nej): klagomal" in document.status


def test_komplett_names_only_data_files(example_root: Path) -> None:
    _mark(example_root, "komplett:\n  avvikelse: nej\n")
    result = run_cli(example_root, "check")
    assert result.returncode == 1
    assert (
        f'{YEAR_FILE}:11 – fältet "komplett › avvikelse": "avvikelse" är ingen datafil. '
        'Menade du "avvikelser"?' in result.stderr
    ), result.stderr


def test_lagg_till_adds_a_category_to_the_defaults(example_root: Path) -> None:
    config = example_root / "reports/config.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "lägg_till:\n  klagomål:\n    kategorier:\n      - {id: maltider, namn: Måltider}\n"
        "  avvikelser:\n    - id: hsl\n      kategorier:\n"
        "        - {id: nutrition, namn: Nutrition}\n",
        encoding="utf-8",
    )
    loaded, errors = load_report_config(example_root)
    assert errors == []
    categories = [c.id for c in loaded.complaints.categories]
    assert categories[0] == "bemotande" and categories[-1] == "maltider"  # defaults kept
    hsl = loaded.deviation_kind("hsl")
    assert hsl is not None and [c.id for c in hsl.categories][-1] == "nutrition"
    assert "lakemedel" in [c.id for c in hsl.categories]
