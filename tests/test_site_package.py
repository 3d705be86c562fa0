"""make paket: the built site as one reproducible zip; IIS settings ship inside the site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "rutiner" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Start</h1>", encoding="utf-8")
    (site / "rutiner" / "a" / "index.html").write_text("<h1>A</h1>", encoding="utf-8")
    (site / "pagefind").mkdir()
    (site / "pagefind" / "x.pf_fragment").write_bytes(b"\x1f\x8b fragment")
    return site


def test_the_archive_holds_the_site_from_its_root(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    _site(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    result = run_cli(tmp_path, "paket", "--out", "ls.zip", fresh=True)  # compared below
    assert result.returncode == 0, result.stderr
    assert "Skrev" in result.stdout and "3 filer" in result.stdout
    with zipfile.ZipFile(tmp_path / "ls.zip") as archive:
        assert archive.namelist() == [
            "index.html",
            "pagefind/x.pf_fragment",
            "rutiner/a/index.html",
        ]
        assert archive.read("rutiner/a/index.html") == b"<h1>A</h1>"
        assert {info.date_time[:3] for info in archive.infolist()} == {(2025, 12, 1)}
    first = (tmp_path / "ls.zip").read_bytes()
    assert run_cli(tmp_path, "paket", "--out", "ls.zip", fresh=True).returncode == 0
    assert (tmp_path / "ls.zip").read_bytes() == first  # one commit, one archive


def test_no_site_is_a_swedish_error(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "paket")
    assert result.returncode == 1
    assert "index.html saknas); kör make build först" in result.stderr
    assert not (tmp_path / "ledningssystem-webbplats.zip").exists()


@pytest.mark.parametrize(
    "extension", [".pf_fragment", ".pf_index", ".pf_meta", ".pagefind", ".json"]
)
def test_the_built_site_carries_iis_settings(example_site: Path, extension: str) -> None:
    config = ET.parse(example_site / "web.config").getroot()
    default = config.find("system.webServer/defaultDocument/files/add")
    assert default is not None and default.get("value") == "index.html"
    types = {m.get("fileExtension") for m in config.iter("mimeMap")}
    assert extension in types
    built = {p.suffix for p in example_site.rglob("*") if p.is_file()}
    served_by_default = {".html", ".css", ".js", ".png", ".xml", ".pdf", ".config", ".txt", ".ico"}
    assert built - served_by_default <= types  # IIS answers 404 for an unknown file type
