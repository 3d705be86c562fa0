"""The disk cache of parsed YAML behind a warm `make check`: keyed on content, never stale."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ledningssystem.core import parse_cache
from ledningssystem.core.parse_cache import entry_path, parse_cached, use_parse_cache
from ledningssystem.core.reading import _parsed
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.portal.load import load_content

EXAMPLE = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "tolkat"
    use_parse_cache(folder)
    yield folder
    use_parse_cache(None)
    _parsed.cache_clear()


def test_a_cached_parse_equals_a_fresh_parse(cache: Path) -> None:
    text = "titel: Avvikelser\nsteg:\n  - namn: Ta emot\n"
    first = parse_cached(text, 3)
    assert entry_path(cache, text, 3).is_file()
    again = parse_cached(text, 3)
    assert again == first == parse_yaml(text, 3)
    assert again[1].line(("steg", 0, "namn")) == parse_yaml(text, 3)[1].line(("steg", 0, "namn"))


def test_an_edited_file_is_parsed_again_never_served_stale(cache: Path) -> None:
    parse_cached("titel: Gammal\n", 0)
    edited = parse_cached("titel: Ny\n", 0)
    assert edited[0] == {"titel": "Ny"}
    assert entry_path(cache, "titel: Gammal\n", 0) != entry_path(cache, "titel: Ny\n", 0)
    # The same text at another line offset has other line numbers, so another entry.
    assert entry_path(cache, "titel: Ny\n", 0) != entry_path(cache, "titel: Ny\n", 5)


def test_a_broken_entry_is_parsed_again(cache: Path) -> None:
    text = "titel: Trasig\n"
    parse_cached(text, 0)
    entry_path(cache, text, 0).write_bytes(b"not a pickle")
    assert parse_cached(text, 0)[0] == {"titel": "Trasig"}


def test_a_parse_problem_is_reported_every_time_and_not_cached(cache: Path) -> None:
    for _ in range(2):
        with pytest.raises(YamlProblem):
            parse_cached("titel: [obalanserad\n", 0)
    assert not list(cache.rglob("*.pickle"))


def test_a_changed_parser_does_not_read_old_entries(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = entry_path(cache, "titel: X\n", 0)
    monkeypatch.setattr(parse_cache, "_parser_version", lambda: "another parser")
    assert entry_path(cache, "titel: X\n", 0) != before


def test_a_warm_load_finds_the_edit_of_a_rutin(cache: Path, tmp_path: Path) -> None:
    root = tmp_path / "portal"
    shutil.copytree(EXAMPLE / "tests" / "fixtures" / "portal", root)
    cold, errors = load_content(root)
    assert not errors
    assert list(cache.rglob("*.pickle")), "the cold load filled the cache"
    _parsed.cache_clear()  # as a new `make check` process: only the disk cache is warm
    routine = next(iter(cold.routines.values()))
    path = root / routine.meta.origin.file
    path.write_text(path.read_text(encoding="utf-8").replace(routine.meta.title, "Ny titel", 1))
    warm, errors = load_content(root)
    assert not errors
    assert warm.routines[routine.meta.id].meta.title == "Ny titel"


@pytest.mark.parametrize("cut", [0, 1, 10, -1])
def test_a_cut_short_entry_is_parsed_again(cache: Path, cut: int) -> None:
    text = "titel: Avkortad\nsteg: [a, b]\n"
    first = parse_cached(text, 0)
    path = entry_path(cache, text, 0)
    whole = path.read_bytes()
    path.write_bytes(whole[:cut])
    assert parse_cached(text, 0) == first
    assert path.read_bytes() == whole, "the entry is whole again"


def test_an_entry_that_is_not_a_parse_is_parsed_again(cache: Path) -> None:
    text = "titel: Främmande\n"
    parse_cached(text, 0)
    for foreign in ({"titel": "fel"}, ("a", "b"), ("a", "b", "c")):
        entry_path(cache, text, 0).write_bytes(pickle.dumps(foreign))
        assert parse_cached(text, 0)[0] == {"titel": "Främmande"}


def test_another_pyyaml_or_python_is_another_key(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = entry_path(cache, "titel: X\n", 0)
    parse_cache._parser_version.cache_clear()
    monkeypatch.setattr(parse_cache.yaml, "__version__", "99")
    assert entry_path(cache, "titel: X\n", 0) != before
    monkeypatch.undo()
    parse_cache._parser_version.cache_clear()
    monkeypatch.setattr(parse_cache.sys, "version", "3.99")
    assert entry_path(cache, "titel: X\n", 0) != before
    monkeypatch.undo()
    parse_cache._parser_version.cache_clear()
    assert entry_path(cache, "titel: X\n", 0) == before
