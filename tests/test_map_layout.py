"""Geometry of process maps: nothing overlaps, arrows run box to box, lanes hold their boxes."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings

from ledningssystem.core.model.process import Process
from ledningssystem.diagrams import map_layout as geometry
from ledningssystem.diagrams.flow import assign_columns, flow_graph, lane_roles, successors
from ledningssystem.diagrams.map_layout import MapLayout, layout_process_map
from ledningssystem.diagrams.map_nodes import GATEWAY_R, SMALL_FONT, on_outline
from ledningssystem.diagrams.map_routes import Edge
from ledningssystem.diagrams.process_map import layout_for
from ledningssystem.diagrams.svg import Point, text_width
from ledningssystem.portal.load import load_ledningssystem
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
        assert on_outline(keys[edge.source], edge.points[0]), f"{edge} does not start on a shape"
        assert on_outline(keys[edge.target], edge.points[-1]), f"{edge} does not end on a shape"
        for a, b in itertools.pairwise(edge.points):
            assert a[0] == b[0] or a[1] == b[1], f"{edge} has a diagonal segment"
            for node in layout.nodes:
                own = node.key in (edge.source, edge.target)
                if own and node.kind in ("exclusive", "parallel"):
                    continue  # leaves the diamond's edge, inside its bounding box
                crossing = node.rect.crossed_by(a, b)
                assert not crossing, f"{edge.source}→{edge.target} crosses {node.key}"
    assert_no_false_junctions(layout)
    assert_labels_placed(layout)
    lanes_top = layout.lanes[0].rect.y
    for a, b in itertools.combinations(layout.groups, 2):
        assert not a.rect.overlaps(b.rect), f"delprocess {a.name} overlaps {b.name}"
    for group in layout.groups:
        assert group.rect.bottom <= lanes_top
    assert max(n.rect.right for n in layout.nodes) <= layout.width
    assert layout.lanes[-1].rect.bottom <= layout.height


def _overlap(s: tuple[Point, Point], t: tuple[Point, Point]) -> float:
    """Length two axis-parallel segments share (0 when they only cross or touch)."""
    (a, b), (c, d) = s, t
    for axis in (0, 1):
        if a[axis] == b[axis] == c[axis] == d[axis]:
            other = 1 - axis
            lo1, hi1 = sorted((a[other], b[other]))
            lo2, hi2 = sorted((c[other], d[other]))
            return max(0.0, min(hi1, hi2) - max(lo1, lo2))
    return 0.0


def shared_segments(edges: tuple[Edge, ...]) -> list[tuple[Edge, Edge]]:
    """Pairs of arrows with different starts and different ends that run along one line."""
    found = []
    for e, f in itertools.combinations(edges, 2):
        if e.source == f.source or e.target == f.target:
            continue
        pieces = itertools.product(itertools.pairwise(e.points), itertools.pairwise(f.points))
        if any(_overlap(s, t) > 0.01 for s, t in pieces):
            found.append((e, f))
    return found


def assert_no_false_junctions(layout: MapLayout) -> None:
    shared = [(e.source, e.target, f.source, f.target) for e, f in shared_segments(layout.edges)]
    assert shared == [], f"arrows share a line: {shared}"


def assert_labels_placed(layout: MapLayout) -> None:
    """Event labels inside their lane and clear of other shapes; each condition above its own
    arrow's first run, clear of every other arrow and shape; gateways and events in their lane."""
    for node in layout.nodes:
        lane = layout.lanes[node.lane].rect
        assert lane.contains(node.outline), f"{node.key} reaches out of its lane"
        if node.kind in ("exclusive", "parallel"):
            assert node.rect.w == 2 * GATEWAY_R
        for other in layout.nodes:
            if other is not node:
                assert not node.outline.overlaps(other.outline), f"{node.key} covers {other.key}"
    for edge in layout.edges:
        if not edge.condition:
            continue
        label = edge.label_rect
        assert label is not None, f"condition of {edge.source}→{edge.target} not drawn"
        assert all(text_width(line, SMALL_FONT) <= label.w + 0.01 for line in edge.label)
        run = [(a, b) for a, b in itertools.pairwise(edge.points) if a[1] == b[1]][0]
        y = run[0][1]
        assert 0 < y - label.bottom <= 4, "the condition sits just above its arrow"
        left, right = sorted((run[0][0], run[1][0]))
        assert left <= label.x + 4 and label.right <= right + 0.01, f"{edge} runs past its arrow"
        assert layout.lanes[layout.node(edge.source).lane].rect.contains(label)
        for other in layout.edges:
            if other is not edge:
                for a, b in itertools.pairwise(other.points):
                    assert not label.crossed_by(a, b), (
                        f"an arrow crosses condition {edge.condition}"
                    )
        for node in layout.nodes:
            assert not label.overlaps(node.rect), f"condition {edge.condition} covers {node.key}"


def assert_flow_drawn(layout: MapLayout, process: Process) -> None:
    """One arrow per step-to-next-step link, one from the start and one to an end per final step."""
    drawn = {(e.source, e.target) for e in layout.edges}
    graph = flow_graph(process)
    assert drawn == {(link.source, link.target) for link in graph.links}
    for step_id, targets in successors(process).items():
        sources = {step_id, f":gw:{step_id}"}
        assert all(any(s in sources and t == target for s, t in drawn) for target in targets)
    assert (geometry.START, process.steps[0].id) in drawn
    conditions = sorted(e.condition for e in layout.edges if e.condition)
    assert conditions == sorted(f.condition for s in process.steps for f in s.next if f.condition)


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
    graph = flow_graph(process)
    columns = assign_columns(process, graph)
    cells = [(n.role, columns[n.key]) for n in graph.nodes]
    assert len(cells) == len(set(cells))
    assert all(c >= 1 for key, c in columns.items() if key != geometry.START)


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
    assert back == [(":gw:folja-upp", "genomfora")]
    branch = [e.target for e in layout.edges if e.source == ":gw:besluta"]
    assert sorted(branch) == ["meddela-avslag", "verkstalla"]
    marked = {n.step_id: n.routines for n in layout.nodes if n.routines}
    assert marked == {"verkstalla": 1, "genomforandeplan": 1}
    # Delprocesser follow each other from left to right.
    rights = [g.rect.right for g in layout.groups]
    lefts = [g.rect.x for g in layout.groups]
    assert all(r < left for r, left in zip(rights, lefts[1:], strict=False))


def test_roles_with_only_c_or_i_get_lanes_when_the_process_asks() -> None:
    content = fixture_content()
    process = content.processes["hemtjanst"]
    performers = lane_roles(process)
    every = process.model_copy(update={"lanes": "alla"})
    lettered = {role for step in process.steps for role in step.responsibility}
    assert set(performers) < lettered, "the fixture needs a role with only C or I"
    assert lane_roles(every)[: len(performers)] == performers
    assert set(lane_roles(every)) == lettered | set(performers)
    layout = layout_for(content, every)
    assert [lane.role_id for lane in layout.lanes] == lane_roles(every)
    assert_sound(layout, every)
