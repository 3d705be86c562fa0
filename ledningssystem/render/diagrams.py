"""The diagrams shown on a process page (map and responsibility table)."""

from __future__ import annotations

from ledningssystem.model.content import Ledningssystem
from ledningssystem.model.process import Process
from ledningssystem.render.process_map import render_process_map
from ledningssystem.render.raci import render_raci
from ledningssystem.render.svg import compact
from ledningssystem.render.templating import render_template
from ledningssystem.urls import Linker


def process_diagrams(
    content: Ledningssystem, process: Process, link: Linker, map_page: str = "", bpmn: str = ""
) -> list[tuple[str, str]]:
    """(heading, HTML) sections for a process page: the swimlane map (with links to its own
    page and its BPMN file) and the RACI table."""
    tools = render_template("diagrams/map_tools.html.jinja", map_page=map_page, bpmn=bpmn)
    return [
        ("Processkarta", compact(tools) + render_process_map(content, process, link)),
        ("Ansvarsfördelning", render_raci(content, process, link)),
    ]
