"""One figure() syntax everywhere: the berättelse's texts and docs/ pages accept the same calls,
another year included, and citat() shows a number from another source with that source."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ledningssystem.core.urls import Linker
from ledningssystem.pdf.adapter import markdown_to_html
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.report.data import Narrative, Reports
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.load import load_report_config
from ledningssystem.report.narrative import resolve_figures
from ledningssystem.website.macro_api import MacroContext, MacroError, citat, figure
from tests.diagram_fixtures import fixture_content

SITE_MARKDOWN = site_markdown_extensions(Path(__file__).parents[1])

NBSP = "\u00a0"
FILE = "reports/2025/text/klagomal.md"


def _years() -> dict[int, FigureSet]:
    before, now = FigureSet(2024), FigureSet(2025)
    before.add("klagomal.total", "klagomål och synpunkter", 30)
    now.add("klagomal.total", "klagomål och synpunkter", 41)
    return {2024: before, 2025: now.with_previous(before)}


def _text(source: str) -> tuple[str, list[str]]:
    text, errors = resolve_figures(Narrative(FILE, source), _years(), 2025)
    return text, [e.format() for e in errors]


@pytest.mark.parametrize(
    ("call", "shown"),
    [
        ('{{ figure("klagomal.total") }}', "41"),
        ('{{ figure("klagomal.total", year=2024) }}', "30"),
        ('{{ figure("klagomal.total", 2024) }}', "30"),
        ('{{ figure("klagomal.total", "förändring") }}', f"+37{NBSP}% jämfört med 2024"),
        ('{{ figure("klagomal.total", visa="förändring") }}', f"+37{NBSP}% jämfört med 2024"),
        ("{{ figure('klagomal.total', visa='föregående') }}", "30"),
        ('{{ figure("klagomal.total", year=2025, visa="sammanfattning") }}', "41 klagomål och"),
    ],
)
def test_a_text_and_a_docs_page_show_the_same(call: str, shown: str, tmp_path: Path) -> None:
    text, errors = _text(call)
    assert errors == []
    assert text.startswith(shown)
    ctx = _macro_context(tmp_path)
    args = call.removeprefix("{{ figure(").removesuffix(") }}")
    on_page = eval(f"figure(ctx, {args})", {"figure": figure, "ctx": ctx})  # the Jinja call
    assert on_page == text


def test_another_year_that_does_not_exist_is_a_located_error() -> None:
    _, errors = _text('Året före: {{ figure("klagomal.total", year=2019) }}.')
    assert errors == [
        f'{FILE}:1 – fältet "figure": det finns ingen kvalitetsberättelse för år 2019 i'
        " reports/. År med berättelse: 2024, 2025."
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            '{{ figure("klagomal.total", visa="summa") }}',
            'okänd visning "summa". Välj en av: värde, föregående, förändring, sammanfattning.',
        ),
        (
            '{{ figure("klagomal.total", år=2024) }}',
            'fel argument i {{ figure("klagomal.total", år=2024) }}. Skriv t.ex.'
            ' {{ figure("klagomal.total") }} eller {{ figure("klagomal.total", year=2024) }}.',
        ),
        (
            '{{ citat("34 synpunkter") }}',
            'fel argument i {{ citat("34 synpunkter") }}. Skriv t.ex.'
            ' {{ citat("34 synpunkter", källa="Patientnämndens årsrapport") }}.',
        ),
        (
            '{{ citat("34 synpunkter", källa=" ") }}',
            "citatet saknar källa. Skriv varifrån det kommer:"
            ' {{ citat("34 synpunkter", källa="Patientnämndens årsrapport 2024") }}.',
        ),
        (
            "{{ figure(klagomal.total) }}",
            "figure() tar bara text och tal som argument. Skriv t.ex."
            ' {{ figure("klagomal.total") }} eller {{ figure("klagomal.total", year=2024) }}.',
        ),
    ],
)
def test_a_wrong_call_is_a_located_error(call: str, message: str) -> None:
    assert _text(f"Text.\n{call}")[1] == [f'{FILE}:2 – fältet "figure": {message}']


def test_a_quote_shows_its_source() -> None:
    text, errors = _text(
        'Vi fick {{ citat("34 synpunkter", källa="Patientnämndens årsrapport") }}.'
    )
    assert errors == []
    assert text == (
        'Vi fick <span class="ls-citat">”34 synpunkter” <span class="ls-citat-kalla">'
        "(källa: Patientnämndens årsrapport)</span></span>."
    )
    printed = markdown_to_html(text, SITE_MARKDOWN)  # the PDF prints the same words
    assert "”34 synpunkter” <span" in printed and "(källa: Patientnämndens årsrapport)" in printed


def test_a_quote_on_a_docs_page_is_the_same(tmp_path: Path) -> None:
    ctx = _macro_context(tmp_path)
    text, _ = _text('{{ citat("<b>34</b>", källa="IVO & SoS") }}')
    assert citat(ctx, "<b>34</b>", källa="IVO & SoS") == text
    assert "&lt;b&gt;34&lt;/b&gt;" in text and "IVO &amp; SoS" in text
    with pytest.raises(MacroError, match="citatet saknar källa"):
        citat(ctx, "34", källa="")


def _macro_context(tmp_path: Path) -> MacroContext:
    config, errors = load_report_config(tmp_path)
    assert errors == []
    reports = Reports(config, {}, {}, _years(), {})
    content = replace(fixture_content(), reports=reports)
    return MacroContext(content, Linker("sida.md"), "sida.md")
