"""Routes of the arrows on a process map: orthogonal, in their own slots and tracks.

A link between neighbouring columns turns once in the gap between them; any other link
(skipping columns, or a loop back) leaves right into the next gap, runs along a track below
the boxes of its lane and comes down the gap before its target, so it never crosses a box.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ledningssystem.render.svg import Point

if TYPE_CHECKING:
    from ledningssystem.render.map_layout import Node


class Grid(Protocol):
    def slot_x(self, gap: int, source: str, target: str, end: str) -> float: ...

    def track_y(self, lane: int, source: str, target: str) -> float: ...


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    points: tuple[Point, ...]
    back: bool = False  # returns to an earlier column: a loop

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

    @property
    def direct(self) -> bool:
        return self.target_col == self.source_col + 1


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

    def _ports(
        self, by_node: dict[str, list[Link]], other: Callable[[Link], Node]
    ) -> dict[tuple[str, str], float]:
        ports = {}
        for key, links in by_node.items():
            rect = self.nodes[key].rect
            ordered = sorted(links, key=lambda k: (other(k).rect.cy, other(k).column, other(k).key))
            for i, link in enumerate(ordered):
                if self.nodes[key].kind == "step":
                    ports[(link.source, link.target)] = rect.y + rect.h * (i + 1) / (len(links) + 1)
                else:
                    ports[(link.source, link.target)] = rect.cy
        return ports

    def edges(self) -> list[Edge]:
        return [self._edge(link) for link in self.links]

    def _edge(self, link: Link) -> Edge:
        key = (link.source, link.target)
        start = (self.nodes[link.source].rect.right, self.out_port[key])
        end = (self.nodes[link.target].rect.x, self.in_port[key])
        grid = self.grid
        if link.direct:
            x = grid.slot_x(link.source_col, link.source, link.target, "both")
            points = [start, (x, start[1]), (x, end[1]), end]
        else:
            x1 = grid.slot_x(link.source_col, link.source, link.target, "out")
            x2 = grid.slot_x(link.target_col - 1, link.source, link.target, "in")
            y = grid.track_y(link.source_lane, link.source, link.target)
            points = [start, (x1, start[1]), (x1, y), (x2, y), (x2, end[1]), end]
        return Edge(link.source, link.target, _simplify(points), link.target_col <= link.source_col)


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
