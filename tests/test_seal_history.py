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
