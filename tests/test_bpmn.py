"""BPMN 2.0 out and in: golden files from the fixtures, the round trip, a hand-written file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ledningssystem.bpmn.export import render_bpmn
from ledningssystem.bpmn.importer import BpmnError, import_bpmn, parse_bpmn
from ledningssystem.cli import main
from ledningssystem.core.model.process import Process
from ledningssystem.diagrams.flow import flows
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO
from tests.diagram_fixtures import FIXTURE_PORTAL

GOLDEN = Path(__file__).parent / "golden" / "bpmn"
HAND_WRITTEN = Path(__file__).parent / "fixtures" / "bpmn" / "klagomal-camunda.bpmn"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
FIXTURE = load_ledningssystem(FIXTURE_PORTAL)


@pytest.mark.parametrize("process_id", sorted(FIXTURE.processes))
def test_bpmn_matches_golden(process_id: str) -> None:
    xml = render_bpmn(FIXTURE, FIXTURE.processes[process_id])
    path = GOLDEN / f"{process_id}.bpmn"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(xml, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == xml, (
        f"tests/golden/bpmn/{process_id}.bpmn skiljer sig: UPDATE_GOLDEN=1 .venv/bin/pytest "
        "tests/test_bpmn.py och granska diffen."
    )


def test_export_has_lanes_gateways_conditions_ends_and_link_events() -> None:
    xml = render_bpmn(FIXTURE, FIXTURE.processes["avvikelser"])
    root = parse_bpmn(xml.encode())
    ns = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
    lanes = [lane.get("name") for lane in root.iter(f"{ns}lane")]
    assert lanes[:2] == ["Undersköterska i hemtjänsten", "Enhetschef"]
    named = sorted(f.get("name") or "" for f in root.iter(f"{ns}sequenceFlow") if f.get("name"))
    assert named == ["Allvarlig händelse", "Enkel avvikelse", "Personuppgifter berörs"]
    assert len(list(root.iter(f"{ns}exclusiveGateway"))) == 1
    assert len(list(root.iter(f"{ns}parallelGateway"))) == 1
    link = next(root.iter(f"{ns}linkEventDefinition"))
    assert link.get("name") == "ledningens-genomgang"
    ends = sorted(e.get("name") or "" for e in root.iter(f"{ns}endEvent"))
    assert ends == ["Avvikelsen är avslutad"]


def _flow_tuples(process: Process) -> dict[str, list[tuple[object, ...]]]:
    return {
        step_id: [(f.kind, f.step, f.process, f.end or "", f.condition) for f in outs]
        for step_id, outs in flows(process).items()
    }


def _processes():
    for name, root in (("exempel", REPO), ("fixtur", FIXTURE_PORTAL)):
        content = load_ledningssystem(root)
        for process in content.processes.values():
            yield pytest.param(content, process, id=f"{name}-{process.id}")


@pytest.mark.parametrize(("content", "process"), list(_processes()))
def test_round_trip_gives_back_steps_roles_and_flows(content, process) -> None:  # noqa: ANN001
    xml = render_bpmn(content, process).encode()
    imported = import_bpmn(xml, content, process.owner, process.type.value, process.valid_from)
    back = Process.model_validate(imported.data)
    assert back.id == process.id and back.name == process.name
    assert [(s.id, s.name, s.performer) for s in back.steps] == [
        (s.id, s.name, s.performer) for s in process.steps
    ]
    assert [s.responsibility for s in back.steps] == [s.responsibility for s in process.steps]
    assert [s.description for s in back.steps] == [s.description for s in process.steps]
    assert _flow_tuples(back) == _flow_tuples(process)
    assert [s.parallel for s in back.steps] == [s.parallel for s in process.steps]
    assert imported.notes == []


def _portal(tmp_path: Path) -> Path:
    root = tmp_path / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    return root


def test_hand_written_bpmn_gives_the_expected_yaml(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    root = _portal(tmp_path)
    assert main(["--root", str(root), "import-bpmn", str(HAND_WRITTEN)]) == 0
    written = (root / "processes" / "hantera-klagomal.yml").read_text(encoding="utf-8")
    expected = HAND_WRITTEN.with_suffix(".yml").read_text(encoding="utf-8")
    assert written == expected
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "Skrev processes/hantera-klagomal.yml: 3 steg i 2 simbanor (medarbetare, enhetschef).",
        "Kunde inte föras över eller behöver granskas:",
        '  - "Bedöma klagomålet" (userTask) blev ett vanligt steg.',
        "  - Filen har ingen ansvarsfördelning (RACI): varje steg fick R för sin utförare och A"
        ' för ägaren "kvalitetschef". Kontrollera ansvar i varje steg.',
        '  - Grinden "Behövs åtgärd?" har inget namn här; vägarna har sina villkor.',
        "  - 1 st. textanteckning (textAnnotation) fördes inte över.",
        "  - 1 st. tidshändelse (timerEventDefinition) fördes inte över.",
    ]
    process = load_ledningssystem(root).processes["hantera-klagomal"]
    assert [f.condition for f in process.step("bedoma-klagomalet").next] == ["Ja", "Nej"]  # type: ignore[union-attr]


def test_import_refuses_to_overwrite_without_force(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    root = _portal(tmp_path)
    assert main(["--root", str(root), "import-bpmn", str(HAND_WRITTEN)]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "import-bpmn", str(HAND_WRITTEN)]) == 1
    err = capsys.readouterr().err
    assert "processes/hantera-klagomal.yml finns redan; ange --force" in err
    assert main(["--root", str(root), "import-bpmn", str(HAND_WRITTEN), "--force"]) == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html><body>Processkarta</body></html>", "filen är inte BPMN 2.0"),
        (b"PK\x03\x04 not xml", "filen är inte giltig XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
            b'<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">'
            b"&b;</bpmn:definitions>",
            "filen innehåller XML som inte tillåts",
        ),
        (
            b'<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>',
            "filen har ingen process med aktiviteter",
        ),
    ],
)
def test_bad_files_get_a_swedish_error(tmp_path: Path, capsys, data: bytes, message: str) -> None:  # noqa: ANN001
    root = _portal(tmp_path)
    path = tmp_path / "trasig.bpmn"
    path.write_bytes(data)
    assert main(["--root", str(root), "import-bpmn", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Fel: {path}: {message}")
    assert "Traceback" not in err
    assert sorted(p.name for p in (root / "processes").iterdir()) == sorted(
        p.name for p in (FIXTURE_PORTAL / "processes").iterdir()
    )
    with pytest.raises(BpmnError):
        import_bpmn(data, FIXTURE, "kvalitetschef", "stödprocess", FIXTURE.settings.today)  # type: ignore[arg-type]


def test_unknown_lane_is_reported_and_the_file_is_left_to_fix(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    root = _portal(tmp_path)
    text = HAND_WRITTEN.read_text(encoding="utf-8").replace(
        'name="Undersköterska i hemtjänsten"', 'name="Nattpersonal"'
    )
    source = tmp_path / "natt.bpmn"
    source.write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "import-bpmn", str(source)]) == 1
    captured = capsys.readouterr()
    assert 'Banan "Nattpersonal" motsvarar ingen roll; rollen "nattpersonal"' in captured.out
    assert 'rollen "nattpersonal" finns inte' in captured.err
    assert "Rätta felen i processes/hantera-klagomal.yml" in captured.err
    assert "Traceback" not in captured.err


def test_no_stale_bpmn_goldens() -> None:
    present = {p.stem for p in GOLDEN.glob("*.bpmn")}
    assert present == set(FIXTURE.processes), (
        "Ta bort golden-filer som inte längre motsvarar något."
    )
