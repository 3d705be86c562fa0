"""Who starts a process, from one index over every flow: the same answer as asking each step."""

from __future__ import annotations

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.diagrams.flow import handovers_into
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO
from tests.diagram_fixtures import fixture_content


def _pairwise(content: Ledningssystem, process_id: str) -> list[tuple[str, str]]:
    return [
        (process.id, step.id)
        for process in content.processes.values()
        for step in process.steps
        if any(flow.process == process_id for flow in step.next)
    ]


def test_the_handover_index_gives_every_handing_step_once_in_order() -> None:
    for content in (fixture_content(), load_ledningssystem(REPO)):
        seen = 0
        for process_id in content.processes:
            found = [(p.id, step) for p, step in handovers_into(content, process_id)]
            assert found == _pairwise(content, process_id)
            seen += len(found)
        assert seen > 0  # the fixtures do hand over, so the comparison means something
    assert handovers_into(fixture_content(), "finns-inte") == []
