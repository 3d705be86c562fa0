"""Geometry of a swimlane process map: lanes × columns, shapes and orthogonal arrows.

Arrows never cross a shape: vertical runs use the gaps between columns (each arrow
its own slot) and horizontal runs that skip columns use a track below the boxes of
the source lane (each arrow its own track; loops below the forward ones).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ledningssystem.core.model.process import Process
from ledningssystem.diagrams.flow import (
    START,
    FlowGraph,
    FlowNode,
    assign_columns,
    flow_graph,
    groups,
)
from ledningssystem.diagrams.flow import lane_roles as flow_lane_roles
from ledningssystem.diagrams.map_nodes import (
    BOX_HEADER,
    BOX_PAD_BOTTOM,
    BOX_PAD_X,
    BOX_W,
    FONT,
    LINE_H,
    NODE_W,
    SMALL_LINE_H,
    Node,
    condition_lines,
    event_label_rect,
    event_lines,
    node_width,
    small_node_rect,
)
from ledningssystem.diagrams.map_routes import Edge, Link, Router
from ledningssystem.diagrams.svg import BOLD, Rect, fit_text, text_width, wrap_text

__all__ = ["BOX_HEADER", "BOX_PAD_X", "FONT", "LINE_H", "START", "MapLayout", "Node"]

MIN_FONT = 12  # no text on a map is smaller, even a long Swedish compound
LABEL_MIN_W, LABEL_MAX_W = 104, 220  # lane label column, left of the first lane
MARGIN = 8
GAP = 30
SLOT = 7
LANE_PAD = 16
TRACK = 7
GROUP_FONT = 12
GROUP_LINE_H = 15


@dataclass(frozen=True)
class Lane:
    role_id: str
    label: tuple[str, ...]
    rect: Rect
    font: float = FONT


@dataclass(frozen=True)
class GroupBand:
    name: str
    lines: tuple[str, ...]
    rect: Rect  # the header above the lanes
    region: Rect  # header and lanes below it


@dataclass(frozen=True)
class MapLayout:
    width: float
    height: float
    label_w: float
    lanes: tuple[Lane, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    groups: tuple[GroupBand, ...]

    def node(self, key: str) -> Node:
        return next(n for n in self.nodes if n.key == key)


def layout_process_map(
    process: Process,
    role_labels: dict[str, str],
    routine_counts: dict[str, int],
    process_names: dict[str, str] | None = None,
) -> MapLayout:
    """Positions of everything on the map of `process` (role id → lane label, step →
    number of rutiner, process id → the name a handover shows)."""
    roles = flow_lane_roles(process)
    lane_of = {role: i for i, role in enumerate(roles)}
    graph = flow_graph(process)
    columns = assign_columns(process, graph)
    links = [
        Link(
            link.source,
            link.target,
            columns[link.source],
            columns[link.target],
            lane_of[graph.node(link.source).role],
            link.condition,
        )
        for link in graph.links
    ]
    grid = _Grid(process, graph, columns, roles, role_labels, links, process_names or {})
    return grid.build(process, graph, lane_of, links, routine_counts)


class _Grid:
    """Column x positions, lane y positions and the gaps and tracks arrows run in."""

    def __init__(
        self,
        process: Process,
        graph: FlowGraph,
        columns: dict[str, int],
        roles: list[str],
        role_labels: dict[str, str],
        links: list[Link],
        process_names: dict[str, str],
    ):
        self.columns = columns
        self.labels = {
            s.id: fit_text(s.name, BOX_W - 2 * BOX_PAD_X, FONT, MIN_FONT) for s in process.steps
        }
        self.event_lines = {
            n.key: event_lines(n.label or process_names.get(n.process, n.process))
            for n in graph.nodes
        }
        self.label_w = _label_width([role_labels.get(r, r) for r in roles])
        self.box_h = _band_height(self.labels, self.event_lines, links)
        self.tracks: dict[tuple[str, str], int] = {}
        gap_count: defaultdict[int, int] = defaultdict(int)
        track_count: defaultdict[int, int] = defaultdict(int)
        for link in links:
            for gap, _ in link.ends:
                gap_count[gap] += 1
        # Forward tracks first, then the loops back, so a loop runs in a channel of its own.
        for link in sorted(links, key=lambda k: k.target_col <= k.source_col):
            if not link.direct:
                self.tracks[(link.source, link.target)] = track_count[link.source_lane]
                track_count[link.source_lane] += 1
        self.gap_w = {g: max(GAP, (n + 1) * SLOT) for g, n in gap_count.items()}
        conditioned = {link.source for link in links if link.condition}
        self.col_w: defaultdict[int, float] = defaultdict(lambda: NODE_W)
        for node in graph.nodes:
            width = node_width(node.kind, self.event_lines[node.key], node.key in conditioned)
            self.col_w[columns[node.key]] = max(self.col_w[columns[node.key]], width)
        self.last_col = max(columns.values())
        self.col_x = self._columns()
        self.group_bands = self._group_rows(process)
        self.lanes = self._lanes(roles, role_labels, track_count)

    def _columns(self) -> dict[int, float]:
        x = float(self.label_w + MARGIN)
        col_x = {}
        for col in range(self.last_col + 1):
            col_x[col] = x
            x += self.col_w[col] + self.gap_w.get(col, GAP)
        return col_x

    def gap(self, gap: int) -> tuple[float, float]:
        """(left, width) of the gap right of column `gap`."""
        return self.col_x[gap] + self.col_w[gap], self.gap_w[gap]

    def band(self, lane: int) -> tuple[float, float]:
        """(top, height) of the band in a lane where its shapes sit."""
        return self.lanes[lane].rect.y + LANE_PAD, self.box_h

    def _group_rows(self, process: Process) -> list[tuple[str, tuple[str, ...], int, float, float]]:
        """(name, lines, row, left, right) for each delprocess; overlapping ones get new rows."""
        rows_end: list[float] = []
        bands = []
        cols = self.columns
        for name, step_ids in groups(process):
            left = self.col_x[min(cols[s] for s in step_ids)] - 6
            right = self.col_x[max(cols[s] for s in step_ids)] + BOX_W + 6
            row = next((r for r, end in enumerate(rows_end) if end < left), len(rows_end))
            if row == len(rows_end):
                rows_end.append(right)
            rows_end[row] = right
            bands.append((name, wrap_text(name, right - left - 12, GROUP_FONT), row, left, right))
        return bands

    def header_rows(self) -> list[float]:
        """Height of each row of delprocess headers."""
        heights: defaultdict[int, float] = defaultdict(float)
        for _, lines, row, _, _ in self.group_bands:
            heights[row] = max(heights[row], len(lines) * GROUP_LINE_H + 10)
        return [heights[r] for r in sorted(heights)]

    def _lanes(
        self, roles: list[str], role_labels: dict[str, str], track_count: dict[int, int]
    ) -> list[Lane]:
        y = MARGIN + sum(h + 4 for h in self.header_rows())
        right = self.col_x[self.last_col] + self.col_w[self.last_col] + MARGIN
        lanes = []
        for i, role in enumerate(roles):
            font, label = fit_text(
                role_labels.get(role, role), self.label_w - 2 * MARGIN, FONT * BOLD, MIN_FONT * BOLD
            )
            font = round(font / BOLD, 1)
            tracks = track_count.get(i, 0)
            inner = LANE_PAD + self.box_h + LANE_PAD + max(0, tracks - 1) * TRACK
            height = max(inner, len(label) * LINE_H + 2 * LANE_PAD)
            lanes.append(Lane(role, label, Rect(MARGIN, y, right - MARGIN, height), font))
            y += height
        return lanes

    def build(
        self,
        process: Process,
        graph: FlowGraph,
        lane_of: dict[str, int],
        links: list[Link],
        routine_counts: dict[str, int],
    ) -> MapLayout:
        numbers = {s.id: i + 1 for i, s in enumerate(process.steps)}
        nodes = {
            n.key: self._node(n, lane_of[n.role], numbers, routine_counts) for n in graph.nodes
        }
        edges = Router(self, nodes, links).edges()
        bottom = self.lanes[-1].rect.bottom
        bands = []
        header_rows = self.header_rows()
        for name, lines, row, left, right in self.group_bands:
            top = MARGIN + sum(h + 4 for h in header_rows[:row])
            header = Rect(left, top, right - left, header_rows[row])
            bands.append(
                GroupBand(name, lines, header, Rect(left, top, right - left, bottom - top))
            )
        width = self.lanes[0].rect.right + MARGIN
        ordered = sorted(nodes.values(), key=lambda n: (n.column, n.lane, n.key))
        return MapLayout(
            width,
            bottom + MARGIN,
            self.label_w,
            tuple(self.lanes),
            tuple(ordered),
            tuple(edges),
            tuple(bands),
        )

    def _node(
        self, flow_node: FlowNode, lane: int, numbers: dict[str, int], routines: dict[str, int]
    ) -> Node:
        key, kind = flow_node.key, flow_node.kind
        col = self.columns[key]
        top, x = self.lanes[lane].rect.y + LANE_PAD, self.col_x[col]
        if kind != "step":
            rect = small_node_rect(kind, x, top + self.box_h / 2)
            lines = self.event_lines[key] if kind in ("end", "handover") else ()
            return Node(
                key, kind, lane, col, rect, lines, flow_node.step_id,
                label_rect=event_label_rect(rect, lines), process=flow_node.process,
            )  # fmt: skip
        rect = Rect(x, top, BOX_W, self.box_h)
        font, lines = self.labels[key]
        count = routines.get(key, 0)
        return Node(key, "step", lane, col, rect, lines, key, numbers[key], count, font)

    def track_y(self, lane: int, source: str, target: str) -> float:
        box_bottom = self.lanes[lane].rect.y + LANE_PAD + self.box_h
        return box_bottom + LANE_PAD / 2 + self.tracks[(source, target)] * TRACK


def _band_height(
    labels: dict[str, tuple[float, tuple[str, ...]]],
    events: dict[str, tuple[str, ...]],
    links: list[Link],
) -> float:
    """Height of the band of shapes: the tallest step label, event label, or the stack of
    conditions out of one gateway (each above its own arrow)."""
    lines = max(len(lines) for _, lines in labels.values())
    height = BOX_HEADER + lines * LINE_H + BOX_PAD_BOTTOM
    height = max([height] + [len(e) * SMALL_LINE_H + 8 for e in events.values()])
    out: defaultdict[str, list[int]] = defaultdict(list)
    for link in links:
        out[link.source].append(len(condition_lines(link.condition)))
    for counts in out.values():
        if any(counts):
            height = max(height, (len(counts) + 1) * (max(counts) * SMALL_LINE_H + 6))
    return height


def _label_width(labels: list[str]) -> float:
    """Wide enough for the longest word of any lane label, within limits."""
    widest = max(text_width(w, FONT * BOLD) for label in labels for w in label.split())
    return min(LABEL_MAX_W, max(LABEL_MIN_W, widest + 2 * MARGIN + 2))


def end_key(step_id: str) -> str:
    """The end event after a last step that has no `nästa`."""
    return f":end:{step_id}"
