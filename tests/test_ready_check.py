"""`check` means ready: broken links, the version rule on uncommitted changes and CODEOWNERS."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.portal.link_check import markdown_links
from tests.conftest import run_cli, run_mkdocs_build
from tests.gitrepo import GitRepo, process, routine

RUTIN = "routines/rapportera-avvikelse.md"


def _append(root: Path, path: str, text: str) -> None:
    target = root / path
    target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_broken_rutin_link_fails_check_with_line_and_suggestion(tiny_root: Path) -> None:
    _append(tiny_root, RUTIN, "\nSe också [Utreda](rapportera-avvikelsen.md).\n")
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    assert (
        f'{RUTIN}:22: länken "rapportera-avvikelsen.md" leder inte till någon sida i '
        'ledningssystemet. Menade du "rapportera-avvikelse.md"?' in result.stderr
    ), result.stderr
    assert "Traceback" not in result.stderr


def test_links_to_a_process_map_page_and_its_bpmn_are_checked(tiny_root: Path) -> None:
    # processer/<id>/karta.md and processer/<id>.bpmn are pages too: a link to them is
    # good, and a link to a map that does not exist is found like any other.
    _append(
        tiny_root,
        RUTIN,
        "\n[Kartan](../processer/avvikelsehantering/karta.md)\n"
        "[BPMN](../processer/avvikelsehantering.bpmn)\n"
        "[Fel karta](../processer/avvikelsehanterin/karta.md)\n",
    )
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    assert (
        f'{RUTIN}:24: länken "../processer/avvikelsehanterin/karta.md" leder inte till någon '
        'sida i ledningssystemet. Menade du "../processer/avvikelsehantering/karta.md"?'
    ) in result.stderr, result.stderr
    assert 'avvikelsehantering/karta.md" leder' not in result.stderr
    assert "avvikelsehantering.bpmn" not in result.stderr


def test_broken_docs_and_process_links_are_found_together(tiny_root: Path) -> None:
    _append(tiny_root, "docs/index.md", "\n[Processer](processer/avvikelsehanterin.md)\n")
    process_file = tiny_root / "processes/avvikelsehantering.yml"
    text = process_file.read_text(encoding="utf-8")
    process_file.write_text(
        text.replace(
            "    rutiner: [rapportera-avvikelse]\n",
            "    rutiner: [rapportera-avvikelse]\n"
            "    beskrivning: |\n      Gör så här.\n      Se [rutinen](../rutiner/saknas.md).\n",
        ),
        encoding="utf-8",
    )
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    assert (
        'docs/index.md:5: länken "processer/avvikelsehanterin.md" leder inte till någon sida '
        'i ledningssystemet. Menade du "processer/avvikelsehantering.md"?' in result.stderr
    ), result.stderr
    assert (
        'processes/avvikelsehantering.yml:25 – fältet "steg nr 1 › beskrivning": länken '
        '"../rutiner/saknas.md"' in result.stderr
    ), result.stderr


def test_build_reports_the_broken_link_in_swedish_not_mkdocs_english(tiny_root: Path) -> None:
    _append(tiny_root, RUTIN, "\n[Trasig](finns-inte.md)\n")
    result = run_mkdocs_build(tiny_root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f'{RUTIN}:22: länken "finns-inte.md" leder inte till någon sida' in output
    assert "contains a link" not in output
    assert not (tiny_root / "site").exists()


def test_valid_links_code_and_external_links_pass(tiny_root: Path) -> None:
    _append(
        tiny_root,
        RUTIN,
        "\n[Processen](../processer/avvikelsehantering.md#steg-rapportera), "
        "[alla rutiner](index.md), [extern](https://example.org/x.md), [stycke](#syfte)\n"
        "`[inte en länk](kod.md)`\n\n```\n[i kod](kod.md)\n```\n",
    )
    result = run_cli(tiny_root, "check")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[a](x.md)", [(0, "x.md")]),
        ('text\n[a](x.md "titel") och ![bild](b.png)', [(1, "x.md"), (1, "b.png")]),
        ("[ref]: ../y.md", [(0, "../y.md")]),
        ('<a href="z.md">z</a>', [(0, "z.md")]),
        ("`[a](x.md)`", []),
        ("```\n[a](x.md)\n```\n[b](y.md)", [(3, "y.md")]),
        ("{{ figure('a') }} [c](c.md)", [(0, "c.md")]),
    ],
)
def test_markdown_links_are_found_outside_code(
    markdown: str, expected: list[tuple[int, str]]
) -> None:
    assert list(markdown_links(markdown)) == expected


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """main with a gällande rutin a (1.0), a process and a current CODEOWNERS; then a branch."""
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process())
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0"))
    assert run_cli(repo.root, "codeowners").returncode == 0
    repo.commit("Start", "2025-01-01")
    repo.git("checkout", "-q", "-b", "andring")
    return repo


def test_uncommitted_change_without_new_version_fails_check(repo: GitRepo) -> None:
    assert run_cli(repo.root, "check").returncode == 0
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0", body="Ny text."))
    result = run_cli(repo.root, "check")
    assert result.returncode == 1
    assert "Versionsreglerna kontrollerades mot main" in result.stdout
    assert (
        'routines/a.md:7 – fältet "version": innehållet i ett gällande dokument har ändrats '
        "men versionen är fortfarande 1.0. Höj versionen (t.ex. till 1.1) och sätt ett nytt "
        "gäller_från." in result.stderr
    ), result.stderr
    assert "Inga fel" not in result.stdout + result.stderr


def test_new_version_passes_check(repo: GitRepo) -> None:
    repo.write(
        "routines/a.md",
        routine("a", "Rutin A", "1.1", valid_from="2025-03-01", approved_on="2025-02-20"),
    )
    result = run_cli(repo.root, "check")
    assert result.returncode == 0, result.stderr
    assert "klart för granskning" in result.stdout


def test_editorial_change_needs_no_new_version(repo: GitRepo) -> None:
    text = routine("a", "Rutin A", "1.0", body="Gör så här, rättat.").replace(
        "---\n\n# Rutin A", 'redaktionell_ändring: "Rättat stavfel"\n---\n\n# Rutin A'
    )
    repo.write("routines/a.md", text)
    result = run_cli(repo.root, "check")
    assert result.returncode == 0, result.stderr


def test_new_search_word_needs_no_new_version(repo: GitRepo) -> None:
    text = routine("a", "Rutin A", "1.0").replace(
        "---\n\n# Rutin A", "nyckelord: [fall]\n---\n\n# Rutin A"
    )
    repo.write("routines/a.md", text)
    assert run_cli(repo.root, "check").returncode == 0


def test_moved_file_with_stale_codeowners_is_reported_with_other_errors(repo: GitRepo) -> None:
    repo.write("routines/sub/a.md", (repo.root / "routines/a.md").read_text(encoding="utf-8"))
    repo.remove("routines/a.md")
    repo.write("routines/b.md", routine("b", "Rutin B", owner="saknad-roll"))
    result = run_cli(repo.root, "check")
    assert result.returncode == 1
    assert "CODEOWNERS: filen stämmer inte med dokumentens ägare (routines/a.md, " in result.stderr
    assert "Kör make codeowners" in result.stderr
    assert 'routines/b.md:5 – fältet "ägare": rollen "saknad-roll" finns inte' in result.stderr


def test_check_outside_git_says_the_version_rule_was_not_applied(tiny_root: Path) -> None:
    result = run_cli(tiny_root, "check")
    assert result.returncode == 0, result.stderr
    assert "Versionsreglerna kontrollerades inte" in result.stdout
