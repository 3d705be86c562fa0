"""The build's PDFs rendered in worker processes: the same bytes, the cache used, no worker left."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from pathlib import Path
from xml.etree import ElementTree

import pytest

from ledningssystem.bpmn.export import render_bpmn
from ledningssystem.pdf import PdfSection, jobs, render_html
from ledningssystem.pdf.cache import read_cached
from ledningssystem.pdf.engine import pdf_from_html
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import TINY
from tests.pdf_sample import sample_document

PATH = "kvalitetsberattelse/2024/kvalitetsberattelse-2024.pdf"


def _html(text: str = "Å.") -> str:
    section = PdfSection("sammanfattning", "Sammanfattning", f"<p>{text}</p>", "1")
    return render_html(dataclasses.replace(sample_document(), sections=(section,)))


def test_a_worker_writes_the_bytes_this_process_would_and_keeps_them(tmp_path: Path) -> None:
    html, cache = _html(), tmp_path / "cache"
    started = jobs.PdfJobs([(PATH, html), ("b.pdf", _html("B."))], cache, workers=1)
    assert len(multiprocessing.active_children()) == 1  # rendering began before write
    written = started.write(tmp_path / "site")
    assert written == [tmp_path / "site" / "b.pdf", tmp_path / "site" / PATH]
    assert (tmp_path / "site" / PATH).read_bytes() == pdf_from_html(html)
    assert read_cached(html, cache) == pdf_from_html(html)
    assert multiprocessing.active_children() == []


def test_a_kept_pdf_starts_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html, cache = _html(), tmp_path / "cache"
    jobs.PdfJobs([(PATH, html)], cache).write(tmp_path / "first")
    monkeypatch.setattr(jobs, "pdf_from_html", lambda _html: pytest.fail("renderades igen"))
    monkeypatch.setattr(jobs.multiprocessing, "get_context", lambda _m: pytest.fail("arbetare"))
    jobs.PdfJobs([(PATH, html)], cache, workers=2).write(tmp_path / "second")
    assert (tmp_path / "second" / PATH).read_bytes() == (tmp_path / "first" / PATH).read_bytes()


def test_a_damaged_kept_pdf_is_rendered_again_and_a_read_stamps_it(tmp_path: Path) -> None:
    # A cut-off entry (a cache copied or restored by hand) is never published: it is rendered
    # again. Reading a whole entry stamps it as used, so pruning after a build keeps it.
    html, cache = _html(), tmp_path / "cache"
    jobs.PdfJobs([(PATH, html)], cache, workers=1).write(tmp_path / "first")
    (entry,) = cache.iterdir()
    whole = entry.read_bytes()
    entry.write_bytes(whole[: len(whole) // 2])
    assert read_cached(html, cache) is None
    jobs.PdfJobs([(PATH, html)], cache, workers=1).write(tmp_path / "second")
    assert (tmp_path / "second" / PATH).read_bytes() == whole
    os.utime(entry, (1, 1))
    assert read_cached(html, cache) == whole
    assert entry.stat().st_mtime > 1


def test_a_failed_build_stops_its_workers(tmp_path: Path) -> None:
    started = jobs.PdfJobs([(PATH, _html())], tmp_path / "cache", workers=1)
    started.cancel()
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "cache").exists()


def test_the_bytes_do_not_depend_on_what_the_process_did_before(tmp_path: Path) -> None:
    # ElementTree's prefixes are process-wide: the BPMN export takes "dc", and this process
    # then wrote ns3:title where a fresh worker writes dc:title.
    html = _html()
    fresh = jobs.PdfJobs([(PATH, html)], None, workers=1).write(tmp_path / "worker")[0]
    content = load_ledningssystem(TINY)
    render_bpmn(content, next(iter(content.processes.values())))
    try:
        assert pdf_from_html(html) == fresh.read_bytes()
    finally:
        ElementTree.register_namespace("dc", "http://purl.org/dc/elements/1.1/")
