"""Checks of one text remembered by that text: a rebuild under `make serve` runs them only on
texts that changed, and a changed text is always checked again."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ledningssystem.core import file_scan, markup_check
from ledningssystem.core.load import read_handbook
from ledningssystem.core.markup_check import markdown_errors


def test_the_markup_scan_is_remembered_by_text(monkeypatch: pytest.MonkeyPatch) -> None:
    scanned: list[str] = []
    real = markup_check.markup_problems
    monkeypatch.setattr(markup_check, "markup_problems", lambda t: scanned.append(t) or real(t))
    markup_check._problems.cache_clear()
    text = "Ett stycke <script>alert(1)</script>\n"
    first = markdown_errors("a.md", text)
    moved = markdown_errors("b.md", text, 5)
    assert scanned == [text]  # the same text: scanned once, whatever file and line it is at
    assert [(e.file, e.line) for e in moved] == [("b.md", first[0].line + 4)]
    changed = text + '<iframe src="x"></iframe>\n'
    assert len(markdown_errors("a.md", changed)) == len(first) + 1
    assert scanned == [text, changed]


def test_the_personnummer_scan_is_remembered_by_text_salt_and_exemptions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scanned: list[tuple[str, str, frozenset[str]]] = []
    real = file_scan.personal_number_hashes

    def counted(text: str, salt: str, exempt: frozenset[str]):  # noqa: ANN202
        scanned.append((text, salt, exempt))
        return real(text, salt, exempt)

    monkeypatch.setattr(file_scan, "personal_number_hashes", counted)
    file_scan._personal_numbers.cache_clear()
    text, salt = "Rad ett\nBrukare 19121212-1212 ringde\n", "s" * 32
    first = file_scan._personal_numbers(text, salt, frozenset())
    assert [line for line, _ in first] == [2]
    assert file_scan._personal_numbers(text, salt, frozenset()) == first
    assert len(scanned) == 1
    # Each input is a part of the key: another text, salt or list of exemptions is scanned.
    file_scan._personal_numbers(text + "Mer\n", salt, frozenset())
    file_scan._personal_numbers(text, "t" * 32, frozenset())
    exempted = file_scan._personal_numbers(text, salt, frozenset({first[0][1][0].hash}))
    assert len(scanned) == 4
    assert exempted == ()


def test_one_load_reads_each_content_file_once(
    tiny_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading, the personnummer scan and the facts check share the reader's texts."""
    reads: Counter[str] = Counter()
    real = Path.read_text

    def counted(path: Path, *args: Any, **kwargs: Any) -> str:
        reads[path.relative_to(tiny_root).as_posix()] += 1
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", counted)
    _, reader = read_handbook(tiny_root)
    reader.check_facts({})
    routines = [p for p in reads if p.startswith("routines/")]
    assert routines and {p: reads[p] for p in routines} == dict.fromkeys(routines, 1)
