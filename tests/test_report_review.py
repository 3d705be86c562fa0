"""`changes --base`: the reviewer of a data pull request sees which figures change, old → new."""

from __future__ import annotations

import shutil
from pathlib import Path

from ledningssystem.commands.changes import REVIEW_SECTIONS
from ledningssystem.doccontrol.change_summary import summarise
from ledningssystem.doccontrol.changes import collect_changes
from ledningssystem.report.review import figures_section
from tests.conftest import REPO, run_cli
from tests.gitrepo import GitRepo


def _repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "portal")
    shutil.copytree(REPO / "reports", repo.root / "reports")
    shutil.copy2(REPO / "roles" / "organisation.yml", repo.root / "roles" / "organisation.yml")
    repo.commit("Berättelserna", "2026-01-10")
    repo.git("checkout", "-q", "-b", "data-2025")
    return repo


def _edit(repo: GitRepo, path: str, old: str, new: str) -> None:
    text = (repo.root / path).read_text(encoding="utf-8")
    assert old in text, (path, old)
    repo.write(path, text.replace(old, new, 1))


def test_changes_lists_every_changed_figure_old_to_new(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    # Two more complaints from brukare at hemtjanst-norr, both answered in time.
    _edit(repo, "reports/2025/klagomal.csv", "\n", "\nhemtjanst-norr;brukare;bemotande;2;2\n")
    repo.commit("Två klagomål till", "2026-01-12")
    result = run_cli(repo.root, "changes", "--base", "main")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    section = text.split("### Nyckeltal i kvalitetsberättelsen\n\n", 1)[1]
    assert section.startswith("10 nyckeltal ändras i 1 år.\n\n| År | Nyckeltal | Före | Efter |\n")
    assert "| 2025 | Klagomål och synpunkter (`klagomal.total`) | 48 | 50 |" in section
    assert "| 2024 |" not in section


def test_no_section_without_report_changes_and_a_note_when_figures_stay(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write("docs/index.md", "# Start\n")
    repo.commit("Bara en sida", "2026-01-12")
    assert figures_section(collect_changes(repo.root, "main")) is None

    _edit(repo, "reports/2025/text/sammanfattning.md", "\n", "\nEn mening till.\n")
    repo.commit("Bara text", "2026-01-13")
    section = figures_section(collect_changes(repo.root, "main"))
    assert section is not None
    assert section.markdown == "Ändringarna i reports/ ändrar inga nyckeltal."


def test_a_new_year_is_summarised_in_one_line(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    shutil.copytree(repo.root / "reports" / "2025", repo.root / "reports" / "2026")
    _edit(repo, "reports/2026/report.yml", "år: 2025", "år: 2026")
    repo.commit("Nytt år", "2026-01-12")
    summary = summarise(collect_changes(repo.root, "main"), REVIEW_SECTIONS)
    assert "- 2026 är ett nytt år med " in summary.markdown


def test_a_change_to_a_faststalld_year_shows_its_rattelse(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _edit(repo, "reports/2024/klagomal.csv", "bemotande;4;4;okänt\n", "bemotande;4;3;okänt\n")
    repo.commit("Rätta i_tid", "2026-01-12")
    section = figures_section(collect_changes(repo.root, "main"))
    assert section is not None
    assert (
        "**2024 är fastställt** och grenen ändrar det utan en registrerad rättelse; `make check` "
        "stoppar." in section.markdown
    )
    args = [
        "--rättelse",
        "Felregistrerat",
        "--ändring",
        "i_tid",
        "--datum",
        "2026-01-12",
        "--utan-pdf",
    ]
    assert run_cli(repo.root, "fastställ", "2024", *args).returncode == 0
    repo.commit("Rättelse", "2026-01-12")
    section = figures_section(collect_changes(repo.root, "main"))
    assert section is not None
    assert "| 2024 | Andel " in section.markdown
    assert section.markdown.endswith(
        "**2024 är fastställt**; grenen registrerar en rättelse: 2026-01-12, Felregistrerat (i_tid)"
    )
