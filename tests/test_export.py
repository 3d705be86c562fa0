"""The engine-neutral export and the macros glue without the MkDocs hook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO, copy_example, run_cli, run_mkdocs_build, soup


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_export_builds_with_plain_material_into_the_same_pages(
    tmp_path: Path, example_site: Path
) -> None:
    root = copy_example(tmp_path / "portal")
    result = run_cli(root, "export-docs", str(tmp_path / "export"))
    assert result.returncode == 0, result.stderr
    assert "genererade sidor" in result.stdout
    config = yaml.safe_load((tmp_path / "export" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert config["plugins"] == []
    built = run_mkdocs_build(tmp_path / "export")
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "export" / "site"
    assert _pages(site) == _pages(example_site)
    for page in ("processer/avvikelsehantering/index.html", "roller/sas/index.html"):
        ours, theirs = soup(site / page).find("article"), soup(example_site / page).find("article")
        assert ours is not None and theirs is not None
        assert ours.get_text() == theirs.get_text(), page
    # Macros on docs/ pages are expanded: the start page shows the process landscape.
    assert soup(site / "index.html").find("svg") is not None


def test_export_reports_a_macro_error_in_swedish(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    (root / "docs" / "fel.md").write_text(
        '---\nrender_macros: true\n---\n# Fel\n\n{{ raci("finns-inte") }}\n', encoding="utf-8"
    )
    result = run_cli(root, "export-docs", str(tmp_path / "export"))
    assert result.returncode == 1
    # Checked with the content, before any page is exported: file, line and the call.
    assert 'docs/fel.md:6 – "{{ raci("finns-inte") }}": processen "finns-inte" finns inte.' in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_export_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "viktig.txt").write_text("x", encoding="utf-8")
    result = run_cli(root, "export-docs", str(tmp_path / "export"))
    assert result.returncode == 1
    assert "finns redan och är inte tom" in result.stderr
    assert (tmp_path / "export" / "viktig.txt").read_text(encoding="utf-8") == "x"


def test_macros_work_without_the_hook(tiny_root: Path) -> None:
    # An engine that runs mkdocs-macros but not `hooks:` (Zensical) still gets the content.
    config = (tiny_root / "mkdocs.yml").read_text(encoding="utf-8")
    (tiny_root / "mkdocs.yml").write_text(config.split("hooks:")[0], encoding="utf-8")
    (tiny_root / "docs" / "index.md").write_text(
        '---\nrender_macros: true\n---\n# Start\n\n{{ raci("avvikelsehantering") }}\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tiny_root / "site")],
        cwd=tiny_root,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    table = soup(tiny_root / "site" / "index.html").find("table")
    assert table is not None and "Avvikelsehantering" in table.get_text()
