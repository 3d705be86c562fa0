"""Every command the README and the guides show works exactly as written, from a fresh copy.

Commands are taken from shell code blocks (```sh) and from the first code of table rows, then
run in the order they are shown, with bash, in one copy of the repository made as a clone
would have it (a Git repository whose origin/main is its only commit, as a branch's base).
The repository's own .venv is linked in, so `make` finds everything installed and never
downloads. Long-running commands are checked for startup only: `make serve` must answer,
`make test` and `make bench` must expand (`make -n`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from tests.conftest import REPO
from tests.serve_process import fetch, free_port

GUIDES = [REPO / "README.md", *sorted((REPO / "docs").glob("**/*.md"))]
_FENCE = re.compile(r"^```(\w*)\s*$")
_TABLE_COMMAND = re.compile(r"^\|\s*`((?:make|\.venv/bin/)[^`]*)`")
SHELL_BLOCKS = {"sh", "bash", "shell", "console"}

# Shown for the machine's administrator, not run by a test: they change the system itself.
SYSTEM_COMMANDS = {
    "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils"
}
# Setting up the organisation's own portal: they need its Git server and its Word files, and
# ny-organisation replaces the example content every later command works on. Their make
# targets have tests of their own (tests/test_new_organisation.py, tests/test_import_word.py).
ORGANISATION_SETUP = {
    "git clone https://git.er-kommun.se/kvalitet/ledningssystem.git && cd ledningssystem",
    "git clone https://git.er-kommun.se/kvalitet/ledningssystem.git",
    "cd ledningssystem",
    'make ny-organisation KOMMUN="Nykommun" NAMND="Omsorgsnämnden" '
    'FORVALTNING="Omsorgsförvaltningen"',
    'make ny-organisation KOMMUN="Nykommun" NAMND="Omsorgsnämnden" '
    'FORVALTNING="Omsorgsförvaltningen" GIT_URL="https://gitlab.nykommun.se/omsorg/ledningssystem"',
    'git add -A && git commit -m "Vårt eget ledningssystem"',
    "git add -A",
    'git commit -m "Vårt eget ledningssystem"',
    'make import-word FIL="Rutiner"',
    'make import-word FIL="/mnt/g/Kvalitet/Rutiner"',
    "make check && make serve",  # both are run on their own
}
# Run for minutes (the whole test suite, the benchmark, the long fuzz run): check that they
# expand, no more.
DRY_RUN = {"make test", "make bench", "make fuzz"}
# A developer's command that rewrites this very test suite's goldens: check it starts.
COLLECT_ONLY = {"UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py"}


def documented_commands() -> list[tuple[str, str]]:
    """(where, command) for every command shown, in order, each once."""
    found: dict[str, str] = {}
    for guide in GUIDES:
        language = None
        for number, line in enumerate(guide.read_text(encoding="utf-8").splitlines(), 1):
            fence = _FENCE.match(line.strip())
            if fence:
                language = None if language is not None else fence.group(1)
                continue
            where = f"{guide.relative_to(REPO)}:{number}"
            if language in SHELL_BLOCKS:
                command = line.split("  #", 1)[0].strip()
            elif language is None:
                table = _TABLE_COMMAND.match(line)
                command = table.group(1).strip() if table else ""
            else:
                command = ""
            if command:
                found.setdefault(command, where)
    return [(where, command) for command, where in found.items()]


def test_guides_never_show_a_command_that_needs_an_activated_venv() -> None:
    bare = re.compile(r"(?<![/\w])python3? -m ledningssystem")
    shown = [
        f"{guide.relative_to(REPO)}:{number}"
        for guide in GUIDES
        for number, line in enumerate(guide.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line)
    ]
    assert shown == [], "Visa make-kommandot i stället (python -m fungerar bara i .venv)"


def test_the_commands_are_found() -> None:
    commands = [command for _, command in documented_commands()]
    for expected in (
        "make serve",
        "make check",
        'make ny-rutin TITEL="Hantera nyckelkvittens" PROCESS=hemtjanst',
        "make ny-berattelse YEAR=2026",
        "make nyckeltal YEAR=2025",
    ):
        assert expected in commands
    expected_lists = SYSTEM_COMMANDS | DRY_RUN | COLLECT_ONLY | ORGANISATION_SETUP
    assert set(commands) >= expected_lists, "listorna ovan är inaktuella"


def _fresh_copy(target: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(REPO / ".venv")
    stamp = (REPO / ".venv" / ".installed-stamp").stat().st_mtime
    for name in ("requirements.lock", "pyproject.toml"):  # older than the install: no reinstall
        os.utime(target / name, (stamp - 60, stamp - 60))
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "--no-gpg-sign", "-m", "Ny klon")
    _git(target, "update-ref", "refs/remotes/origin/main", "HEAD")
    return target


def _git(root: Path, *args: str) -> None:
    # Committed before the dates the guides ask about (make show … DATUM=2026-03-01).
    when = "2026-02-15T12:00:00+01:00"
    env = {
        **_environment(),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _environment() -> dict[str, str]:
    """The user's shell: no activated venv, no make of an outer `make test` around us."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "MAKEFLAGS", "MFLAGS"}}
    env.pop("MAKELEVEL", None)
    venv_bin = str(REPO / ".venv" / "bin")
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != venv_bin)
    return env


