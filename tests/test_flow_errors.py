"""Wrong `nästa` (conditions, ends, handovers) gets a Swedish message with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem

PROCESS = "processes/avvikelsehantering.yml"
STEP = "    ansvar: {medarbetare: R, enhetschef: A}\n    rutiner: [rapportera-avvikelse]\n"


def _report(root: Path, nexts: str) -> str:
    path = root / PROCESS
    text = path.read_text(encoding="utf-8")
    assert STEP in text, "fixture changed"
    path.write_text(text.replace(STEP, STEP + nexts, 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_ledningssystem(root)
    report = raised.value.report()
    assert "Traceback" not in report
    return report


@pytest.mark.parametrize(
    ("nexts", "expected"),
    [
        (
            "    nästa: [{steg: utredda, villkor: Ja}, {slut: Klart, villkor: Nej}]\n",
            f'{PROCESS}:23 – fältet "steg nr 1 › nästa nr 1": steget "utredda" finns inte. '
            'Menade du "utreda" – Utreda och åtgärda?',
        ),
        (
            "    nästa: [{process: lex-sara}]\n",
            f'{PROCESS}:23 – fältet "steg nr 1 › nästa nr 1": processen "lex-sara" finns inte.',
        ),
        (
            "    nästa: [{process: avvikelsehantering}]\n",
            "en process kan inte lämna över till sig själv",
        ),
        (
            "    nästa: [{steg: utreda, villkor: Ja}]\n",
            f'{PROCESS}:23 – fältet "steg nr 1 › nästa": villkor hör till ett beslut: minst två '
            "vägar i nästa och inte parallellt",
        ),
        (
            "    parallellt: true\n    nästa: [{steg: utreda, villkor: Ja}, slut]\n",
            "villkor hör till ett beslut",
        ),
        (
            "    nästa: [{steg: utreda, slut: Klart}]\n",
            f'{PROCESS}:23 – fältet "steg nr 1 › nästa nr 1": ange precis ett av steg, process '
            "eller slut",
        ),
        (
            "    nästa: [{stegg: utreda}]\n",
            f'{PROCESS}:23 – fältet "steg nr 1 › nästa nr 1 › stegg": okänt fält. '
            'Menade du "steg"?',
        ),
        (
            "    nästa: [utreda, utreda]\n",
            "utreda står två gånger i nästa",
        ),
    ],
    ids=[
        "unknown-step", "unknown-process", "self-handover", "lonely-condition",
        "parallel-condition", "two-targets", "typo", "repeated",
    ],
)  # fmt: skip
def test_wrong_flows_are_reported(tiny_root: Path, nexts: str, expected: str) -> None:
    assert expected in _report(tiny_root, nexts)


def test_good_flows_pass(tiny_root: Path) -> None:
    path = tiny_root / PROCESS
    text = path.read_text(encoding="utf-8")
    flows = '    nästa: [{steg: utreda, villkor: "Ja"}, {slut: "Ingen åtgärd", villkor: "Nej"}]\n'
    path.write_text(text.replace(STEP, STEP + flows, 1), encoding="utf-8")
    process = load_ledningssystem(tiny_root).processes["avvikelsehantering"]
    assert [(f.kind, f.condition) for f in process.steps[0].next] == [
        ("step", "Ja"),
        ("end", "Nej"),
    ]
