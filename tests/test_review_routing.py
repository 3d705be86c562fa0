"""Precise review routing: a role in a unit, a default reviewer, a new approval per version."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.doccontrol.codeowners import render_codeowners
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import run_cli
from tests.gitrepo import ORGANISATION, ROLES, GitRepo, routine

UNIT_ROLES = (
    ROLES
    + """\
  - id: avdelningschef
    namn: Avdelningschef
    beskrivning: Leder en avdelning.
    git: ["@ac-ifo", "@ac-vo"]
    git_per_enhet:
      ifo: ["@ac-ifo"]
      vard-och-omsorg: ["@ac-vo"]
"""
)

UNIT_ORGANISATION = (
    ORGANISATION
    + """\
  - id: vard-och-omsorg
    namn: Vård och omsorg
    enheter:
      - {id: hemtjanst, namn: Hemtjänst}
"""
)


def _repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "portal")
    repo.write("roles/roller.yml", UNIT_ROLES)
    repo.write("roles/organisation.yml", UNIT_ORGANISATION)
    return repo


def _line(codeowners: str, path: str) -> str:
    return next(line for line in codeowners.splitlines() if line.startswith(path + " "))


def test_unit_owned_document_asks_only_that_units_holder(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write("routines/ifo.md", routine("ifo", "IFO", owner="avdelningschef@ifo"))
    repo.write("routines/vo.md", routine("vo", "VO", owner="avdelningschef@vard-och-omsorg"))
    repo.write("routines/hem.md", routine("hem", "Hemtjänst", owner="avdelningschef@hemtjanst"))
    repo.write("routines/alla.md", routine("alla", "Alla", owner="avdelningschef"))
    codeowners = render_codeowners(load_ledningssystem(repo.root))
    assert _line(codeowners, "/routines/ifo.md") == "/routines/ifo.md @ac-ifo"
    assert _line(codeowners, "/routines/vo.md") == "/routines/vo.md @ac-vo"
    # An enhet without its own holder goes to the holder of its avdelning.
    assert _line(codeowners, "/routines/hem.md") == "/routines/hem.md @ac-vo"
    assert _line(codeowners, "/routines/alla.md") == "/routines/alla.md @ac-ifo @ac-vo"


def test_unit_without_holder_is_not_routed_to_every_holder(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write("routines/bu.md", routine("bu", "BU", owner="enhetschef@barn-och-unga"))
    codeowners = render_codeowners(load_ledningssystem(repo.root))
    assert "/routines/bu.md @ec" not in codeowners
    assert (
        '# /routines/bu.md: ägaren "enhetschef@barn-och-unga" har ingen Git-användare för '
        '"barn-och-unga" (git_per_enhet:) i roles/roller.yml' in codeowners
    )


def test_role_and_organisation_files_go_to_the_configured_default_reviewer(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    default = render_codeowners(load_ledningssystem(repo.root))
    assert _line(default, "/roles/roller.yml") == "/roles/roller.yml @kc @org/kvalitet"
    settings = (repo.root / "ledningssystem.yml").read_text("utf-8")
    repo.write("ledningssystem.yml", settings + "granskning:\n  standardgranskare: enhetschef\n")
    routed = render_codeowners(load_ledningssystem(repo.root))
    for path in ("/roles/roller.yml", "/roles/organisation.yml", "/ledningssystem.yml"):
        assert _line(routed, path) == f"{path} @ec"


def test_unknown_unit_and_reviewer_are_content_errors(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write("routines/x.md", routine("x", "X", owner="avdelningschef@ifoo"))
    settings = (repo.root / "ledningssystem.yml").read_text("utf-8")
    repo.write("ledningssystem.yml", settings + "granskning:\n  standardgranskare: kvalitetchef\n")
    result = run_cli(repo.root, "check")
    assert result.returncode == 1
    assert (
        'routines/x.md:5 – fältet "ägare": organisationsdelen "ifoo" finns inte. '
        'Menade du "ifo" – Individ- och familjeomsorg?' in result.stderr
    )
    assert 'fältet "granskning › standardgranskare": rollen "kvalitetchef" finns inte' in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_unit_owner_is_shown_on_the_review_summary(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write("routines/a.md", routine("a", "Rutin A", owner="avdelningschef@ifo"))
    repo.commit("Start", "2025-01-01")
    repo.git("checkout", "-q", "-b", "andring")
    repo.write(
        "routines/a.md",
        routine(
            "a",
            "Rutin A",
            "1.1",
            owner="avdelningschef@ifo",
            body="Ny.",
            valid_from="2025-03-01",
            approved_on="2025-02-20",
        ),
    )
    repo.commit("Ny version", "2025-02-21")
    result = run_cli(repo.root, "changes", "--base", "main")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| Avdelningschef (ifo) | @ac-ifo |" in result.stdout


def test_new_version_with_the_old_approval_date_fails_changes(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write("routines/a.md", routine("a", "Rutin A", "2.1", approved_on="2024-12-15"))
    repo.commit("Start", "2025-01-01")
    repo.git("checkout", "-q", "-b", "andring")
    repo.write(
        "routines/a.md",
        routine("a", "Rutin A", "2.2", valid_from="2025-03-01", approved_on="2024-12-15"),
    )
    repo.commit("Ny version med gammalt beslut", "2025-02-21")
    result = run_cli(repo.root, "changes", "--base", "main")
    assert result.returncode == 1, result.stdout
    assert (
        "`routines/a.md` (Rutin A): den nya versionen 2.2 har fastställd_datum 2024-12-15, men "
        "version 2.1 fastställdes 2024-12-15. En ny version ska fastställas på nytt"
        in result.stdout
    )
    repo.write(
        "routines/a.md",
        routine("a", "Rutin A", "2.2", valid_from="2025-03-01", approved_on="2025-02-20"),
    )
    repo.commit("Nytt beslut", "2025-02-22")
    fixed = run_cli(repo.root, "changes", "--base", "main")
    assert fixed.returncode == 0, fixed.stdout
