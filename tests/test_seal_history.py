"""A year once fastställd stays fastställd: deleting its lock file is caught from Git history."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import run_cli


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_deleting_the_lock_and_writing_utkast_does_not_unseal(example_root: Path) -> None:
    _git(example_root, "init", "-q", "-b", "main")
    _git(example_root, "add", "-A")
    _git(example_root, "commit", "-q", "-m", "Exemplet")
    (example_root / "reports/2024/faststalld.lock").unlink()
    meta = example_root / "reports/2024/report.yml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("status: fastställd", "status: utkast", 1),
        encoding="utf-8",
    )
    _git(example_root, "commit", "-q", "-am", "Ångra fastställandet")
    result = run_cli(example_root, "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert (
        'reports/2024/report.yml – fältet "status": året 2024 har fastställts '
        "(reports/2024/faststalld.lock finns i Git-historiken, ändring "
    ) in output
    assert "men status är utkast och faststalld.lock saknas. En fastställd berättelse" in output


def _reseal_2024(root: Path) -> None:
    """A rättelse of 2024, so its seal is written by this version (with its dependencies)."""
    path = root / "reports/2024/klagomal.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("bemotande;4;4;okänt\n", "bemotande;4;3;okänt\n", 1), encoding="utf-8"
    )
    result = run_cli(
        root, "fastställ", "2024", "--rättelse", "Fel i exporten", "--ändring", "i tid"
    )
    assert result.returncode == 0, result.stderr
    assert run_cli(root, "check").returncode == 0


def test_the_seal_covers_the_report_settings(example_root: Path) -> None:
    _reseal_2024(example_root)
    config = example_root / "reports/config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("från: 12}", "från: 25}", 1), encoding="utf-8"
    )
    result = run_cli(example_root, "check")
    assert result.returncode == 1
    assert (
        "reports/config.yml: året 2024 är fastställt och filen har ändrats efter beslutet "
        "(berättelsens siffror och namn bygger på den;"
    ) in result.stdout + result.stderr


def test_the_seal_covers_the_names_the_year_prints(example_root: Path) -> None:
    _reseal_2024(example_root)
    organisation = example_root / "roles/organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("namn: Socialnämnden", "namn: Omsorgsnämnden", 1))
    result = run_cli(example_root, "check")
    assert result.returncode == 1
    assert (
        "roles/organisation.yml: året 2024 är fastställt och filen har ändrats efter beslutet"
    ) in result.stdout + result.stderr


def test_a_changed_sealed_file_names_its_line_and_how_to_undo_it(example_root: Path) -> None:
    _git(example_root, "init", "-q", "-b", "main")
    _git(example_root, "add", "-A")
    _git(example_root, "commit", "-q", "-m", "Exemplet")
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=example_root, capture_output=True, text=True, check=True
    ).stdout.strip()[:10]
    path = example_root / "reports/2024/klagomal.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if "bemotande;4;4" in line)
    lines[number - 1] = lines[number - 1].replace("bemotande;4;4", "bemotande;4;3")
    path.write_text("".join(lines), encoding="utf-8")
    result = run_cli(example_root, "check")
    assert result.returncode == 1
    assert (
        f"reports/2024/klagomal.csv:{number}: året 2024 är fastställt och filen har ändrats "
        "efter beslutet. Berättelsen för 2024 är fastställd och får inte ändras i efterhand. "
        "Ångra ändringen, eller, om det är en rättelse, registrera den: make faststall "
        'YEAR=2024 RATTELSE="varför" ANDRING="vad som ändrades". '
        f"git diff {commit} -- reports/2024/klagomal.csv visar vad som ändrats sedan "
        f"förseglingen; git checkout {commit} -- reports/2024/klagomal.csv ångrar det."
    ) in result.stdout + result.stderr


def test_without_git_a_changed_sealed_file_says_why_no_line(example_root: Path) -> None:
    path = example_root / "reports/2024/klagomal.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    output = run_cli(example_root, "check").stderr
    assert "reports/2024/klagomal.csv: året 2024 är fastställt och filen har ändrats" in output
    assert "Vilken rad som ändrats går inte att säga utan Git-historik" in output
