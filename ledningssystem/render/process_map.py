"""The swimlane map of one process, as inline SVG followed by the same flow in text."""

from __future__ import annotations

from ledningssystem.model.content import Ledningssystem
from ledningssystem.model.process import Process
from ledningssystem.render import map_layout as geometry
from ledningssystem.render.flow import lane_roles, successors
from ledningssystem.render.svg import Hotspot, diagram, num, path_data
from ledningssystem.render.templating import render_template
from ledningssystem.urls import Linker


def layout_for(content: Ledningssystem, process: Process) -> geometry.MapLayout:
    """The map's geometry, with lanes labelled by role name and boxes marked with rutiner."""
    labels = {role_id: role.name for role_id, role in content.roles.items()}
    counts = {s.id: len(content.routines_for(process.id, s.id)) for s in process.steps}
    return geometry.layout_process_map(process, labels, counts)


def render_process_map_svg(
    content: Ledningssystem, process: Process, layout: geometry.MapLayout
) -> str:
    """The map alone, as an <svg> element (a picture: its links are laid on top of it)."""
    roles = [content.roles[r].name for r in lane_roles(process)]
    steps = len(process.steps)
    desc = (
        f"{steps} steg i {len(roles)} simbanor: {', '.join(roles)}. "
        f"Startar när: {process.start} Avslutas när: {process.end} "
        "Stegen i ordning finns som text under bilden."
    )
    return render_template(
        "diagrams/process_map.svg.jinja",
        m=layout,
        id=f"ls-map-{process.id}",
        title=f"Processkarta: {process.name}",
        desc=desc,
        names={s.id: s.name for s in process.steps},
        num=num,
        path=path_data,
        font=geometry.FONT,
        line_h=geometry.LINE_H,
        group_line_h=geometry.GROUP_LINE_H,
        box_header=geometry.BOX_HEADER,
    )


def render_process_map_text(content: Ledningssystem, process: Process, link: Linker) -> str:
    """The text alternative: every step in order with its role, delprocess and next steps."""
    succ = successors(process)
    numbers = {s.id: i + 1 for i, s in enumerate(process.steps)}
    rows = [
        (
            step,
            content.roles[step.performer].name,
            step.group,
            len(content.routines_for(process.id, step.id)),
            [f"steg {numbers[n]} ({process.step(n).name})" for n in succ[step.id]],  # type: ignore[union-attr]
        )
        for step in process.steps
    ]
    return render_template(
        "diagrams/process_map_text.html.jinja", process=process, rows=rows, link=link
    )


def render_process_map(content: Ledningssystem, process: Process, link: Linker) -> str:
    """The map in a scrollable region, each box a link to its step, then the text alternative."""
    layout = layout_for(content, process)
    boxes = {node.step_id: node for node in layout.nodes if node.kind == "step"}
    spots = tuple(
        Hotspot(
            link.step(process.id, step.id),
            f"{number}. {step.name}",
            boxes[step.id].rect,
            layout.width,
            layout.height,
        )
        for number, step in enumerate(process.steps, start=1)
    )
    return diagram(
        f"Processkarta: {process.name}",
        render_process_map_svg(content, process, layout),
        render_process_map_text(content, process, link),
        "ls-figure--map",
        spots,
    )