def _prepare_import_avvikelser(root: Path) -> None:
    shutil.copy(
        REPO / "tests/fixtures/import/treserva-avvikelser-2025.csv", root / "avvikelser-2025.csv"
    )
    (root / "reports/2025/avvikelser.csv").unlink()  # a year not yet imported


def _prepare_import_klagomal(root: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    csv = REPO / "tests/fixtures/import/lifecare-klagomal-2025.csv"
    for number, line in enumerate(csv.read_text(encoding="utf-8-sig").splitlines()):
        cells: list[object] = [c.strip('"') for c in line.split(";")]
        if number:  # Excel keeps dates as dates
            day, month, year = (int(p) for p in str(cells[1]).split("/"))
            cells[1] = dt.datetime(year, month, day)
        sheet.append(cells)
    book.save(root / "synpunkter-2025.xlsx")
    (root / "reports/2025/klagomal.csv").unlink()


def _prepare_correction(root: Path) -> None:
    text = root / "reports/2024/text/avvikelser.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nRättad mening.\n", encoding="utf-8")


def _prepare_export(fixture: str, export: str, data_file: str) -> Callable[[Path], None]:
    def prepare(root: Path) -> None:
        shutil.copy(REPO / "tests/fixtures/import" / fixture, root / export)
        for existing in (root / "reports/2025").glob(f"{data_file}.*"):
            existing.unlink()  # a year not yet imported

    return prepare


def _prepare_bpmn(root: Path) -> None:
    # A BPMN file from a modelling tool: here one this portal exported, of a fixture process.
    shutil.copy(REPO / "tests/golden/bpmn/avvikelser.bpmn", root / "process.bpmn")


# What a user has done before running the command (a file to import, a mistake to correct).
PREPARE: dict[str, Callable[[Path], None]] = {
    "make import TYP=avvikelser": _prepare_import_avvikelser,
    "make import TYP=klagomal": _prepare_import_klagomal,
    "make faststall YEAR=2024 RATTELSE=": _prepare_correction,
    "make import TYP=personuppgiftsincidenter": _prepare_export(
        "lifecare-personuppgiftsincidenter-2025.csv",
        "incidenter-2025.csv",
        "personuppgiftsincidenter",
    ),
    "make import TYP=lex-sarah": _prepare_export(
        "treserva-lex-sarah-2025.csv", "lex-sarah-2025.csv", "lex-sarah"
    ),
    "make import TYP=lex-maria": _prepare_export(
        "treserva-lex-maria-2025.csv", "lex-maria-2025.csv", "lex-maria"
    ),
    "make import TYP=ej-verkstallda-beslut": _prepare_export(
        "procapita-ej-verkstallda-beslut-2025.csv",
        "ej-verkstallda-2025.csv",
        "ej-verkstallda-beslut",
    ),
    "make import-bpmn FIL=process.bpmn": _prepare_bpmn,
}


def _run(root: Path, command: str) -> subprocess.CompletedProcess[str]:
    for prefix, prepare in PREPARE.items():
        if command.startswith(prefix):
            prepare(root)
    if command in DRY_RUN:
        command = command.replace("make ", "make -n ", 1)
    elif command in COLLECT_ONLY:
        command += " --collect-only -q"
    return subprocess.run(
        ["bash", "-c", command],
        cwd=root,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _serve_starts(root: Path, command: str) -> None:
    port = free_port()
    process = subprocess.Popen(
        ["bash", "-c", f"{command} PORT={port}"],
        cwd=root,
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # make and mkdocs end together
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, f"{command} avslutades"
            try:
                status, body = fetch(f"http://127.0.0.1:{port}/", timeout=5)
                assert status == 200 and "Ledningssystem" in body
                return
            except OSError:
                time.sleep(1)
        raise AssertionError(f"{command} svarade inte inom 120 s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_every_documented_command_works_as_written(tmp_path: Path) -> None:
    root = _fresh_copy(tmp_path / "klon")
    failed = []
    for where, command in documented_commands():
        if command in SYSTEM_COMMANDS | ORGANISATION_SETUP:
            continue
        if command.startswith("make serve"):
            _serve_starts(root, command)
            continue
        result = _run(root, command)
        if result.returncode != 0:
            failed.append(f"{where}: {command}\n{(result.stdout + result.stderr)[-1500:]}")
    assert failed == [], "\n\n".join(failed)
