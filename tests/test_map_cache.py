"""Process maps from the disk cache: an unchanged map is the same bytes without being drawn, and
any change to what the map shows draws it again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledningssystem.core.urls import process_page
from ledningssystem.diagrams.process_map import render_process_map
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.website import map_cache
from ledningssystem.website.map_cache import MapCache, map_key
from ledningssystem.website.pages.page import BuildContext
from tests.diagram_fixtures import FIXTURE_PORTAL

PROCESS = "ledningens-genomgang"  # started from avvikelser by a handover


def _drawn(root: Path, cache: MapCache, drawn: list[str], directory_urls: bool = True) -> str:
    content = load_ledningssystem(root)
    process = content.processes[PROCESS]
    link = BuildContext(directory_urls=directory_urls).linker(process_page(PROCESS))

    def render() -> str:
        drawn.append(PROCESS)
        return render_process_map(content, process, link)

    return cache.get(map_key(content, process, link), render)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_map_comes_from_the_cache_byte_for_byte(tmp_path: Path) -> None:
    root = shutil.copytree(FIXTURE_PORTAL, tmp_path / "portal")
    drawn: list[str] = []
    first = _drawn(root, MapCache(tmp_path / "kartor"), drawn)
    again = _drawn(root, MapCache(tmp_path / "kartor"), drawn)  # as a later build
    assert drawn == [PROCESS] and again == first
    assert first == _drawn(root, MapCache(), [])  # the same as drawn without any cache
    # A rutin's text is not on the map: still no new drawing.
    _edit(root / "routines/rapportera-avvikelse.md", "titel:", "titel: Ny")
    assert _drawn(root, MapCache(tmp_path / "kartor"), drawn) == first and len(drawn) == 1


def test_each_thing_the_map_shows_draws_it_again(tmp_path: Path) -> None:
    root = shutil.copytree(FIXTURE_PORTAL, tmp_path / "portal")
    cache = MapCache(tmp_path / "kartor")
    drawn: list[str] = []
    seen = {_drawn(root, cache, drawn)}
    edits = [
        (f"processes/{PROCESS}.yml", "\nslut: ", "\nslut: Ett nytt slut. "),  # its own definition
        ("roles/roller.yml", "namn: Socialnämnden", "namn: Nämnden för vård"),  # a lane's name
        ("processes/avvikelser.yml", "namn: Hantera avvikelser", "namn: Hantera alla avvikelser"),
    ]  # the last: the process that hands over to it, shown in the map's description
    for n, (path, old, new) in enumerate(edits, start=2):
        _edit(root / path, old, new)
        seen.add(_drawn(root, cache, drawn))
        assert len(drawn) == n and len(seen) == n
    _drawn(root, cache, drawn, directory_urls=False)  # links from elsewhere
    assert len(drawn) == len(edits) + 2
    assert len(list((tmp_path / "kartor").iterdir())) == len(edits) + 2


def test_a_cut_short_or_damaged_entry_is_drawn_again(tmp_path: Path) -> None:
    root = shutil.copytree(FIXTURE_PORTAL, tmp_path / "portal")
    drawn: list[str] = []
    first = _drawn(root, MapCache(tmp_path / "kartor"), drawn)
    (entry,) = (tmp_path / "kartor").iterdir()
    whole = entry.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:-1], b"\xff\xfe", b'{"karta": 1}', b""):
        entry.write_bytes(damaged)
        assert _drawn(root, MapCache(tmp_path / "kartor"), drawn) == first
        assert entry.read_bytes() == whole, "the entry is whole again"
    assert len(drawn) == 6


def test_a_changed_engine_or_jinja_is_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = shutil.copytree(FIXTURE_PORTAL, tmp_path / "portal")
    content = load_ledningssystem(root)
    process = content.processes[PROCESS]
    link = BuildContext().linker(process_page(PROCESS))
    key = map_key(content, process, link)
    monkeypatch.setattr(map_cache, "engine_digest", lambda: "a changed template")
    assert map_key(content, process, link) != key
    monkeypatch.undo()
    monkeypatch.setattr(map_cache.jinja2, "__version__", "99")
    assert map_key(content, process, link) != key
