"""The PDF cache: an unchanged document's PDF comes from disk, a changed one is rendered anew."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ledningssystem.pdf import PdfDocument, PdfSection, cache, render_pdf
from tests.pdf_sample import sample_document


def _small(title: str = "Sammanfattning") -> PdfDocument:
    """A one-section berättelse: quick to render, still the real print HTML and fonts."""
    doc = sample_document()
    return dataclasses.replace(
        doc, sections=(PdfSection("sammanfattning", title, "<p>Å.</p>", "1"),)
    )


def _no_rendering(_doc: PdfDocument) -> bytes:
    raise AssertionError("renderades trots att PDF:en fanns i cachen")


def test_the_same_document_comes_from_the_cache_with_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cache.cached_pdf(_small(), tmp_path)
    assert first == render_pdf(_small())  # what the cache keeps is what WeasyPrint writes
    assert len(list(tmp_path.glob("*.pdf"))) == 1
    monkeypatch.setattr(cache, "render_pdf", _no_rendering)
    assert cache.cached_pdf(_small(), tmp_path) == first


def test_a_changed_document_is_rendered_anew(tmp_path: Path) -> None:
    before = cache.cached_pdf(_small(), tmp_path)
    after = cache.cached_pdf(_small("Sammanfattning av året"), tmp_path)
    assert after != before
    assert len(list(tmp_path.glob("*.pdf"))) == 2


def test_an_unreadable_entry_is_rendered_again(tmp_path: Path) -> None:
    good = cache.cached_pdf(_small(), tmp_path)
    (entry,) = tmp_path.glob("*.pdf")
    entry.unlink()
    entry.mkdir()  # cannot be read as a file
    assert cache.cached_pdf(_small(), tmp_path) == good


def test_html_that_loads_other_files_is_never_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The key holds the HTML only: a file it loads could change under an unchanged key.
    html = cache.render_html(_small()).replace("<p>Å.</p>", '<p><img src="bild.png" alt="x"></p>')
    monkeypatch.setattr(cache, "render_html", lambda _doc: html)
    cache.cached_pdf(_small(), tmp_path)
    assert list(tmp_path.glob("*")) == []


def test_without_a_folder_nothing_is_written(tmp_path: Path) -> None:
    assert cache.cached_pdf(_small(), None).startswith(b"%PDF")
