"""The tree walk gives what sorted(rglob) gives; the memo rescans only files whose stat changed."""

from __future__ import annotations

import os
from pathlib import Path

from ledningssystem.core.scan_memo import FoundFile, ScanMemo, files_under


def _tree(root: Path) -> None:
    for rel in ("a/b.md", "a-c.md", "a/z/y.yml", "B.txt", "ä/ö.md", ".dold/x.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel, encoding="utf-8")
    (root / "tom").mkdir()
    (root / "länk.md").symlink_to(root / "a-c.md")  # a link to a file is a file
    (root / "mapplänk").symlink_to(root / "a")  # a link to a folder is not walked into
    (root / "trasig.md").symlink_to(root / "finns-inte.md")


def test_files_under_is_sorted_rglob_of_files(tmp_path: Path) -> None:
    _tree(tmp_path)
    expected = [p for p in sorted(tmp_path.rglob("*")) if p.is_file()]
    found = files_under(tmp_path)
    assert [Path(f.path) for f in found] == expected
    assert [f.rel for f in found] == [p.relative_to(tmp_path).as_posix() for p in expected]
    first = found[0]
    stat = os.stat(first.path)
    assert (first.size, first.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    assert files_under(tmp_path / "finns-inte") == []


def test_the_memo_scans_a_file_again_only_when_its_stat_changed(tmp_path: Path) -> None:
    _tree(tmp_path)
    scanned: list[str] = []
    memo: ScanMemo[str] = ScanMemo()

    def scan(file: FoundFile) -> str:
        scanned.append(file.rel)
        return Path(file.path).read_text(encoding="utf-8")

    def walk() -> list[str]:
        found = [memo.get(f, scan) for f in files_under(tmp_path)]
        memo.done()
        return found

    first = walk()
    assert len(scanned) == len(first) == 7
    assert walk() == first and len(scanned) == 7
    os.utime(tmp_path / "B.txt", ns=(1_000_000_000, 1_000_000_000))
    (tmp_path / "a/b.md").write_text("ny text", encoding="utf-8")
    again = walk()
    assert sorted(scanned[7:]) == ["B.txt", "a/b.md"]
    assert "ny text" in again
