"""Images beside the rutiner (as import-word copies them) are published beside their pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.routine_assets import routine_assets
from tests.conftest import build_site, soup
from tests.gitrepo import GitRepo, routine
from tests.word_docs import png_bytes


def test_an_image_beside_a_rutin_is_on_its_page(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.add_site_files()
    body = "Så här ser blanketten ut:\n\n![Blanketten för avvikelser](a-bild-1.png)"
    repo.write("routines/avvikelser/a.md", routine("a", "Rutin A", body=body))
    (repo.root / "routines/avvikelser/a-bild-1.png").write_bytes(png_bytes())
    repo.commit("Rutin med bild", "2025-01-10")
    site = build_site(repo.root)  # --strict: a broken image link would fail the build
    image = soup(site / "rutiner" / "a" / "index.html").find("img", alt="Blanketten för avvikelser")
    assert image is not None
    assert (site / "rutiner" / "a" / image["src"]).resolve().read_bytes() == png_bytes()


def test_two_images_of_one_name_are_a_content_error(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / "routines" / folder).mkdir(parents=True)
        (tmp_path / "routines" / folder / "bild.png").write_bytes(png_bytes())
    with pytest.raises(ContentErrors) as raised:
        routine_assets(tmp_path)
    assert raised.value.errors[0].format() == (
        "routines/y/bild.png: bilden har samma namn som routines/x/bild.png. Bilderna publiceras "
        "i samma mapp; byt namn på den ena (och länken till den)."
    )
