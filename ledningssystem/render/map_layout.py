"""Geometry of a swimlane process map: lanes × columns, boxes and orthogonal arrows.

Arrows never cross a box: vertical runs use the gaps between columns (each arrow
its own slot) and horizontal runs that skip columns use a track below the boxes of
the source lane (each arrow its own track).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ledningssystem.model.process import Process
from ledningssystem.render.flow import assign_columns, groups, lane_roles, successors
from ledningssystem.render.map_routes import Edge, Link, Router
from ledningssystem.render.svg import BOLD, Rect, fit_text, text_width, wrap_text

FONT = 13
LINE_H = 16
LABEL_MIN_W, LABEL_MAX_W = 104, 220  # lane label column, left of the first lane
MARGIN = 8
BOX_W = 136
BOX_PAD_X = 10
BOX_HEADER = 14  # strip at the top of a box for the step number and rutin marker
BOX_PAD_BOTTOM = 8
NODE_W = 36  # columns of the start and end circles
NODE_R = 11
GAP = 30
SLOT = 7
LANE_PAD = 16
TRACK = 7
GROUP_FONT = 12
GROUP_LINE_H = 15

START = ":start"


def end_key(lane: int) -> str:
    return f":end:{lane}"


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # "step", "start" or "end"
    lane: int
    column: int
    rect: Rect
    lines: tuple[str, ...] = ()
    step_id: str = ""
    number: int = 0
    routines: int = 0
    font: float = FONT


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
    process: Process, role_labels: dict[str, str], routine_counts: dict[str, int]
) -> MapLayout:
    """Positions of everything on the map of `process` (role id → lane label, step → rutiner)."""
    roles = lane_roles(process)
    lane_of = {role: i for i, role in enumerate(roles)}
    succ = successors(process)
    columns = assign_columns(process, succ)
    end_col = max(columns.values()) + 1
    cells = {START: (lane_of[process.steps[0].performer], 0)}
    cells.update({s.id: (lane_of[s.performer], columns[s.id]) for s in process.steps})
    links = [Link(START, process.steps[0].id, 0, columns[process.steps[0].id], cells[START][0])]
    for step in process.steps:
        lane = lane_of[step.performer]
        targets = succ[step.id] or (end_key(lane),)
        for target in targets:
            cells.setdefault(target, (lane, end_col))
            links.append(Link(step.id, target, columns[step.id], cells[target][1], lane))
    grid = _Grid(process, columns, roles, role_labels, links)
    return grid.build(process, cells, links, routine_counts)


class _Grid:
    """Column x positions, lane y positions and the slots and tracks arrows run in."""

    def __init__(
        self,
        process: Process,
        columns: dict[str, int],
        roles: list[str],
        role_labels: dict[str, str],
        links: list[Link],
    ):
        self.end_col = max(columns.values()) + 1
        text_w = BOX_W - 2 * BOX_PAD_X
        self.labels = {s.id: fit_text(s.name, text_w, FONT) for s in process.steps}
        lines = max(len(lines) for _, lines in self.labels.values())
        self.label_w = _label_width([role_labels.get(r, r) for r in roles])
        self.box_h = BOX_HEADER + lines * LINE_H + BOX_PAD_BOTTOM
        self.slots: dict[tuple[int, str, str, str], int] = {}
        self.tracks: dict[tuple[str, str], int] = {}
        gap_count: defaultdict[int, int] = defaultdict(int)
        track_count: defaultdict[int, int] = defaultdict(int)
        for link in links:
            ends = ("both",) if link.direct else ("out", "in")
            for end in ends:
                gap = link.source_col if end in ("both", "out") else link.target_col - 1
                self.slots[(gap, link.source, link.target, end)] = gap_count[gap]
                gap_count[gap] += 1
            if not link.direct:
                self.tracks[(link.source, link.target)] = track_count[link.source_lane]
                track_count[link.source_lane] += 1
        self.gap_w = {g: max(GAP, (n + 1) * SLOT) for g, n in gap_count.items()}
        self.gap_count = gap_count
        self.col_x = self._columns(self.end_col)
        self.group_bands = self._group_rows(process, columns)
        self.lanes = self._lanes(roles, role_labels, track_count)

    def _columns(self, end_col: int) -> dict[int, float]:
        x = float(self.label_w + MARGIN)
        col_x = {}
        for col in range(end_col + 1):
            col_x[col] = x
            x += self.col_w(col) + self.gap_w.get(col, GAP)
        return col_x

    def col_w(self, col: int) -> float:
        return NODE_W if col in (0, self.end_col) else BOX_W

    def slot_x(self, gap: int, source: str, target: str, end: str) -> float:
        left = self.col_x[gap] + self.col_w(gap)
        slot = self.slots[(gap, source, target, end)]
        return left + self.gap_w[gap] * (slot + 1) / (self.gap_count[gap] + 1)

    def _group_rows(
        self, process: Process, cols: dict[str, int]
    ) -> list[tuple[str, tuple[str, ...], int, float, float]]:
        """(name, lines, row, left, right) for each delprocess; overlapping ones get new rows."""
        rows_end: list[float] = []
        bands = []
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
        right = self.col_x[self.end_col] + NODE_W + MARGIN
        lanes = []
        for i, role in enumerate(roles):
            font, label = fit_text(
                role_labels.get(role, role), self.label_w - 2 * MARGIN, FONT * BOLD, 11 * BOLD
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
        cells: dict[str, tuple[int, int]],
        links: list[Link],
        routine_counts: dict[str, int],
    ) -> MapLayout:
        numbers = {s.id: i + 1 for i, s in enumerate(process.steps)}
        nodes = {
            key: self._node(key, lane, col, numbers, routine_counts)
            for key, (lane, col) in cells.items()
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
        self, key: str, lane: int, col: int, numbers: dict[str, int], routines: dict[str, int]
    ) -> Node:
        top = self.lanes[lane].rect.y + LANE_PAD
        x = self.col_x[col]
        if key.startswith(":"):
            cy = top + self.box_h / 2
            rect = Rect(x + NODE_W / 2 - NODE_R, cy - NODE_R, 2 * NODE_R, 2 * NODE_R)
            return Node(key, "start" if key == START else "end", lane, col, rect)
        rect = Rect(x, top, BOX_W, self.box_h)
        font, lines = self.labels[key]
        count = routines.get(key, 0)
        return Node(key, "step", lane, col, rect, lines, key, numbers[key], count, font)

    def track_y(self, lane: int, source: str, target: str) -> float:
        box_bottom = self.lanes[lane].rect.y + LANE_PAD + self.box_h
        return box_bottom + LANE_PAD / 2 + self.tracks[(source, target)] * TRACK


def _label_width(labels: list[str]) -> float:
    """Wide enough for the longest word of any lane label, within limits."""
    widest = max(text_width(w, FONT * BOLD) for label in labels for w in label.split())
    return min(LABEL_MAX_W, max(LABEL_MIN_W, widest + 2 * MARGIN + 2))
