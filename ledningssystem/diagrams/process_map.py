"""The swimlane map of one process, as inline SVG followed by the same flow in text."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams import map_layout as geometry
from ledningssystem.diagrams.flow import handovers_into, lane_roles
from ledningssystem.diagrams.map_nodes import SMALL_FONT, SMALL_LINE_H
from ledningssystem.diagrams.map_text import render_process_map_text
from ledningssystem.diagrams.svg import Hotspot, diagram, num, path_data
from ledningssystem.render.templating import render_template


def layout_for(content: Ledningssystem, process: Process) -> geometry.MapLayout:
    """The map's geometry, with lanes labelled by role name and boxes marked with rutiner."""
    labels = {role_id: role.name for role_id, role in content.roles.items()}
    counts = {s.id: len(content.routines_for(process.id, s.id)) for s in process.steps}
    names = {p.id: p.name for p in content.processes.values()}
    return geometry.layout_process_map(process, labels, counts, names)


def render_process_map_svg(
    content: Ledningssystem, process: Process, layout: geometry.MapLayout
) -> str:
    """The map alone, as an <svg> element (a picture: its links are laid on top of it)."""
    roles = [content.roles[r].name for r in lane_roles(process)]
    steps = len(process.steps)
    started_from = [
        f"{other.name} ({other.step(step_id).name})"  # type: ignore[union-attr]
        for other, step_id in handovers_into(content, process.id)
    ]
    also = f"Startas också från: {'; '.join(started_from)}. " if started_from else ""
    desc = (
        f"{steps} steg i {len(roles)} simbanor: {', '.join(roles)}. "
        f"Startar när: {process.start} {also}Avslutas när: {process.end} "
        "Stegen i ordning finns som text under bilden."
    )
    return render_template(
        "diagrams/process_map.svg.jinja",
        m=layout,
        id=f"ls-map-{process.id}",
        title=f"Processkarta: {process.name}",
        desc=desc,
        names={s.id: s.name for s in process.steps},
        processes={p.id: p.name for p in content.processes.values()},
        num=num,
        path=path_data,
        font=geometry.FONT,
        line_h=geometry.LINE_H,
        small_font=SMALL_FONT,
        small_line_h=SMALL_LINE_H,
        group_line_h=geometry.GROUP_LINE_H,
        box_header=geometry.BOX_HEADER,
        box_pad_bottom=geometry.BOX_PAD_BOTTOM,
    )


def _hotspots(process: Process, layout: geometry.MapLayout, link: Linker) -> tuple[Hotspot, ...]:
    """A link over every step box (in the order of the steps), then over every handover to
    the process it goes to."""
    w, h = layout.width, layout.height
    boxes = {node.step_id: node for node in layout.nodes if node.kind == "step"}
    spots = [
        Hotspot(link.step(process.id, step.id), f"{number}. {step.name}", boxes[step.id].rect, w, h)
        for number, step in enumerate(process.steps, start=1)
    ]
    for node in layout.nodes:
        if node.kind == "handover":
            title = f"Till processen {' '.join(node.lines) or node.process}"
            spots.append(Hotspot(link.process(node.process), title, node.outline, w, h))
    return tuple(spots)


@dataclass(frozen=True)
class MapPicture:
    """A process's map as laid out and drawn: the same on every page that shows it (only the
    links over it and the text alternative follow the page), so drawn once per build."""

    layout: geometry.MapLayout
    svg: str  # the map, then its lane labels


def draw_process_map(content: Ledningssystem, process: Process) -> MapPicture:
    """Lay out and draw the map of `process` (without links: see render_process_map)."""
    layout = layout_for(content, process)
    # The lane labels again, kept in view (CSS position: sticky) while the map scrolls sideways.
    labels = render_template(
        "diagrams/process_map_lanes.svg.jinja",
        m=layout,
        num=num,
        font=geometry.FONT,
        line_h=geometry.LINE_H,
    )
    return MapPicture(layout, render_process_map_svg(content, process, layout) + labels)


def render_process_map(
    content: Ledningssystem, process: Process, link: Linker, picture: MapPicture | None = None
) -> str:
    """The map in a scrollable region, each box a link to its step, then the text alternative.

    `picture`: the map drawn before (draw_process_map), else drawn now."""
    drawn = picture or draw_process_map(content, process)
    return diagram(
        f"Processkarta: {process.name}",
        drawn.svg,
        render_process_map_text(content, process, link),
        "ls-figure--map",
        _hotspots(process, drawn.layout, link),
    )
