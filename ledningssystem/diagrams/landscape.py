"""The process landscape: styrprocesser on top, huvudprocesser as a chain, stödprocesser below."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process, ProcessType
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.svg import Hotspot, Point, Rect, diagram, fit_text, num, path_data
from ledningssystem.render.templating import render_template

FONT = 13
LINE_H = 16
MARGIN = 8
PAD = 12
ITEM_W = 152
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
    """Three bands, one per process type; huvudprocesser form one chain of chevrons."""
    by_type = {kind: content.processes_of_type(kind) for kind in ProcessType}
    per_line = max(MIN_PER_LINE, len(by_type[ProcessType.CORE]))
    lines = {p.id: fit_text(p.name, _text_width(p.type), FONT) for p in content.processes.values()}
    item_h = max([len(v) for _, v in lines.values()] + [1]) * LINE_H + 2 * PAD
    width = 2 * MARGIN + 2 * PAD + per_line * ITEM_W + (per_line - 1) * ITEM_GAP
    bands, y = [], float(MARGIN)
    for kind in (ProcessType.STEERING, ProcessType.CORE, ProcessType.SUPPORT):
        band = _band(kind, by_type[kind], lines, item_h, per_line, y, width)
        bands.append(band)
        y = band.rect.bottom + BAND_GAP
    return LandscapeLayout(width, y - BAND_GAP + MARGIN, item_h, tuple(bands))


def _band(
    kind: ProcessType,
    processes: list[Process],
    lines: dict[str, tuple[float, tuple[str, ...]]],
    item_h: float,
    per_line: int,
    y: float,
    width: float,
) -> Band:
    rows = max(1, -(-len(processes) // per_line))
    height = BAND_LABEL_H + rows * item_h + (rows - 1) * ITEM_GAP + PAD
    items = []
    for i, process in enumerate(processes):
        row, col = divmod(i, per_line)
        x = MARGIN + PAD + col * (ITEM_W + ITEM_GAP)
        rect = Rect(x, y + BAND_LABEL_H + row * (item_h + ITEM_GAP), ITEM_W, item_h)
        chevron = kind is ProcessType.CORE
        outline = _chevron(rect, first=i == 0) if chevron else _box(rect)
        font, text = lines[process.id]
        items.append(Item(process.id, TYPE_CLASSES[kind], rect, text, outline, font))
    band_rect = Rect(MARGIN, y, width - 2 * MARGIN, height)
    return Band(TYPE_NAMES[kind], TYPE_CLASSES[kind], band_rect, tuple(items))


def _text_width(kind: ProcessType) -> float:
    """Room for a name: chevrons lose their notch and tip."""
    return ITEM_W - 2 * CHEVRON_DEPTH - 6 if kind is ProcessType.CORE else ITEM_W - 16


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
