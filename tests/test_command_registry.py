"""The command table: every command listed is registered by its module, and a command imports
only its own module (importing all of them cost every command ~0.4 s)."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from ledningssystem.cli import main
from ledningssystem.commands.registry import COMMANDS, PACKAGE, REGISTERED, load_command
from tests.conftest import REPO

COMMAND_FOLDER = REPO / "ledningssystem" / "commands"


def _decorated() -> dict[str, str]:
    """Command name → module, from every @command(...) in the command modules."""
    found = {}
    for path in sorted(COMMAND_FOLDER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "command"
                and isinstance(node.args[0], ast.Constant)
            ):
                found[node.args[0].value] = path.stem
    return found


def test_the_table_names_the_module_of_every_command() -> None:
    assert {name: listed.module for name, listed in COMMANDS.items()} == _decorated()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_listed_command_is_registered_by_its_module(name: str) -> None:
    assert load_command(name) is REGISTERED[name]


def test_help_lists_every_command_with_its_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for name, listed in COMMANDS.items():
        assert f"{name} {' '.join(listed.help_text.split())}" in shown


def test_a_command_imports_only_its_own_module() -> None:
    probe = (
        "import sys\n"
        "from ledningssystem.cli import main\n"
        "try:\n"
        "    main(['--root', '.', 'check', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith('{PACKAGE}.')))\n"
        "print('docx' in sys.modules, 'ledningssystem.wordimport' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    modules, word = done.stdout.splitlines()[-2:]
    assert modules == f"['{PACKAGE}.check', '{PACKAGE}.registry']"
    assert word == "False False"
