"""Routes of the arrows on a process map: orthogonal, in their own slots and tracks.

A link between neighbouring columns turns once in the gap between them; any other link
(skipping columns, or a loop back) leaves right into the next gap, runs along a track below
the boxes of its lane and comes down the gap before its target, so it never crosses a box.

No two arrows with different starts and different ends share a piece of line: every
vertical run has a slot of its own in its gap, every long run a track of its own (loops
below the forward tracks), and within a gap the slots are ordered so that an arrow
leaving a box never runs into the stub of another arrow entering the box beside it.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ledningssystem.diagrams.map_nodes import (
    SMALL_FONT,
    SMALL_LINE_H,
    Node,
    condition_lines,
    exit_point,
)
from ledningssystem.diagrams.svg import Point, Rect, text_width


class Grid(Protocol):
    def gap(self, gap: int) -> tuple[float, float]: ...

    def band(self, lane: int) -> tuple[float, float]: ...

    def track_y(self, lane: int, source: str, target: str) -> float: ...


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    points: tuple[Point, ...]
    back: bool = False  # returns to an earlier column: a loop
    condition: str = ""
    label: tuple[str, ...] = ()
    label_rect: Rect | None = None  # the condition, just above the arrow's first run

    @property
    def head(self) -> tuple[Point, Point, Point]:
        """The arrowhead, pointing right into the target's left side."""
        x, y = self.points[-1]
        return (x, y), (x - 7, y - 4), (x - 7, y + 4)


@dataclass(frozen=True)
class Link:
    """A connection to draw, with the columns and lane that decide its route."""

    source: str
    target: str
    source_col: int
    target_col: int
    source_lane: int
    condition: str = ""

    @property
    def direct(self) -> bool:
        return self.target_col == self.source_col + 1

    @property
    def ends(self) -> tuple[tuple[int, str], ...]:
        """(gap, part) of each vertical run: one for a direct link, otherwise out and in."""
        if self.direct:
            return ((self.source_col, "both"),)
        return ((self.source_col, "out"), (self.target_col - 1, "in"))


