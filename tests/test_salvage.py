"""A file that fails validation is rebuilt from what validated, so its references are checked
in the same run (core/salvage.py), without reporting anything the file does not say."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from ledningssystem.core.load import read_handbook
from ledningssystem.core.model.process import Process, Responsibility
from ledningssystem.core.model.routine import Routine
from ledningssystem.core.salvage import salvage
from tests.conftest import TINY
from tests.loader_fuzz import LoaderCase, content_texts

PROCESS = "processes/avvikelsehantering.yml"
RUTIN = "routines/rapportera-avvikelse.md"
KEYS = (
    "id", "namn", "typ", "ägare", "status", "version", "gäller_från", "steg", "utförare",
    "ansvar", "nästa", "rutiner", "processer", "enheter", "lagkrav", "titel",
)  # fmt: skip


def test_every_step_keeps_its_place_and_what_validated() -> None:
    data = {
        "id": "p",
        "namn": "P",
        "typ": "stödprocess",
        "ägare": "kvalitetchef@ifo",
        "steg": [
            {"id": "a", "namm": "A", "ansvar": {"x": "R", "y": "X"}, "nästa": ["utred"]},
            "inte ett steg",
            {"id": "c", "namn": "C", "utförare": "Fel Roll", "rutiner": ["r", "Fel Id"]},
        ],
    }
    process = salvage(Process, data)
    assert process is not None
    first, second, third = process.steps
    r = Responsibility.RESPONSIBLE
    assert (first.id, first.name, first.responsibility) == ("a", "", {"x": r})
    assert [flow.step for flow in first.next] == ["utred"]
    assert (second.id, second.performer) == ("", "")  # a neutral step in the place of item 2
    assert (third.id, third.performer, third.routines) == ("c", "", ("r", ""))
    assert (process.owner, process.owner_unit) == ("kvalitetchef", "ifo")  # `roll@enhet` split


def test_only_a_mapping_can_be_salvaged() -> None:
    assert salvage(Routine, ["id", "titel"]) is None
    assert salvage(Routine, "id: x") is None


@pytest.mark.parametrize(
    ("name", "path", "front_matter"), [("process", PROCESS, False), ("rutin", RUTIN, True)]
)
def test_any_file_gives_reference_errors_never_an_exception(
    name: str, path: str, front_matter: bool, tmp_path: Path
) -> None:
    """Whatever a failed file holds, its salvaged model goes through every reference check."""
    root = tmp_path / "tiny"
    shutil.copytree(TINY, root)
    case = LoaderCase(name, path, (TINY / path).read_text(encoding="utf-8"), KEYS, front_matter)

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(text=content_texts(case))
    def run(text: str) -> None:
        (root / path).write_text(text, encoding="utf-8")
        _, reader = read_handbook(root)
        for error in reader.errors:
            assert error.file and error.message, error
            assert 'rollen ""' not in error.message and 'steget ""' not in error.message, error

    run()
