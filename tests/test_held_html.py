"""Held HTML (website/held_html.py): a page's HTML is reused only while its input is the same."""

from __future__ import annotations

import filecmp
import json
import os
from pathlib import Path

import pytest

from ledningssystem.website import held_html
from ledningssystem.website.held_html import HTML_CACHE_FOLDER, HeldHtml, HeldPage
from tests.conftest import build_site

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
RUTIN = "routines/rapportera-avvikelse.md"
RUTIN_PAGE = "rutiner/rapportera-avvikelse/index.html"


def _differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only, in two site trees."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


def _entries(root: Path) -> list[Path]:
    return sorted((root / HTML_CACHE_FOLDER).glob("*.json"))


def test_a_build_from_held_html_equals_one_without(held_root: Path) -> None:
    without = build_site(held_root, ENV, site="site-without")
    held = _entries(held_root)
    assert held, "the first build keeps each page's HTML"
    # Mark every entry: a build that reads them shows the mark, one that converts again not.
    for entry in held:
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["content"] += "<!-- held -->"
        entry.write_text(json.dumps(data), encoding="utf-8")
    marked = build_site(held_root, ENV, site="site-marked")
    assert "<!-- held -->" in (marked / RUTIN_PAGE).read_text(encoding="utf-8")
    for entry in held:
        entry.unlink()
    build_site(held_root, ENV, site="site-refill")
    with_held = build_site(held_root, ENV, site="site-with")
    assert _differences(without, with_held) == []


def test_a_changed_page_is_converted_again(held_root: Path) -> None:
    build_site(held_root, ENV, site="site-before")
    path = held_root / RUTIN
    path.write_text(path.read_text(encoding="utf-8").replace("Text.", "Ny mening."), "utf-8")
    after = build_site(held_root, ENV, site="site-after")
    page = (after / RUTIN_PAGE).read_text(encoding="utf-8")
    assert "Ny mening." in page
    assert "<p>Text.</p>" not in page


def test_the_key_follows_markdown_address_files_and_setup(tmp_path: Path) -> None:
    held = HeldHtml(tmp_path, {"extensions": ["toc"]}, [("a.md", "a/")])
    key = held.key("# A", "a.md", "a/")
    assert key != held.key("# B", "a.md", "a/")
    assert key != held.key("# A", "b.md", "b/")
    other_files = HeldHtml(tmp_path, {"extensions": ["toc"]}, [("a.md", "a/"), ("b.md", "b/")])
    assert key != other_files.key("# A", "a.md", "a/")
    other_setup = HeldHtml(tmp_path, {"extensions": ["toc", "tables"]}, [("a.md", "a/")])
    assert key != other_setup.key("# A", "a.md", "a/")


def test_an_unreadable_entry_is_converted_again(tmp_path: Path) -> None:
    held = HeldHtml(tmp_path, {}, [])
    page = HeldPage("<h1>A</h1>", [], "A", ["a"], None)
    held.put("k", page)
    assert held.get("k") == page
    (tmp_path / "k.json").write_text("{not json", encoding="utf-8")
    assert held.get("k") is None
    assert HeldHtml(None, {}, []).get("k") is None


@pytest.mark.parametrize(
    "stored",
    [
        b"",
        b'{"content": "<h1>A</h1>", "toc": [',  # cut short
        b"\xff\xfe not utf-8",
        b"[1, 2]",
        b'{"content": 1, "toc": [], "title": null, "anchors": [], "links_to_anchors": null}',
        b'{"content": "", "toc": "x", "title": null, "anchors": [], "links_to_anchors": null}',
        b'{"content": "", "toc": [], "title": null, "anchors": [], "extra": 1}',
    ],
)
def test_a_damaged_or_foreign_entry_is_a_miss(tmp_path: Path, stored: bytes) -> None:
    held = HeldHtml(tmp_path, {}, [])
    (tmp_path / "k.json").write_bytes(stored)
    assert held.get("k") is None
    assert (held.hits, held.misses) == (0, 1)


def test_a_hit_stamps_the_entry_as_used(tmp_path: Path) -> None:
    held = HeldHtml(tmp_path, {}, [])
    held.put("k", HeldPage("<p>A</p>", [], None, [], None))
    os.utime(tmp_path / "k.json", (1000, 1000))
    assert held.get("k") is not None and held.hits == 1
    assert (tmp_path / "k.json").stat().st_mtime > 1000


def test_another_library_version_or_entry_format_is_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = HeldHtml(tmp_path, {}, []).key("# A", "a.md", "a/")
    real = held_html.metadata.version
    monkeypatch.setattr(
        held_html.metadata, "version", lambda n: "99" if n == "pymdown-extensions" else real(n)
    )
    held_html._fingerprint.cache_clear()
    assert HeldHtml(tmp_path, {}, []).key("# A", "a.md", "a/") != key
    monkeypatch.undo()
    held_html._fingerprint.cache_clear()
    monkeypatch.setattr(held_html, "_FORMAT", held_html._FORMAT + 1)
    assert HeldHtml(tmp_path, {}, []).key("# A", "a.md", "a/") != key
    held_html._fingerprint.cache_clear()
