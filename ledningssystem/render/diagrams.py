"""The diagrams shown on a process page (map and responsibility table)."""

from __future__ import annotations

from ledningssystem.model.content import Ledningssystem
from ledningssystem.model.process import Process
from ledningssystem.render.process_map import render_process_map
from ledningssystem.render.raci import render_raci
from ledningssystem.urls import Linker


def process_diagrams(
    content: Ledningssystem, process: Process, link: Linker
) -> list[tuple[str, str]]:
    """(heading, HTML) sections for a process page: the swimlane map and the RACI table."""
    return [
        ("Processkarta", render_process_map(content, process, link)),
        ("Ansvarsfördelning", render_raci(content, process, link)),
    ]
