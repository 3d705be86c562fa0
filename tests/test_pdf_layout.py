"""The berättelse PDF of every example year as a nämnd reads it on paper: every word inside
the page's text block, no caption alone at the foot of a page, no table split leaving fewer
than three rows on a page."""

from __future__ import annotations

from typing import Any

import pytest
import weasyprint

from ledningssystem.pdf.adapter import load_year_views, report_to_pdf_document
from ledningssystem.pdf.engine import PDF_OPTIONS, layout_pdf
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from tests.conftest import REPO
from tests.pdf_layout import (
    lonely_captions,
    lonely_headings,
    repeated_totals,
    split_tables,
    words_outside_text_block,
)

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
