"""`make check` remembers its result by every input: an unchanged portal answers at once, and
a change of any kind of input runs the whole check again."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from ledningssystem.cli import main
from ledningssystem.commands import check_run, registry
from ledningssystem.website import check_memo
from ledningssystem.website.check_memo import check_key

RUTIN = "routines/rapportera-avvikelse.md"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(tiny_root: Path) -> Path:
    _git(tiny_root, "init", "-q", "-b", "main")
    _git(tiny_root, "-c", "user.name=T", "-c", "user.email=t@e.se", "add", "-A")
    _git(tiny_root, "-c", "user.name=T", "-c", "user.email=t@e.se", "commit", "-qm", "Start")
    return tiny_root


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_every_kind_of_input_is_part_of_the_key(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = [check_key(repo, False, None)]
    assert check_key(repo, False, None) == keys[0]  # nothing changed: the same key

    def changed() -> bool:
        keys.append(check_key(repo, False, None))
        return keys[-1] not in keys[:-1]

    _append(repo / RUTIN, "\nEtt nytt stycke.\n")  # a content file
    assert changed()
    _append(repo / "docs/index.md", "\nMer.\n")  # a docs/ page
    assert changed()
    (repo / "CODEOWNERS").write_text("# ingen\n", encoding="utf-8")  # a file at the root
    assert changed()
    (repo / "routines/tom-mapp").mkdir()  # a name alone (personnummer in names, links)
    assert changed()
    _git(repo, "-c", "user.name=T", "-c", "user.email=t@e.se", "commit", "-qam", "Mer")
    assert changed()  # Git: HEAD and what is committed (the version rule, the seals)
    _git(repo, "branch", "annan")
    assert changed()  # a branch the version rule may compare with
    assert check_key(repo, True, None) not in keys  # the options
    assert check_key(repo, False, "annan") not in keys
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert changed()

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2099, 1, 1)

    monkeypatch.setattr(check_memo.dt, "date", Tomorrow)
    assert changed()  # "today": review dates fall due without any file changing
    monkeypatch.setattr(check_memo, "engine_digest", lambda: "en annan version")
    assert changed()


def test_a_check_of_unchanged_content_shows_the_same_result_without_running(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runs: list[int] = []
    real = check_run.check  # imported above, so the registry's import by name keeps the stand-in
    monkeypatch.setitem(registry.FULL_RUNS, "check", lambda args: runs.append(1) or real(args))
    _append(repo / RUTIN, "\n<script>alert(1)</script>\n")  # an error, so stderr counts too
    first = main(["--root", str(repo), "check"])
    printed = capsys.readouterr()
    assert first == 1 and "script" in printed.err and runs == [1]
    again = main(["--root", str(repo), "check"])
    assert (again, capsys.readouterr()) == (first, printed) and runs == [1]
    (repo / RUTIN).write_text(
        (repo / RUTIN).read_text(encoding="utf-8").replace("<script>alert(1)</script>", ""),
        encoding="utf-8",
    )
    fixed = main(["--root", str(repo), "check"])
    assert runs == [1, 1] and "script" not in capsys.readouterr().err
    assert fixed == main(["--root", str(repo), "check"]) and runs == [1, 1]


def test_a_warm_check_imports_no_loader() -> None:
    # The memo answers before anything that loads content is imported (the cost of a warm check).
    code = (
        "import sys, ledningssystem.cli, ledningssystem.commands.check; "
        "print(sorted(m for m in sys.modules if m.startswith('ledningssystem.')))"
    )
    imported = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "ledningssystem.commands.check" in imported
    for heavy in ("core.load", "portal.load", "website.readiness", "commands.check_run"):
        assert f"'ledningssystem.{heavy}'" not in imported
