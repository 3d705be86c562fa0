"""The built site as a whole: no broken link or anchor, and the same bytes every build."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.conftest import copy_example, run_cli, run_mkdocs_build
from tests.site_check import broken_links


def test_no_broken_internal_links_or_anchors(example_site: Path) -> None:
    assert broken_links(example_site) == []


def test_link_check_finds_a_missing_page_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="b/">x</a><a href="a/#finns">ok</a><a href="a/#saknas">x</a>'
        '<a href="#topp">x</a><a href="https://example.org/">extern</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="finns">A</h2>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html → b/ (sidan finns inte)",
        "index.html → a/#saknas (ankaret finns inte)",
        "index.html → #topp (ankaret finns inte)",
    ]


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


FIXED_EPOCH = "1767225600"  # fixed, as the Makefile sets it from the last commit
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
PROPERDOCS_GENERATOR = (
    b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'
)


@pytest.fixture(scope="module")
def fixed_epoch_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One MkDocs build of the example at a fixed SOURCE_DATE_EPOCH."""
    root = copy_example(tmp_path_factory.mktemp("mkdocs"))
    result = run_mkdocs_build(root, env={"SOURCE_DATE_EPOCH": FIXED_EPOCH}, fresh=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _build_digests(root: Path, engine: str = "mkdocs") -> dict[str, str]:
    env = {"SOURCE_DATE_EPOCH": FIXED_EPOCH}
    result = run_mkdocs_build(root, env=env, engine=engine, fresh=True)  # builds are compared
    assert result.returncode == 0, result.stdout + result.stderr
    return _digests(root / "site")


def test_two_builds_of_the_same_commit_are_byte_identical(
    tmp_path: Path, fixed_epoch_site: Path
) -> None:
    first = _digests(fixed_epoch_site)
    second = _build_digests(copy_example(tmp_path / "second"))
    assert sorted(second) == sorted(first)
    assert [name for name in second if second[name] != first[name]] == []


def test_properdocs_builds_the_same_site_apart_from_the_generator_tag(
    tmp_path: Path, fixed_epoch_site: Path
) -> None:
    root = copy_example(tmp_path / "properdocs")
    ours, theirs = _build_digests(root, engine="properdocs"), _digests(fixed_epoch_site)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    # Only HTML pages differ, and only in the tag that names the engine.
    assert differing and all(name.endswith(".html") for name in differing)
    for name in differing:
        page = (root / "site" / name).read_bytes()
        assert GENERATOR.findall(page) == [PROPERDOCS_GENERATOR], name
        reference = (fixed_epoch_site / name).read_bytes()
        assert GENERATOR.sub(b"", page) == GENERATOR.sub(b"", reference), name


def test_search_index_command_rejects_a_folder_without_a_site(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "search-index", str(tmp_path))
    assert result.returncode == 1
    assert "ingen byggd webbplats" in result.stderr


def test_build_writes_a_swedish_pagefind_index(example_site: Path) -> None:
    entry = (example_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert '"sv"' in entry
    assert (example_site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (example_site / "search" / "search_index.json").exists()
