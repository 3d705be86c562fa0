"""CODEOWNERS: every process and rutin asks its owner's Git users for review."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.doccontrol.codeowners import CODEOWNERS_FILE, render_codeowners
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO, run_cli
from tests.gitrepo import GitRepo, process, routine


def test_codeowners_matches_the_owners(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process(owner="enhetschef"))
    repo.write("routines/a.md", routine("a", "Rutin A", owner="kvalitetschef"))
    repo.write("routines/sub/b c.md", routine("b", "Rutin B", owner="medarbetare"))
    lines = [
        line
        for line in render_codeowners(load_ledningssystem(repo.root)).splitlines()
        if line
        and not line.startswith("# Skapad")
        and not line.startswith("# Ägaren")
        and not line.startswith("# Byt")
        and not line.startswith("# ett test")
    ]
    assert lines == [
        "# Roller, organisation och inställningar styr vem som granskar allt annat; de granskas av",
        '# standardgranskaren "kvalitetschef" (granskning: standardgranskare i '
        "ledningssystem.yml).",
        "/CODEOWNERS @kc @org/kvalitet",
        "/ledningssystem.yml @kc @org/kvalitet",
        "/roles/organisation.yml @kc @org/kvalitet",
        "/roles/roller.yml @kc @org/kvalitet",
        "/processes/avvikelser.yml @ec",
        "/routines/a.md @kc @org/kvalitet",
        '# /routines/sub/b\\ c.md: ägaren "medarbetare" har ingen Git-användare (git:) i '
        "roles/roller.yml",
    ]


def test_codeowners_command_writes_and_checks(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.write("routines/a.md", routine("a", "Rutin A"))
    assert run_cli(repo.root, "codeowners", "--check").returncode == 1
    assert run_cli(repo.root, "codeowners").returncode == 0
    assert "/routines/a.md @kc @org/kvalitet" in (repo.root / "CODEOWNERS").read_text("utf-8")
    check = run_cli(repo.root, "codeowners", "--check")
    assert check.returncode == 0, check.stderr
    repo.write("routines/a.md", routine("a", "Rutin A", owner="enhetschef"))
    stale = run_cli(repo.root, "codeowners", "--check")
    assert stale.returncode == 1
    assert "Kör make codeowners" in stale.stderr


def test_committed_codeowners_is_up_to_date() -> None:
    committed = (REPO / CODEOWNERS_FILE).read_text(encoding="utf-8")
    assert committed == render_codeowners(load_ledningssystem(REPO)), (
        "CODEOWNERS stämmer inte med dokumentens ägare: kör `python -m ledningssystem codeowners` "
        "(eller `make codeowners`) och checka in filen."
    )
