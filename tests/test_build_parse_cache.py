"""A build keeps parsed YAML on disk as `check` does, and leaves the parse cache as it found it."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core import parse_cache, reading
from ledningssystem.core.parse_cache import PARSE_CACHE_FOLDER, entry_path
from ledningssystem.website.build import shared_build

ROLES = "roles/roller.yml"


def test_a_build_keeps_parsed_yaml_and_restores_the_cache_setting(tiny_root: Path) -> None:
    assert parse_cache._folder == []
    reading._parsed.cache_clear()  # parsed in memory by an earlier test: the disk never asked
    shared_build(tiny_root)
    assert parse_cache._folder == [], "a build must not leave its cache switched on"
    folder = tiny_root / PARSE_CACHE_FOLDER
    text = (tiny_root / ROLES).read_text(encoding="utf-8")
    assert entry_path(folder, text, 0).is_file()


def test_a_build_sees_an_edit_made_after_the_first_build(tiny_root: Path) -> None:
    first = shared_build(tiny_root)
    path = tiny_root / ROLES
    name = next(iter(first.content.roles.values())).name
    path.write_text(path.read_text(encoding="utf-8").replace(name, "Ny rollbenämning"), "utf-8")
    second = shared_build(tiny_root)
    assert "Ny rollbenämning" in {role.name for role in second.content.roles.values()}
