"""`make serve`'s preview: a save re-renders only what changed, and the site equals a full build."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ledningssystem.website.pages import Page
from ledningssystem.website.preview import write_preview_pages
from tests.conftest import REPO, copy_example, run_mkdocs_build

RUTIN = "routines/avvikelser/checklista-avvikelseutredning.md"
RUTIN_PAGE = "rutiner/checklista-avvikelseutredning/index.html"
TITLE = "Checklista för avvikelseutredning"
PROCESS = "processes/avvikelsehantering.yml"
EDITS = [
    (RUTIN, "", "Ett nytt stycke i rutinen."),  # the body only
    (RUTIN, f"titel: {TITLE}", f"titel: {TITLE} och uppföljning"),  # shown on other pages
    (PROCESS, "syfte: ", "syfte: Ett nytt syfte. "),  # a process's prose
]


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(_content(p)).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")
    }


def _content(path: Path) -> bytes:
    # A gzip header holds the second it was written (sitemap.xml.gz): compare what it holds.
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def test_a_preview_rebuild_renders_what_changed_and_equals_a_full_build(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    preview = tmp_path / "preview-site"
    edits = "".join(f"{path}\t{old}\t{new}\n" for path, old, new in EDITS)
    result = subprocess.run(
        [sys.executable, "-m", "tests.preview_build", str(root), str(preview)],
        input=edits,
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    first, body_edit, title_edit, prose_edit = (
        json.loads(line) for line in result.stdout.splitlines()
    )
    assert RUTIN_PAGE in first
    # A change of the text alone changes that rutin's page and nothing else.
    assert body_edit == [RUTIN_PAGE]
    # A new title changes the pages that show it, and far from every page.
    assert RUTIN_PAGE in title_edit and "rutiner/index.html" in title_edit
    assert "dokumentstyrning/dokumentstyrning.csv" in title_edit
    assert len(title_edit) < len(first) / 5
    assert "processer/lex-sarah/index.html" not in title_edit
    # A process's syfte: its page and the process index, which show it; no role or rutin page,
    # no Ändringslogg, no list of documents (they show no process's prose).
    assert {"processer/avvikelsehantering/index.html", "processer/index.html"} <= set(prose_edit)
    assert not [p for p in prose_edit if p.startswith(("roller/", "rutiner/", "andringslogg"))]
    assert "dokumentstyrning/dokumentstyrning.csv" not in prose_edit
    # Byte for byte the same as a full build of the same content (search is indexed apart).
    built = run_mkdocs_build(root, tmp_path / "full-site")
    assert built.returncode == 0, built.stdout + built.stderr
    assert _digests(preview) == _digests(tmp_path / "full-site")


def test_preview_files_are_compared_in_memory_and_written_when_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "forhandsvisning"
    (folder / "rutiner").mkdir(parents=True)
    (folder / "rutiner/borttagen.md").write_text("# Från en tidigare körning\n", "utf-8")
    (folder / "rutiner/b.md").write_text("# B\n", "utf-8")  # as an earlier run wrote it
    pages = [Page("rutiner/a.md", "# A\n"), Page("rutiner/b.md", "# B\n")]
    assert write_preview_pages(pages, folder) == ["rutiner/a.md"]
    assert sorted(p.name for p in (folder / "rutiner").iterdir()) == ["a.md", "b.md"]
    reads: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p.name) or real(p))
    assert write_preview_pages(pages, folder) == [] and reads == []
    changed = [Page("rutiner/a.md", "# A2\n"), pages[1]]
    assert write_preview_pages(changed, folder) == ["rutiner/a.md"]
    assert (folder / "rutiner/a.md").read_text(encoding="utf-8") == "# A2\n"
    (folder / "rutiner/b.md").unlink()  # a preview file deleted by hand is written again
    assert write_preview_pages(changed, folder) == ["rutiner/b.md"]
    assert write_preview_pages(changed[:1], folder) == []
    assert not (folder / "rutiner/b.md").exists()
