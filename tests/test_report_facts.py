"""Facts written once also in the berättelse: `{{ fakta("…") }}` in reports/<år>/text/*.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.pdf.adapter import report_to_pdf_document
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.data import Narrative
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.narrative import resolve_figures
from ledningssystem.report.seal import year_manifest
from ledningssystem.report.seal_facts import FACTS_ENTRY
from ledningssystem.report.year_view import year_view
from ledningssystem.website.build import prepare_build
from ledningssystem.website.pages.report import site_reports

FILE = "reports/2025/text/lex-sarah.md"
FACTS = {"lex_sarah.frist_utredning": "sex veckor", "organisation.nämnd": "Vård & omsorg"}


def _resolve(source: str) -> tuple[str, list[str]]:
    text, errors = resolve_figures(Narrative(FILE, source), {2025: FigureSet(2025)}, 2025, FACTS)
    return text, [e.format() for e in errors]


def test_a_berattelse_text_shows_the_fact_escaped() -> None:
    text, errors = _resolve(
        'Utredningen tar {{ fakta("lex_sarah.frist_utredning") }}.\n'
        "Beslutet fattas av {{ fakta('organisation.nämnd') }}."
    )
    assert errors == []
    assert text == "Utredningen tar sex veckor.\nBeslutet fattas av Vård &amp; omsorg."


def test_an_unknown_fact_in_a_berattelse_text_is_an_error_with_file_and_line() -> None:
    text, errors = _resolve('Rad ett.\nTar {{ fakta("lex_sarah.frist_utrednig") }}.')
    assert errors == [
        f'{FILE}:2: faktan "lex_sarah.frist_utrednig" finns inte. '
        'Menade du "lex_sarah.frist_utredning"? Fakta skrivs under fakta: i ledningssystem.yml.'
    ]
    assert 'fakta("lex_sarah.frist_utrednig")' in text  # left as written, never half-replaced
    _, wrong = _resolve('{{ fakta("a", "b") }}')
    assert wrong == [
        f'{FILE}:1: fel argument i {{{{ fakta("a", "b") }}}}. '
        'Skriv t.ex. {{ fakta("lex_sarah.frist_utredning") }}.'
    ]


def test_the_example_2025_page_and_pdf_show_the_facts_of_the_settings_and_organisation(
    example_root: Path,
) -> None:
    build = prepare_build(example_root)
    page = {p.src: p.markdown for p in build.pages}["kvalitetsberattelse/2025.md"]
    shown = (
        "Utredningstiden är sex veckor och anmälan till IVO görs av SAS, på nämndens "
        "delegation, som i rutinerna för Socialförvaltningen."
    )
    assert shown in page and "fakta(" not in page
    reports = site_reports(build.content, build.context)
    assert reports is not None
    view = year_view(
        reports, 2025, build.content, build.context.linker("kvalitetsberattelse/2025.md")
    )
    document = report_to_pdf_document(
        view, markdown=site_markdown_extensions(example_root), today=dt.date(2026, 1, 10)
    )
    assert shown in repr(document)


def test_an_unknown_fact_in_the_example_berattelse_stops_check(example_root: Path) -> None:
    path = example_root / FILE
    path.write_text(path.read_text("utf-8").replace("frist_utredning", "frist"), "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_ledningssystem(example_root)
    assert [e.format() for e in raised.value.errors] == [
        f'{FILE}:1: faktan "lex_sarah.frist" finns inte. Menade du "lex_sarah.frist_utredning"? '
        "Fakta skrivs under fakta: i ledningssystem.yml."
    ]


def _year(root: Path, text: str, frist: str) -> Path:
    (root / "roles").mkdir(parents=True, exist_ok=True)
    (root / "roles/organisation.yml").write_text("kommun: Exempelkommun\n", "utf-8")
    settings = f"fakta:\n  lex_sarah:\n    frist_utredning: {frist}\n    annat: x\n"
    (root / "ledningssystem.yml").write_text(settings, "utf-8")
    folder = root / "reports/2030"
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "text/lex-sarah.md").write_text(text, "utf-8")
    return folder


def test_the_seal_covers_the_facts_a_year_cites(tmp_path: Path) -> None:
    cites = 'Tar {{ fakta("lex_sarah.frist_utredning") }} i {{ fakta("organisation.kommun") }}.'
    folder = _year(tmp_path, cites, "sex veckor")
    sealed = year_manifest(folder)
    assert FACTS_ENTRY in sealed.files
    _year(tmp_path, cites, "två månader")  # a published berättelse would silently change
    assert year_manifest(folder).fingerprint != sealed.fingerprint
    _year(tmp_path, cites, "sex veckor")
    (tmp_path / "ledningssystem.yml").write_text(
        "fakta:\n  lex_sarah:\n    frist_utredning: sex veckor\n    annat: y\n", "utf-8"
    )
    assert year_manifest(folder).fingerprint == sealed.fingerprint  # a fact it does not cite
    plain = _year(tmp_path / "utan", "Ingen fakta.", "sex veckor")
    assert FACTS_ENTRY not in year_manifest(plain).files  # older seals stay valid
