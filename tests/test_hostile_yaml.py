"""A corpus of hostile YAML (tests/fixtures/hostile): each gives one Swedish error, fast.

Tags, anchors, aliases and merge keys are refused outright, so nothing can execute, recurse
or expand; nesting is bounded. None of these may take more than a moment or raise anything
but the content error.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO, run_cli

CORPUS = REPO / "tests" / "fixtures" / "hostile"
PROCESS = "processes/avvikelsehantering.yml"

ALIASES = (
    "felaktig YAML: hänvisningar med & och * (ankare och alias) är inte tillåtna i "
    "innehållsfilerna; skriv ut värdet på varje ställe det behövs"
)
DEEP = (
    "felaktig YAML: värdena är nästlade djupare än 40 nivåer; kontrollera indraget och "
    "hakparenteserna"
)


def _tag(tag: str) -> str:
    return (
        f'felaktig YAML: taggen "{tag}" är inte tillåten i innehållsfilerna; '
        "ta bort den och skriv bara värdet"
    )


EXPECTED = {
    "anchor-alias": (2, ALIASES),
    "bad-int": (2, _tag("!!int")),
    "bad-timestamp": (2, _tag("!!timestamp")),
    "billion-laughs": (1, ALIASES),
    "byte-order-mark": (
        4,
        "felaktig YAML: raden har ett osynligt tecken (byte order mark, U+FEFF), ofta inklistrat "
        "från Word eller en webbsida; skriv om raden för hand eller ta bort tecknet",
    ),
    "control-character": (
        2,
        "filen innehåller ett osynligt styrtecken (U+0007) som inte är tillåtet i YAML; "
        "ta bort det, ofta följer det med när text klistras in",
    ),
    "deep-block": (41, DEEP),
    "deep-nesting": (1, DEEP),
    "huge-int": (
        1,
        "talet har för många siffror; skriv ett rimligt tal eller sätt det inom citattecken",
    ),
    "local-tag": (2, _tag("!binary")),
    "merge-key": (
        2,
        "felaktig YAML: sammanfogning med << är inte tillåten i innehållsfilerna; "
        "skriv ut fälten på varje ställe",
    ),
    "python-tag": (2, _tag("!!python/object/apply:os.system")),
    "recursive-alias": (2, ALIASES),
    "tab": (3, "felaktig YAML: tabbtecken är inte tillåtna i YAML; använd mellanslag för indrag"),
    "tag-on-key": (2, _tag("!!python/object/apply:os.system")),
    "two-documents": (
        2,
        "felaktig YAML: filen innehåller flera YAML-dokument; ta bort raden --- mitt i filen",
    ),
    "unclosed-quote": (
        2,
        "felaktig YAML: ett citattecken öppnas men stängs aldrig; avsluta texten med samma "
        "citattecken",
    ),
}


def test_every_corpus_file_has_an_expected_message() -> None:
    assert sorted(p.stem for p in CORPUS.glob("*.yml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_yaml_gives_one_swedish_problem_quickly(name: str) -> None:
    text = (CORPUS / f"{name}.yml").read_text(encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(YamlProblem) as problem:
        parse_yaml(text)
    assert time.perf_counter() - started < 2
    assert (problem.value.line, problem.value.message) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_process_file_is_one_located_error(tiny_root: Path, name: str) -> None:
    shutil.copy(CORPUS / f"{name}.yml", tiny_root / PROCESS)
    with pytest.raises(ContentErrors) as raised:
        load_ledningssystem(tiny_root)
    line, message = EXPECTED[name]
    # The file's own error, and nothing else: references to the process are not repeated.
    assert [e.format() for e in raised.value.errors] == [f"{PROCESS}:{line}: {message}."]


def test_check_exits_1_without_traceback_for_a_bomb(tiny_root: Path) -> None:
    shutil.copy(CORPUS / "billion-laughs.yml", tiny_root / PROCESS)
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{PROCESS}:1: {ALIASES}." in result.stdout + result.stderr


def test_plain_yaml_still_reads_with_lines() -> None:
    data, lines = parse_yaml("a: 1\nb:\n  - x\n  - y: ja\n    z: '2.10'\nv: 2.10\nd: 2025-02-30\n")
    assert data == {"a": 1, "b": ["x", {"y": "ja", "z": "2.10"}], "v": "2.10", "d": "2025-02-30"}
    assert lines.line(("b", 1, "z")) == 5
    assert lines.line(("b",)) == 2
