"""The process landscape: styrprocesser on top, huvudprocesser as a chain, stödprocesser below."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process, ProcessType
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.svg import Hotspot, Point, Rect, diagram, num, path_data, wrap_text
from ledningssystem.render.templating import render_template

# Names wrap at FONT and never shrink; the landscape is shown at its own size (never scaled
# down, diagrams.css), so a name reads at 13 px on every screen and a phone scrolls it.
FONT = 13
LINE_H = 16
MARGIN = 8
PAD = 12
# The whole landscape fits a desktop content column (688 px at 1280 px with both sidebars).
TARGET_W = 680
MAX_ITEM_W = 152
MAX_PER_LINE = 5
ITEM_GAP = 12
CHEVRON_DEPTH = 16
BAND_LABEL_H = 24
BAND_GAP = 10
MIN_PER_LINE = 4

TYPE_NAMES = {
    ProcessType.STEERING: "Styrprocesser",
    ProcessType.CORE: "Huvudprocesser",
    ProcessType.SUPPORT: "Stödprocesser",
}
TYPE_CLASSES = {
    ProcessType.STEERING: "steering",
    ProcessType.CORE: "core",
    ProcessType.SUPPORT: "support",
}


@dataclass(frozen=True)
class Item:
    process_id: str
    kind: str  # css class of the process type
    rect: Rect
    lines: tuple[str, ...]
    outline: tuple[Point, ...]  # rectangle or chevron
    font: float = FONT


@dataclass(frozen=True)
class Band:
    name: str
    kind: str
    rect: Rect
    items: tuple[Item, ...]


@dataclass(frozen=True)
class LandscapeLayout:
    width: float
    height: float
    item_h: float
    bands: tuple[Band, ...]


def layout_landscape(content: Ledningssystem) -> LandscapeLayout:
    """Three bands, one per process type; huvudprocesser form one chain of chevrons.

    The chain takes up to MAX_PER_LINE chevrons a row; the other bands take MIN_PER_LINE
    wider boxes, so their long compound names break less often."""
    by_type = {kind: content.processes_of_type(kind) for kind in ProcessType}
    per_line = {kind: MIN_PER_LINE for kind in ProcessType}
    per_line[ProcessType.CORE] = min(
        MAX_PER_LINE, max(MIN_PER_LINE, len(by_type[ProcessType.CORE]))
    )
    item_w = {kind: _item_width(n) for kind, n in per_line.items()}
    lines = {
        p.id: wrap_text(p.name, _text_width(p.type, item_w[p.type]), FONT)
        for p in content.processes.values()
    }
    item_h = max([len(v) for v in lines.values()] + [1]) * LINE_H + 2 * PAD
    core = per_line[ProcessType.CORE]
    width = 2 * MARGIN + 2 * PAD + core * item_w[ProcessType.CORE] + (core - 1) * ITEM_GAP
    bands, y = [], float(MARGIN)
    for kind in (ProcessType.STEERING, ProcessType.CORE, ProcessType.SUPPORT):
        size = (item_w[kind], item_h)
        band = _band(kind, by_type[kind], lines, size, per_line[kind], y, width)
        bands.append(band)
        y = band.rect.bottom + BAND_GAP
    return LandscapeLayout(width, y - BAND_GAP + MARGIN, item_h, tuple(bands))


def _band(
    kind: ProcessType,
    processes: list[Process],
    lines: dict[str, tuple[str, ...]],
    item_size: tuple[float, float],
    per_line: int,
    y: float,
    width: float,
) -> Band:
    item_w, item_h = item_size
    rows = max(1, -(-len(processes) // per_line))
    height = BAND_LABEL_H + rows * item_h + (rows - 1) * ITEM_GAP + PAD
    items = []
    for i, process in enumerate(processes):
        row, col = divmod(i, per_line)
        x = MARGIN + PAD + col * (item_w + ITEM_GAP)
        rect = Rect(x, y + BAND_LABEL_H + row * (item_h + ITEM_GAP), item_w, item_h)
        chevron = kind is ProcessType.CORE
        outline = _chevron(rect, first=col == 0) if chevron else _box(rect)
        items.append(Item(process.id, TYPE_CLASSES[kind], rect, lines[process.id], outline))
    band_rect = Rect(MARGIN, y, width - 2 * MARGIN, height)
    return Band(TYPE_NAMES[kind], TYPE_CLASSES[kind], band_rect, tuple(items))


def _item_width(per_line: int) -> float:
    """The widest box that keeps `per_line` boxes within TARGET_W (at most MAX_ITEM_W)."""
    room = TARGET_W - 2 * MARGIN - 2 * PAD - (per_line - 1) * ITEM_GAP
    return min(MAX_ITEM_W, room // per_line)


def _text_width(kind: ProcessType, item_w: float) -> float:
    """Room for a name: chevrons lose their notch and tip."""
    return item_w - 2 * CHEVRON_DEPTH - 6 if kind is ProcessType.CORE else item_w - 16


def _box(r: Rect) -> tuple[Point, ...]:
    return ((r.x, r.y), (r.right, r.y), (r.right, r.bottom), (r.x, r.bottom))


def _chevron(r: Rect, first: bool) -> tuple[Point, ...]:
    """An arrow-shaped box; every chevron but the first has a notch for the one before."""
    d = CHEVRON_DEPTH
    tip = (r.right, r.cy)
    notch = (r.x, r.bottom) if first else (r.x + d, r.cy)
    return ((r.x, r.y), (r.right - d, r.y), tip, (r.right - d, r.bottom), (r.x, r.bottom), notch)


def handover_targets(content: Ledningssystem) -> dict[str, list[str]]:
    """Process id → the processes its flow is handed over to (`nästa: [{process: …}]`)."""
    found: dict[str, list[str]] = {}
    for process in content.processes.values():
        targets = [f.process for s in process.steps for f in s.next if f.process is not None]
        if targets:
            found[process.id] = list(dict.fromkeys(targets))
    return found


def render_landscape(content: Ledningssystem, link: Linker) -> str:
    """The landscape as a scrollable SVG, followed by the same processes as lists of links."""
    layout = layout_landscape(content)
    groups = [
        (TYPE_NAMES[kind], content.processes_of_type(kind))
        for kind in (ProcessType.STEERING, ProcessType.CORE, ProcessType.SUPPORT)
    ]
    desc = " ".join(
        f"{name}: {', '.join(p.name for p in processes) or 'inga'}." for name, processes in groups
    )
    names = {p.id: p.name for p in content.processes.values()}
    handovers = handover_targets(content)
    w, h = layout.width, layout.height
    svg = render_template(
        "diagrams/landscape.svg.jinja",
        m=layout,
        names=names,
        desc=desc,
        num=num,
        path=path_data,
        font=FONT,
        line_h=LINE_H,
        handovers=handovers,
    )
    text = render_template(
        "diagrams/landscape_text.html.jinja",
        groups=groups,
        link=link,
        handovers=handovers,
        names=names,
    )
    spots = tuple(
        Hotspot(link.process(item.process_id), names[item.process_id], item.rect, w, h)
        for band in layout.bands
        for item in band.items
    )
    return diagram("Processlandskap", svg, text, "ls-figure--landscape", spots)
