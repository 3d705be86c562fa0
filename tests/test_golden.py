"""Goldens rendered from fixtures under tests/ (see tests/golden_cases.py), never the example.

Regenerate deliberately after a reviewed change of the code:
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
and review the diff of tests/golden/fall/ before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ledningssystem.portal.load import load_content
from tests.conftest import REPO
from tests.golden_cases import CASES, MESSAGES, Case, all_cases, render_case

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
HOW = "Om ändringen är avsiktlig: UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py"


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.name)
def test_case_matches_its_golden(case: Case, tmp_path: Path) -> None:
    rendered = render_case(case, tmp_path)
    if UPDATE:
        for old in case.folder.iterdir():
            if old.name != "fall.yml":
                old.unlink()
        for name, text in rendered.items():
            (case.folder / name).write_bytes(text.encode("utf-8"))  # CSV keeps its \r\n
        return
    present = {path.name for path in case.folder.iterdir()} - {"fall.yml"}
    assert present == set(rendered), f"{case.name}: golden-filerna stämmer inte. {HOW}"
    for name, text in rendered.items():
        expected = (case.folder / name).read_bytes().decode("utf-8")
        assert text == expected, f"tests/golden/fall/{case.name}/{name} skiljer sig. {HOW}"


def test_there_are_cases_of_every_kind() -> None:
    shows = {show.partition(":")[0] for case in all_cases() for show in case.shows}
    assert shows >= {"karta", "raci", "landskap", "arshjul", "sida"}
    assert any((case.folder / MESSAGES).read_text(encoding="utf-8") for case in all_cases())
    assert len(all_cases()) >= 5, CASES
    folders = {path.name for path in CASES.iterdir() if path.is_dir()}
    assert folders == {case.name for case in all_cases()}, "en mapp saknar fall.yml"


# What the golden cases may read: their fixtures and temporary copies, and the engine itself
# (templates, fonts); never the example content at the repository root.
ALLOWED_UNDER_REPO = ("tests", "ledningssystem", ".venv")
_opened: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _opened is None:
        return
    if event == "open" and isinstance(args[0], str | Path):
        _opened.append(str(args[0]))
    elif event == "subprocess.Popen":
        # Loading may ask git about a copied case (seals), never about the repository.
        _opened.append(f"<program> {args[2] or Path.cwd()}")


sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only while _opened is set


def _reads_outside_tests(render: Callable[[], object], tmp_path: Path) -> list[Path]:
    """Files under the repository but outside tests/ (and the engine) that `render` opened."""
    global _opened
    _opened = []
    try:
        render()
    finally:
        opened, _opened = _opened, None
    assert opened, "the audit hook saw no file opened: it does not work"
    # A program (git) run in a folder counts as reading that folder.
    paths = [Path(item.removeprefix("<program> ")).resolve() for item in opened]
    return sorted(
        {
            path
            for path in paths
            if path.is_relative_to(REPO)
            and not path.is_relative_to(tmp_path.resolve())
            and path.relative_to(REPO).parts[0] not in ALLOWED_UNDER_REPO
        }
    )


def test_golden_cases_never_read_the_example_content(tmp_path: Path) -> None:
    """Editing the example (processes/, routines/, roles/, reports/, docs/) touches no golden."""
    cases = all_cases()
    assert _reads_outside_tests(lambda: [render_case(c, tmp_path) for c in cases], tmp_path) == []


def test_the_guard_sees_a_read_of_the_example(tmp_path: Path) -> None:
    """The check above could fail: loading the example itself is caught."""
    outside = _reads_outside_tests(lambda: load_content(REPO), tmp_path)
    assert REPO / "ledningssystem.yml" in outside


_DIGEST = """
import hashlib, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from ledningssystem.portal.load import load_content
from tests.conftest import REPO
from tests.golden_cases import all_cases, render_case
with tempfile.TemporaryDirectory() as work:
    for case in all_cases():
        for name, text in sorted(render_case(case, Path(work)).items()):
            print(case.name, name, hashlib.sha256(text.encode()).hexdigest())
"""


def test_output_is_byte_identical_across_runs() -> None:
    """Same fixtures, different hash seeds, separate processes: the same bytes."""
    digests = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(REPO)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        digests.append(run.stdout)
    assert digests[0] == digests[1]
    assert len(digests[0].splitlines()) == sum(len(case.shows) + 1 for case in all_cases())
