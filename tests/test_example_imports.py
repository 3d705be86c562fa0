"""The example's imported data files are what the guide's import commands produce (issue 10).

The report guide shows, for each imported file of the example's 2025, the `make import`
command that made it from a sample export in the repository. Each is run here (as the
Makefile runs it) in a copy of the example, and must give the example's file byte for byte.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_example, run_cli

GUIDE = REPO / "docs" / "skriva" / "kvalitetsberattelse.md"
_COMMAND = re.compile(
    r"^make import TYP=(?P<kind>\S+) FIL=(?P<file>tests/fixtures/import/\S+) YEAR=(?P<year>\d{4}) "
    r"MAPPNING=(?P<mapping>\S+) FORCE=ja$",
    re.MULTILINE,
)
DATA_FILES = {
    "avvikelser": "avvikelser.csv",
    "klagomal": "klagomal.csv",
    "lex-sarah": "lex-sarah.yml",
    "lex-maria": "lex-maria.yml",
    "personuppgiftsincidenter": "personuppgiftsincidenter.csv",
    "ej-verkstallda-beslut": "ej-verkstallda-beslut.csv",
    "domar": "domar.csv",  # an own kind (egna_uppgifter in reports/config.yml)
}
COMMANDS = list(_COMMAND.finditer(GUIDE.read_text(encoding="utf-8")))


def test_the_guide_shows_a_command_for_every_imported_example_file() -> None:
    assert sorted(m["kind"] for m in COMMANDS) == sorted(DATA_FILES)


@pytest.mark.parametrize("command", COMMANDS, ids=[m["kind"] for m in COMMANDS])
def test_reimporting_the_sample_export_reproduces_the_example_file(
    command: re.Match[str], tmp_path: Path
) -> None:
    root = copy_example(tmp_path / "portal")
    shutil.copytree(REPO / "tests" / "fixtures" / "import", root / "tests" / "fixtures" / "import")
    target = root / "reports" / command["year"] / DATA_FILES[command["kind"]]
    target.write_text("ändras av importen\n", encoding="utf-8")
    args = ["import", command["kind"], command["file"], "--year", command["year"]]
    result = run_cli(root, *args, "--mapping", command["mapping"], "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    example = REPO / "reports" / command["year"] / DATA_FILES[command["kind"]]
    assert target.read_bytes() == example.read_bytes()
