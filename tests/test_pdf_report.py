"""The example berättelse end to end: report module → adapter → PDF (runs once report is merged)."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

from ledningssystem.pdf.adapter import load_year_views, report_to_pdf_document
from ledningssystem.pdf.engine import render_pdf
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from tests.conftest import copy_example

SITE_MARKDOWN = site_markdown_extensions(Path(__file__).parents[1])

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pypdf


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u2010\n", "").split())


def test_example_berattelse_prints_cover_toc_sections_key_figures_and_footers(
    tmp_path: Path,
) -> None:
    root = copy_example(tmp_path / "portal")
    content, views = load_year_views(root)
    assert views, "the example has no berättelse"
    year = min(views)
    view = views[year]
    doc = report_to_pdf_document(view, markdown=SITE_MARKDOWN, today=content.today)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(doc)))
    assert reader.metadata.title == doc.title
    texts = [page.extract_text() for page in reader.pages]
    assert doc.organisation.board in texts[0] and doc.status in _plain(texts[0])
    bookmarks = {
        item.title: reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    }
    for level, section in doc.walk():
        assert section.title in _plain("\n".join(texts))
        if level == 1:
            page = bookmarks[section.heading]
            assert section.title in texts[page]
            toc_line = next(line for line in texts[1].splitlines() if section.title in line)
            assert toc_line.rstrip().endswith(str(page + 1))
    everything = _plain("\n".join(texts))
    assert view.key_figures, "the example shows no key figures"
    for summary in view.key_figures:
        assert _plain(summary) in everything
    for number, text in enumerate(texts[1:], start=2):
        footer = f"{doc.running_title} · sida {number} ({len(texts)})"
        assert footer in _plain(text), f"no footer on page {number}"
    assert not re.search(r"\{\{|\}\}", everything), "an unresolved figure() call"
