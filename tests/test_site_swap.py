"""make build and make public put the new site in by rename: never half a site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ledningssystem.website import swap as site_swap
from ledningssystem.website.swap import swap_in
from tests.conftest import REPO


def _site(path: Path, marker: str, pages: int = 50) -> Path:
    for i in range(pages):
        (path / f"p{i}").mkdir(parents=True)
        (path / f"p{i}" / "index.html").write_text(marker, encoding="utf-8")
    return path


def test_swap_replaces_the_whole_site(tmp_path: Path) -> None:
    _site(tmp_path / "site", "gammal")
    _site(tmp_path / "site.tmp", "ny")
    swap_in(tmp_path / "site.tmp", tmp_path / "site")
    texts = {p.read_text() for p in (tmp_path / "site").rglob("index.html")}
    assert texts == {"ny"} and len(list((tmp_path / "site").iterdir())) == 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_interrupted_delete_never_touches_the_published_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Kill the swap while the old site is being deleted: site/ is already the whole new one.
    _site(tmp_path / "site", "gammal")
    _site(tmp_path / "site.tmp", "ny")

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(site_swap.shutil, "rmtree", killed)
    with pytest.raises(KeyboardInterrupt):
        swap_in(tmp_path / "site.tmp", tmp_path / "site")
    texts = [p.read_text() for p in (tmp_path / "site").rglob("index.html")]
    assert texts == ["ny"] * 50
    monkeypatch.undo()
    _site(tmp_path / "site.tmp", "nyare")
    swap_in(tmp_path / "site.tmp", tmp_path / "site")  # the leftover site.old is cleared
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_first_build_has_no_old_site(tmp_path: Path) -> None:
    _site(tmp_path / "public-site.tmp", "ny", pages=2)
    result = subprocess.run(
        [sys.executable, "-m", "ledningssystem.website.swap", "public-site.tmp", "public-site"],
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0
    assert (tmp_path / "public-site" / "p1" / "index.html").read_text() == "ny"


def test_makefile_build_and_public_swap_by_rename() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert not re.search(r"rm -rf (public-)?site &&", makefile)
    assert "-m ledningssystem.website.swap site.tmp site" in makefile
    assert "-m ledningssystem.website.swap public-site.tmp public-site" in makefile
