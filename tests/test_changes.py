"""`changes --base`: the reviewer's summary catches missing and backwards version bumps."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.doccontrol.change_summary import next_version, summarise
from ledningssystem.doccontrol.changes import collect_changes
from ledningssystem.doccontrol.summary_section import Section
from tests.conftest import run_cli
from tests.gitrepo import GitRepo, process, routine


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """main with a gällande rutin a (1.0), a rutin b and a process; then a branch."""
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process())
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0", valid_from="2025-01-01"))
    repo.write("routines/b.md", routine("b", "Rutin B", "2.3", owner="enhetschef"))
    repo.commit("Start", "2025-01-01")
    repo.git("checkout", "-q", "-b", "andring")
    return repo


def _changes(repo: GitRepo):  # noqa: ANN202
    return run_cli(repo.root, "changes", "--base", "main")


def test_content_change_without_version_bump_fails(repo: GitRepo) -> None:
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0", body="Ny text."))
    repo.commit("Ändra text", "2025-02-01")
    result = _changes(repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "**Granskningen stoppar: 1 fel måste rättas.**" in result.stdout
    assert (
        "- `routines/a.md` (Rutin A): innehållet i ett gällande dokument har ändrats men "
        "versionen är fortfarande 1.0. Höj versionen (t.ex. till 1.1) och sätt ett nytt "
        "gäller_från." in result.stdout
    )


def test_version_bump_without_new_valid_from_fails(repo: GitRepo) -> None:
    repo.write("routines/a.md", routine("a", "Rutin A", "1.1", body="Ny text."))
    repo.commit("Ändra text", "2025-02-01")
    result = _changes(repo)
    assert result.returncode == 1
    assert "den nya versionen 1.1 har samma gäller_från som den förra (2025-01-01)" in result.stdout


def test_backwards_version_fails(repo: GitRepo) -> None:
    repo.write("routines/b.md", routine("b", "Rutin B", "2.2", owner="enhetschef"))
    repo.commit("Fel version", "2025-02-01")
    result = _changes(repo)
    assert result.returncode == 1
    assert "versionen har gått bakåt, från 2.3 till 2.2" in result.stdout


def test_a_correct_change_passes_and_names_the_approvers(repo: GitRepo) -> None:
    repo.write(
        "routines/a.md",
        routine(
            "a",
            "Rutin A",
            "1.1",
            valid_from="2025-03-01",
            approved_on="2025-02-20",
            body="Ny text.",
        ),
    )
    repo.write(
        "routines/b.md", routine("b", "Rutin B", "2.3", status="upphörd", owner="enhetschef")
    )
    repo.write("routines/c.md", routine("c", "Rutin C", status="utkast"))
    repo.commit("Ny version av A, B upphör, utkast C", "2025-02-01")
    result = _changes(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "**Inga fel i dokumentstyrningen.**" in out
    assert "1 nytt, 1 ändrat, 1 upphört och 0 borttagna dokument." in out
    assert "| Rutin C (`routines/c.md`) | rutin | utkast | 1.0 | Kvalitetschef |" in out
    assert (
        "| Rutin A (`routines/a.md`) | rutin | 1.0 → 1.1 | gällande | 2025-01-01 → 2025-03-01 "
        "| innehåll |" in out
    )
    assert "| Rutin B (`routines/b.md`) | rutin | 2.3 | Enhetschef |" in out
    assert "| Enhetschef | @ec | äger Rutin B |" in out
    assert "| Förvaltningschef | @fc | fastställer Rutin A |" in out
    assert "| Kvalitetschef | @kc @org/kvalitet | äger Rutin A, Rutin C |" in out


def test_control_fields_alone_need_no_new_version(repo: GitRepo) -> None:
    # A review that changes nothing but extends the review date.
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0", review_by="2027-12-15"))
    repo.commit("Granskad, inga ändringar", "2025-02-01")
    result = _changes(repo)
    assert result.returncode == 0, result.stdout
    assert "| bara dokumentuppgifter |" in result.stdout


def test_drafts_may_change_freely(repo: GitRepo) -> None:
    repo.write("routines/c.md", routine("c", "Rutin C", status="utkast"))
    repo.commit("Utkast", "2025-02-01")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--ff-only", "andring")
    repo.git("checkout", "-q", "-b", "vidare")
    repo.write("routines/c.md", routine("c", "Rutin C", status="utkast", body="Mer text."))
    repo.commit("Skriv vidare", "2025-02-02")
    assert _changes(repo).returncode == 0


def test_renamed_and_deleted_documents(repo: GitRepo) -> None:
    repo.git("mv", "routines/a.md", "routines/rutin-a.md")
    repo.remove("routines/b.md")
    repo.commit("Byt namn och ta bort", "2025-02-01")
    result = _changes(repo)
    assert result.returncode == 0, result.stdout
    assert "nytt filnamn (från `routines/a.md`)" in result.stdout
    assert "**Borttagna dokument**" in result.stdout


def test_unknown_base_is_a_swedish_error(repo: GitRepo) -> None:
    result = run_cli(repo.root, "changes", "--base", "finns-inte")
    assert result.returncode == 1
    assert 'Fel: ändringarna kan inte läsas ur Git: Git-referensen "finns-inte" finns inte.' in (
        result.stderr
    )


def test_section_providers_extend_the_summary(repo: GitRepo) -> None:
    repo.write("reports/siffror.yml", "antal: 3\n")
    repo.commit("Siffror", "2025-02-01")
    changes = collect_changes(repo.root, "main")

    def figures(change_set):  # noqa: ANN001, ANN202 - a later feature's provider
        paths = [f.path for f in change_set.files if f.path.startswith("reports/")]
        return Section("Siffror", ", ".join(paths), ("siffrorna saknar källa",)) if paths else None

    summary = summarise(changes, providers=[figures])
    assert "### Siffror\n\nreports/siffror.yml" in summary.markdown
    assert summary.problems == ["siffrorna saknar källa"]
    assert changes.read("head", "reports/siffror.yml") == b"antal: 3\n"
    assert changes.read("base", "reports/siffror.yml") is None


def test_next_version() -> None:
    assert [next_version(v) for v in ("1.0", "1.9", "2", "1.2.3")] == [
        "1.1",
        "1.10",
        "2.1",
        "1.2.4",
    ]


def test_other_files_are_listed_and_role_changes_flagged(repo: GitRepo) -> None:
    repo.write("roles/roller.yml", (repo.root / "roles/roller.yml").read_text("utf-8") + "\n")
    repo.write("docs/ny-sida.md", "# Ny sida\n")
    repo.commit("Roller och en sida", "2025-02-01")
    out = _changes(repo).stdout
    assert "### Övriga filer\n\n- `docs/ny-sida.md` (ny)\n- `roles/roller.yml` (ändrad)" in out
    assert "kontrollera ändrade Git-användare (`git:`) särskilt" in out
