"""The diagrams shown on a process page (map and responsibility table)."""

from __future__ import annotations

from ledningssystem.model.content import Ledningssystem
from ledningssystem.model.process import Process
from ledningssystem.urls import Linker


def process_diagrams(
    content: Ledningssystem, process: Process, link: Linker
) -> list[tuple[str, str]]:
    """(heading, HTML) sections for a process page; filled in by the process map renderers."""
    return []