class Router:
    """Orthogonal routes with ports spread along each box side."""

    def __init__(self, grid: Grid, nodes: dict[str, Node], links: list[Link]):
        self.grid = grid
        self.nodes = nodes
        self.links = links
        outgoing: defaultdict[str, list[Link]] = defaultdict(list)
        incoming: defaultdict[str, list[Link]] = defaultdict(list)
        for link in links:
            outgoing[link.source].append(link)
            incoming[link.target].append(link)
        self.out_port = self._ports(outgoing, lambda link: nodes[link.target])
        self.in_port = self._ports(incoming, lambda link: nodes[link.source])
        self.slots = self._order_slots()
        self.gap_count: defaultdict[int, int] = defaultdict(int)
        for gap, *_ in self.slots:
            self.gap_count[gap] += 1

    def _ports(
        self, by_node: dict[str, list[Link]], other: Callable[[Link], Node]
    ) -> dict[tuple[str, str], float]:
        ports = {}
        for key, links in by_node.items():
            node = self.nodes[key]
            ordered = sorted(links, key=lambda k: (other(k).rect.cy, other(k).column, other(k).key))
            if node.kind == "step":
                top, height = node.rect.y, node.rect.h
            elif node.kind in ("exclusive", "parallel") and len(links) > 1:
                top, height = self.grid.band(node.lane)  # room for a condition above each
            else:
                top, height = node.rect.cy, 0.0
            for i, link in enumerate(ordered):
                ports[(link.source, link.target)] = top + height * (i + 1) / (len(links) + 1)
        return ports

    def _stubs(self, link: Link, part: str) -> list[tuple[str, int, float]]:
        """The horizontal stubs of a vertical run: ("out"/"in", lane, y)."""
        stubs = []
        if part in ("both", "out"):
            stubs.append(("out", link.source_lane, self.out_port[(link.source, link.target)]))
        if part in ("both", "in"):
            lane = self.nodes[link.target].lane
            stubs.append(("in", lane, self.in_port[(link.source, link.target)]))
        return stubs

    def _order_slots(self) -> dict[tuple[int, str, str, str], int]:
        """Slot of every vertical run in its gap: a run whose stub leaves a box at height y
        goes left of a run whose stub enters the next box at that same height."""
        by_gap: defaultdict[int, list[tuple[Link, str]]] = defaultdict(list)
        for link in self.links:
            for gap, part in link.ends:
                by_gap[gap].append((link, part))
        slots = {}
        for gap, runs in by_gap.items():
            for slot, (link, part) in enumerate(self._sorted_runs(runs)):
                slots[(gap, link.source, link.target, part)] = slot
        return slots

    def _sorted_runs(self, runs: list[tuple[Link, str]]) -> list[tuple[Link, str]]:
        """Runs in an order that meets every out-before-in constraint (Kahn's algorithm,
        otherwise keeping the order of the process)."""
        stubs = [self._stubs(link, part) for link, part in runs]
        entering: defaultdict[tuple[int, float], list[int]] = defaultdict(list)
        for j, run_stubs in enumerate(stubs):
            for kind, lane, y in run_stubs:
                if kind == "in":
                    entering[(lane, y)].append(j)
        after: defaultdict[int, set[int]] = defaultdict(set)
        for i, run_stubs in enumerate(stubs):
            for kind, lane, y in run_stubs:
                if kind == "out":
                    after[i].update(j for j in entering[(lane, y)] if j != i)
        waiting = dict.fromkeys(range(len(runs)), 0)
        for targets in after.values():
            for j in targets:
                waiting[j] += 1
        ready = [j for j, n in waiting.items() if n == 0]
        heapq.heapify(ready)
        order: list[int] = []
        while ready:
            i = heapq.heappop(ready)
            order.append(i)
            for j in sorted(after[i]):
                waiting[j] -= 1
                if waiting[j] == 0:
                    heapq.heappush(ready, j)
        placed = set(order)
        order += [j for j in range(len(runs)) if j not in placed]  # a cycle: keep them as they are
        return [runs[i] for i in order]

    def slot_x(self, gap: int, link: Link, part: str) -> float:
        left, width = self.grid.gap(gap)
        count = self.gap_count[gap]
        slot = self.slots[(gap, link.source, link.target, part)]
        return left + width * (slot + 1) / (count + 1)

    def edges(self) -> list[Edge]:
        return [self._edge(link) for link in self.links]

    def _edge(self, link: Link) -> Edge:
        key = (link.source, link.target)
        source, target = self.nodes[link.source], self.nodes[link.target]
        exit_points = exit_point(source, self.out_port[key])
        start = exit_points[-1]
        end = (target.rect.x, self.in_port[key])
        if link.direct:
            x = self.slot_x(link.source_col, link, "both")
            points = [*exit_points, (x, start[1]), (x, end[1]), end]
        else:
            x1 = self.slot_x(link.source_col, link, "out")
            x2 = self.slot_x(link.target_col - 1, link, "in")
            y = self.grid.track_y(link.source_lane, link.source, link.target)
            points = [*exit_points, (x1, start[1]), (x1, y), (x2, y), (x2, end[1]), end]
        lines = condition_lines(link.condition)
        label = None
        if lines:
            height = len(lines) * SMALL_LINE_H
            width = max(text_width(line, SMALL_FONT) for line in lines)
            label = Rect(source.rect.right + 4, start[1] - 2 - height, width, height)
        return Edge(
            link.source,
            link.target,
            _simplify(points),
            link.target_col <= link.source_col,
            link.condition,
            lines,
            label,
        )


def _simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three collinear points."""
    kept: list[Point] = []
    for point in points:
        if kept and kept[-1] == point:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)
