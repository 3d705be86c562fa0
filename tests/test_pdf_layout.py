"""The berättelse PDF of every example year as a nämnd reads it on paper: every word inside
the page's text block, no caption alone at the foot of a page, no table split leaving fewer
than three rows on a page, every chart on the page of its table."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import weasyprint

from ledningssystem.pdf import PdfSection
from ledningssystem.pdf.adapter import load_year_views, report_to_pdf_document
from ledningssystem.pdf.engine import PDF_OPTIONS, layout_pdf
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.report.blocks import pair
from ledningssystem.report.visuals import Table, render_bar_chart, render_table
from tests.conftest import REPO
from tests.pdf_layout import (
    charts_apart_from_tables,
    lonely_captions,
    lonely_headings,
    repeated_totals,
    split_tables,
    words_outside_text_block,
)
from tests.pdf_sample import sample_document

SITE_MARKDOWN = site_markdown_extensions(REPO)

YEARS = sorted(load_year_views(REPO)[1])


@pytest.fixture(scope="module", params=YEARS, ids=str)
def laid_out(request: pytest.FixtureRequest) -> tuple[Any, bytes]:
    """(WeasyPrint's pages, the PDF bytes) of one example year, rendered once."""
    content, views = load_year_views(REPO)
    document = layout_pdf(
        report_to_pdf_document(views[request.param], markdown=SITE_MARKDOWN, today=content.today)
    )
    return document, document.write_pdf(**PDF_OPTIONS)


def test_every_word_lies_within_the_text_block(laid_out: tuple[Any, bytes]) -> None:
    assert words_outside_text_block(laid_out[1]) == []


def test_no_caption_is_left_alone_at_the_foot_of_a_page(laid_out: tuple[Any, bytes]) -> None:
    assert lonely_captions(laid_out[0]) == []


def test_no_heading_is_left_at_the_foot_of_a_page(laid_out: tuple[Any, bytes]) -> None:
    assert lonely_headings(laid_out[0]) == []


def test_a_total_row_prints_once_under_the_last_rows(laid_out: tuple[Any, bytes]) -> None:
    assert repeated_totals(laid_out[0]) == []


def test_no_table_leaves_fewer_than_three_rows_on_a_page(laid_out: tuple[Any, bytes]) -> None:
    assert split_tables(laid_out[0]) == []


def test_every_chart_prints_on_the_page_of_its_table(laid_out: tuple[Any, bytes]) -> None:
    assert charts_apart_from_tables(laid_out[0]) == []


def _trend_pair() -> str:
    counts = {2021: 4, 2022: 7, 2023: 5, 2024: 9, 2025: 6}
    years = [(str(year), float(n), str(n)) for year, n in counts.items()]
    table = Table("Klagomål per år (tabell)", ["År", "Antal"], [[y, t] for y, _, t in years])
    return pair(render_bar_chart("trend", "Klagomål per år", years), render_table(table))


def test_a_chart_near_the_foot_of_a_page_moves_over_with_its_table() -> None:
    """A section per amount of text before a trend chart and its table, so that on one of
    the pages the chart ends just above the foot: it goes overleaf with its table."""
    sections = tuple(
        PdfSection(f"s{lines}", f"Avsnitt {lines}", "<p>Text.</p>" * lines + _trend_pair())
        for lines in range(14, 32, 2)
    )
    document = layout_pdf(dataclasses.replace(sample_document(), sections=sections))
    assert charts_apart_from_tables(document) == []
    assert split_tables(document) == [] and lonely_captions(document) == []


# A page with the portrait text block of print.css, and tables that break the rules.
BAD_PAGES = """<style>@page { size: A4; margin: 25mm 20mm 22mm 25mm; }
@page :first { margin: 30mm 25mm; }</style>
<p>Försättsblad</p><p style="break-before: page">Text</p>
<table><caption>Ensam bildtext</caption><tbody>
<tr style="break-before: page"><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr>
<tr><td>d</td></tr><tr style="break-before: page"><td>e</td></tr></tbody></table>
<p style="margin-left: -20mm">Utanför marginalen</p>
<table><caption>Med summa</caption><tbody><tr><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr>
<tr style="break-before: page"><td>4</td></tr><tr><td>5</td></tr><tr><td>6</td></tr></tbody>
<tfoot><tr><td>21</td></tr></tfoot></table>
<h2>Ensam rubrik</h2><p class="ls-legal">SOSFS 2011:9</p><p style="break-before: page">Text</p>"""


def test_the_checks_find_what_they_look_for() -> None:
    """Each check fails on a document made to break its rule (so passing means something)."""
    document = weasyprint.HTML(string=BAD_PAGES).render()
    assert lonely_captions(document) == [
        "'Ensam bildtext': bildtexten på sida 2, tabellen på sida 3"
    ]
    assert split_tables(document) == ["'Ensam bildtext': rader per sida {3: 4, 4: 1}"]
    outside = words_outside_text_block(document.write_pdf())
    assert len(outside) == 1 and "'Utanför'" in outside[0]  # the word left of the margin
    assert lonely_headings(document) == ["'Ensam rubrik': rubriken på sida 5, texten på sida 6"]
