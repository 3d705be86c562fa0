"""The shapes on a process map: step boxes, events (circles) and gateways (diamonds).

Each shape is placed in the band of its lane where the step boxes sit; a label that
belongs to a shape (an end's text, the process a handover goes to) sits right of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.diagrams.svg import Point, Rect, wrap_text

FONT = 13
LINE_H = 16
SMALL_FONT = 12  # event labels and conditions: never smaller, so they stay readable
SMALL_LINE_H = 14
BOX_W = 136
BOX_PAD_X = 10
BOX_HEADER = 14  # strip at the top of a box for the step number and rutin marker
BOX_PAD_BOTTOM = 8
NODE_W = 36  # the part of a column an event or gateway itself takes
NODE_R = 11
GATEWAY_R = 17  # half the diagonal of a gateway's diamond
EVENT_LABEL_W = 112
CONDITION_W = 112
EVENTS = ("start", "end", "handover")


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # "start", "step", "exclusive", "parallel", "end" or "handover"
    lane: int
    column: int
    rect: Rect  # the box, circle or diamond: arrows start and end on its border
    lines: tuple[str, ...] = ()
    step_id: str = ""
    number: int = 0
    routines: int = 0
    font: float = FONT
    label_rect: Rect | None = None  # an event's text, right of its circle
    process: str = ""  # where a handover goes

    @property
    def outline(self) -> Rect:
        """Everything the node draws: its shape and its label."""
        if self.label_rect is None:
            return self.rect
        r, label = self.rect, self.label_rect
        top, bottom = min(r.y, label.y), max(r.bottom, label.bottom)
        return Rect(r.x, top, label.right - r.x, bottom - top)

    @property
    def diamond(self) -> tuple[Point, Point, Point, Point]:
        r = self.rect
        return (r.cx, r.y), (r.right, r.cy), (r.cx, r.bottom), (r.x, r.cy)


def event_lines(text: str) -> tuple[str, ...]:
    """An event's label, wrapped beside its circle (nothing when it has no text)."""
    return wrap_text(text, EVENT_LABEL_W, SMALL_FONT) if text.strip() else ()


def condition_lines(text: str) -> tuple[str, ...]:
    return wrap_text(text, CONDITION_W, SMALL_FONT) if text.strip() else ()


def node_width(kind: str, lines: tuple[str, ...], conditions: bool) -> float:
    """Width of the column part a node needs, its label or outgoing conditions included."""
    if kind == "step":
        return BOX_W
    if kind in EVENTS and lines:
        return NODE_W + EVENT_LABEL_W + 4
    if conditions:
        return NODE_W + CONDITION_W + 8
    return NODE_W


def small_node_rect(kind: str, x: float, cy: float) -> Rect:
    """The circle or diamond of an event or gateway in a column starting at x."""
    radius = NODE_R if kind in EVENTS else GATEWAY_R
    return Rect(x + NODE_W / 2 - radius, cy - radius, 2 * radius, 2 * radius)


def event_label_rect(rect: Rect, lines: tuple[str, ...]) -> Rect | None:
    if not lines:
        return None
    height = len(lines) * SMALL_LINE_H
    return Rect(rect.right + 6, rect.cy - height / 2, EVENT_LABEL_W, height)


def exit_point(node: Node, y: float) -> tuple[Point, ...]:
    """Where an arrow leaves a node's right side at height y: straight out of a box or a
    circle's middle; out of a gateway's edge, or its top or bottom corner when y is beyond."""
    r = node.rect
    if node.kind not in ("exclusive", "parallel"):
        return ((r.right, y),)
    dy = y - r.cy
    half = r.w / 2
    if abs(dy) < half - 2:
        return ((r.cx + half - abs(dy), y),)
    corner = (r.cx, r.y) if dy < 0 else (r.cx, r.bottom)
    return (corner, (r.cx, y))


def on_outline(node: Node, point: Point, tolerance: float = 0.05) -> bool:
    """True when point lies on the border of the node's shape."""
    if node.kind not in ("exclusive", "parallel"):
        if node.kind in EVENTS:
            r = node.rect
            distance = ((point[0] - r.cx) ** 2 + (point[1] - r.cy) ** 2) ** 0.5
            return abs(distance - r.w / 2) <= tolerance
        return node.rect.on_border(point, tolerance)
    r = node.rect
    return abs(abs(point[0] - r.cx) + abs(point[1] - r.cy) - r.w / 2) <= tolerance
