"""The preview's resources check reads only changed files, and never misses a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ledningssystem.website import resources
from ledningssystem.website.resources import ResourceScan, external_resources

OUTSIDE = '<img src="https://cdn.example.com/x.png">'


def _write(path: Path, text: str, mtime_ns: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_rescan_finds_what_changed_and_forgets_what_was_fixed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site / "a" / "index.html", "<p>a</p>", 1_000_000_000)
    _write(site / "b" / "index.html", OUTSIDE, 1_000_000_000)
    scan = ResourceScan()
    assert scan.scan(site) == ["b/index.html: <img src> → https://cdn.example.com/x.png"]
    # A page rewritten by a rebuild is read again; the unchanged one keeps its finding.
    _write(site / "a" / "index.html", f"<p>{OUTSIDE}</p>", 2_000_000_000)
    assert scan.scan(site) == external_resources(site)
    assert len(scan.scan(site)) == 2
    _write(site / "b" / "index.html", "<p>rättad</p>", 3_000_000_000)
    (site / "a" / "index.html").unlink()
    assert scan.scan(site) == [] == external_resources(site)


def test_an_unchanged_file_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    _write(site / "a.html", OUTSIDE, 1_000_000_000)
    _write(site / "b.html", "<p>b</p>", 1_000_000_000)
    read: list[str] = []
    real = resources._file_findings

    def counting(site_dir: Path, path: Path) -> list[str]:
        read.append(path.name)
        return real(site_dir, path)

    monkeypatch.setattr(resources, "_file_findings", counting)
    scan = ResourceScan()
    assert len(scan.scan(site)) == 1 and sorted(read) == ["a.html", "b.html"]
    _write(site / "b.html", "<p>b2</p>", 2_000_000_000)
    assert len(scan.scan(site)) == 1 and sorted(read) == ["a.html", "b.html", "b.html"]
