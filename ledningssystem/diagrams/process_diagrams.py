"""The diagrams shown on a process page (map and responsibility table)."""

from __future__ import annotations

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.process_map import render_process_map
from ledningssystem.diagrams.raci import render_raci
from ledningssystem.diagrams.svg import compact
from ledningssystem.render.templating import render_template


def process_diagrams(
    content: Ledningssystem,
    process: Process,
    link: Linker,
    map_page: str = "",
    bpmn: str = "",
    drawn_map: str | None = None,
) -> list[tuple[str, str]]:
    """(heading, HTML) sections for a process page: the swimlane map (with links to its own
    page and its BPMN file) and the RACI table. `drawn_map`: the map as render_process_map
    draws it, when the caller has it already (from a cache)."""
    tools = render_template("diagrams/map_tools.html.jinja", map_page=map_page, bpmn=bpmn)
    if drawn_map is None:
        drawn_map = render_process_map(content, process, link)
    return [
        ("Processkarta", compact(tools) + drawn_map),
        ("Ansvarsfördelning", render_raci(content, process, link)),
    ]
