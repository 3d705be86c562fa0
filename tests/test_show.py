"""`show --as-of`: the version in force on a date, before, between and after commits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ledningssystem.doccontrol.as_of import version_in_force
from ledningssystem.doccontrol.history import read_history
from tests.conftest import run_cli
from tests.gitrepo import GitRepo, routine


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "portal")
    repo.write(
        "routines/a.md", routine("a", "Rutin A", "1.0", valid_from="2025-01-10", body="Första.")
    )
    repo.commit("Version 1.0", "2025-01-10")
    repo.write(
        "routines/a.md",
        routine(
            "a", "Rutin A", "2.0", valid_from="2025-03-01", approved_on="2025-02-20", body="Andra."
        ),
    )
    repo.commit("Version 2.0, gäller från 1 mars", "2025-02-20")  # committed ahead of its date
    repo.git("mv", "routines/a.md", "routines/rutin-a.md")
    repo.write(
        "routines/rutin-a.md",
        routine(
            "a", "Rutin A", "2.1", valid_from="2025-06-01", approved_on="2025-05-28", body="Tredje."
        ),
    )
    repo.commit("Version 2.1", "2025-06-01")
    repo.write("routines/rutin-a.md", routine("a", "Rutin A", "2.1", status="upphörd"))
    repo.commit("Rutin A upphör", "2025-09-01")
    return repo


@pytest.mark.parametrize(
    ("day", "version"),
    [
        ("2025-01-10", "1.0"),  # the day of the first commit
        ("2025-02-01", "1.0"),  # between commits
        ("2025-02-25", "1.0"),  # 2.0 committed but not yet in force
        ("2025-03-01", "2.0"),
        ("2025-05-31", "2.0"),
        ("2025-06-01", "2.1"),  # after the rename
        ("2025-08-31", "2.1"),
    ],
)
def test_version_in_force(repo: GitRepo, day: str, version: str) -> None:
    answer = version_in_force(
        read_history(repo.root), "routines/rutin-a.md", dt.date.fromisoformat(day)
    )
    assert answer.revision is not None, answer.explanation
    assert answer.revision.meta is not None
    assert answer.revision.meta.version == version


def test_before_the_first_commit_and_after_retirement(repo: GitRepo) -> None:
    history = read_history(repo.root)
    before = version_in_force(history, "routines/rutin-a.md", dt.date(2025, 1, 9))
    assert before.revision is None
    assert before.explanation == (
        "routines/rutin-a.md fanns inte i Git den 2025-01-09 (första versionen är från 2025-01-10)"
    )
    after = version_in_force(history, "routines/rutin-a.md", dt.date(2025, 12, 1))
    assert after.revision is None
    assert "hade upphört den 2025-12-01" in after.explanation


def test_show_prints_the_text_and_metadata(repo: GitRepo) -> None:
    result = run_cli(repo.root, "show", "routines/rutin-a.md", "--as-of", "2025-02-25")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Rutin A – gällande 2025-02-25\n")
    assert "- Version: 1.0\n" in out and "- Gäller från: 2025-01-10\n" in out
    assert "- Fastställd av: Förvaltningschef, 2024-12-15\n" in out
    assert "- Ägare: Kvalitetschef\n" in out
    assert '"Version 1.0"' in out and "- Fil: routines/a.md\n" in out
    assert "Obs: version 2.0 var incheckad 2025-02-20 men gäller först från 2025-03-01." in out
    assert out.rstrip().endswith("Första.")


def test_show_before_any_version_is_an_error(repo: GitRepo) -> None:
    result = run_cli(repo.root, "show", "routines/rutin-a.md", "--as-of", "2024-12-31")
    assert result.returncode == 1
    assert result.stderr.startswith("Fel: routines/rutin-a.md fanns inte i Git den 2024-12-31")


def test_show_rejects_a_bad_date(repo: GitRepo) -> None:
    result = run_cli(repo.root, "show", "routines/rutin-a.md", "--as-of", "1 mars")
    assert result.returncode == 2
    assert '"1 mars" är inte ett datum ÅÅÅÅ-MM-DD' in result.stderr


def test_show_accepts_an_old_file_name(repo: GitRepo) -> None:
    result = run_cli(repo.root, "show", "routines/a.md", "--as-of", "2025-07-01")
    assert result.returncode == 0, result.stderr
    assert "- Version: 2.1\n" in result.stdout
