"""Lenient reading of old revisions: any text gives control fields or "unreadable"."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ledningssystem.doccontrol.document_meta import UNREADABLE, parse_document, version_key
from tests.gitrepo import process, routine


def test_reads_a_rutin_and_a_process() -> None:
    meta = parse_document("routines/a.md", routine("a", "Rutin A", "1.10").encode()).meta
    assert (meta.id, meta.title, meta.version, meta.status) == ("a", "Rutin A", "1.10", "gällande")
    assert meta.valid_from == dt.date(2025, 1, 1)
    assert parse_document("processes/p.yml", process(version="2.0")).meta.title == (
        "Avvikelsehantering"
    )


def test_control_fields_are_not_content() -> None:
    old = parse_document("routines/a.md", routine("a", "A", "1.0"))
    reviewed = parse_document("routines/a.md", routine("a", "A", "1.0", review_by="2030-01-01"))
    edited = parse_document("routines/a.md", routine("a", "A", "1.0", body="Annat."))
    assert old.content == reviewed.content
    assert old.content != edited.content


def test_versions_compare_as_numbers() -> None:
    assert version_key("1.10") > version_key("1.9")  # type: ignore[operator]
    assert version_key("2") == version_key("2.0")
    assert version_key("v2") is None


@given(st.text(max_size=300), st.sampled_from(["routines/a.md", "processes/p.yml"]))
def test_any_text_is_read_or_marked_unreadable(text: str, path: str) -> None:
    parsed = parse_document(path, text.encode("utf-8", "surrogatepass"))
    if not parsed.meta.readable:
        assert parsed == UNREADABLE  # nothing half-read survives
    else:
        # A version is only ever read from the text, never invented.
        assert parsed.meta.version == "" or "version" in text


@given(st.sampled_from(["1.0", "1.10", "2", "3.2.1"]), st.text(max_size=80))
def test_a_version_survives_any_body(version: str, body: str) -> None:
    text = routine("a", "Rutin A", version, body=body.replace("---", "- - -") or "Text.")
    assert parse_document("routines/a.md", text.encode("utf-8", "surrogatepass")).meta.version == (
        version
    )


@given(st.text(alphabet="0123456789.", max_size=12))
def test_version_key_never_raises(text: str) -> None:
    key = version_key(text)
    assert key is None or all(isinstance(part, int) for part in key)
