"""The forked `python -m` of the tests behaves as a fresh process (tests/module_runner.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ledningssystem.cli
from tests.module_runner import run_module

PROBE = """import os, sys
import ledningssystem.cli as cli
print("cwd", os.getcwd())
print("env", os.environ.get("PROBE_VALUE"))
print("seen", getattr(cli, "probe_mark", None))
cli.probe_mark = "set by an earlier command"
print("args", sys.argv[1:])
print("to stderr", file=sys.stderr)
if sys.argv[1:] == ["fail"]:
    raise ValueError("probe failed")
if sys.argv[1:] == ["message"]:
    sys.exit("a message")
sys.exit(3)
"""


@pytest.fixture
def probe(tmp_path: Path) -> Path:
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    return tmp_path


def test_a_command_gets_its_folder_environment_arguments_and_exit_code(
    probe: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROBE_VALUE", "given")
    result = run_module("probe", ["a", "b"], probe)
    assert result.returncode == 3
    assert result.stdout.splitlines() == [
        f"cwd {probe}",
        "env given",
        "seen None",
        "args ['a', 'b']",
    ]
    assert result.stderr == "to stderr\n"


def test_no_state_passes_from_the_test_process_or_an_earlier_command(
    probe: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledningssystem.cli, "probe_mark", "set in the test", raising=False)
    first, second = run_module("probe", [], probe), run_module("probe", [], probe)
    assert "seen None" in first.stdout and "seen None" in second.stdout


def test_an_uncaught_exception_is_a_traceback_and_exit_1_and_a_message_exit_1(
    probe: Path,
) -> None:
    failed = run_module("probe", ["fail"], probe)
    assert failed.returncode == 1
    assert "Traceback" in failed.stderr and "ValueError: probe failed" in failed.stderr
    stopped = run_module("probe", ["message"], probe)
    assert stopped.returncode == 1 and stopped.stderr.endswith("a message\n")
