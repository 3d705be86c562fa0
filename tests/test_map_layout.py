"""Geometry of process maps: nothing overlaps, arrows run box to box, lanes hold their boxes."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings

from ledningssystem.load import load_ledningssystem
from ledningssystem.model.process import Process
from ledningssystem.render import map_layout as geometry
from ledningssystem.render.flow import assign_columns, lane_roles, successors
from ledningssystem.render.map_layout import MapLayout, layout_process_map
from ledningssystem.render.process_map import layout_for
from ledningssystem.render.svg import text_width
from tests.conftest import REPO
from tests.diagram_fixtures import fixture_content, random_processes


def assert_sound(layout: MapLayout, process: Process) -> None:
    """Every geometric promise of the map, checked on one layout."""
    boxes = [n for n in layout.nodes if n.kind == "step"]
    assert sorted(n.step_id for n in boxes) == sorted(s.id for s in process.steps)
    for a, b in itertools.combinations(layout.nodes, 2):
        assert not a.rect.overlaps(b.rect), f"{a.key} overlaps {b.key}"
    for a, b in itertools.combinations(layout.lanes, 2):
        assert not a.rect.overlaps(b.rect)
    for node in layout.nodes:
        lane = layout.lanes[node.lane]
        assert lane.rect.contains(node.rect), f"{node.key} outside lane {lane.role_id}"
        assert node.rect.x >= layout.label_w, f"{node.key} over the lane labels"
    for node in boxes:
        assert layout.lanes[node.lane].role_id == process.step(node.step_id).performer  # type: ignore[union-attr]
        for line in node.lines:
            assert text_width(line, node.font) <= node.rect.w - 2 * geometry.BOX_PAD_X + 0.01
    keys = {n.key: n for n in layout.nodes}
    for edge in layout.edges:
        assert keys[edge.source].rect.on_border(edge.points[0]), f"{edge} does not start on a box"
        assert keys[edge.target].rect.on_border(edge.points[-1]), f"{edge} does not end on a box"
        for a, b in itertools.pairwise(edge.points):
            assert a[0] == b[0] or a[1] == b[1], f"{edge} has a diagonal segment"
            for node in layout.nodes:
                crossing = node.rect.crossed_by(a, b)
                assert not crossing, f"{edge.source}→{edge.target} crosses {node.key}"
    lanes_top = layout.lanes[0].rect.y
    for a, b in itertools.combinations(layout.groups, 2):
        assert not a.rect.overlaps(b.rect), f"delprocess {a.name} overlaps {b.name}"
    for group in layout.groups:
        assert group.rect.bottom <= lanes_top
    assert max(n.rect.right for n in layout.nodes) <= layout.width
    assert layout.lanes[-1].rect.bottom <= layout.height


def assert_flow_drawn(layout: MapLayout, process: Process) -> None:
    """One arrow per step-to-next-step link, one from the start and one to an end per final step."""
    drawn = {(e.source, e.target) for e in layout.edges}
    for step_id, targets in successors(process).items():
        if targets:
            assert {(step_id, t) for t in targets} <= drawn
        else:
            assert any(s == step_id and t.startswith(":end") for s, t in drawn)
    assert (geometry.START, process.steps[0].id) in drawn


def _all_processes():
    for name, content in (("exempel", load_ledningssystem(REPO)), ("fixtur", fixture_content())):
        for process in content.processes.values():
            yield pytest.param(content, process, id=f"{name}-{process.id}")


@pytest.mark.parametrize(("content", "process"), list(_all_processes()))
def test_layout_of_every_known_process_is_sound(content, process) -> None:  # noqa: ANN001
    layout = layout_for(content, process)
    assert_sound(layout, process)
    assert_flow_drawn(layout, process)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_processes())
def test_layout_of_random_processes_is_sound(process: Process) -> None:
    layout = layout_process_map(process, {}, {s.id: len(s.name) % 3 for s in process.steps})
    assert_sound(layout, process)
    assert_flow_drawn(layout, process)


@settings(max_examples=40, deadline=None)
@given(random_processes(max_steps=30, max_roles=6))
def test_a_lane_never_has_two_steps_in_one_column(process: Process) -> None:
    columns = assign_columns(process, successors(process))
    cells = [(s.performer, columns[s.id]) for s in process.steps]
    assert len(cells) == len(set(cells))
    assert all(c >= 1 for c in columns.values())


def test_fixture_map_has_the_expected_shape() -> None:
    content = fixture_content()
    process = content.processes["hemtjanst"]
    layout = layout_for(content, process)
    assert [lane.role_id for lane in layout.lanes] == lane_roles(process)
    assert len(layout.lanes) == 5
    assert [g.name for g in layout.groups] == [
        "Utredning",
        "Verkställighet",
        "Genomförande",
        "Uppföljning",
    ]
    back = [(e.source, e.target) for e in layout.edges if e.back]
    assert back == [("folja-upp", "genomfora")]
    branch = [e.target for e in layout.edges if e.source == "besluta"]
    assert sorted(branch) == ["meddela-avslag", "verkstalla"]
    marked = {n.step_id: n.routines for n in layout.nodes if n.routines}
    assert marked == {"verkstalla": 1, "genomforandeplan": 1}
    # Delprocesser follow each other from left to right.
    rights = [g.rect.right for g in layout.groups]
    lefts = [g.rect.x for g in layout.groups]
    assert all(r < left for r, left in zip(rights, lefts[1:], strict=False))
