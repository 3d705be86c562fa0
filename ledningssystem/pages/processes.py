"""A page per process, and the index of all processes by type."""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.model.content import Ledningssystem
from ledningssystem.model.process import Process, ProcessType
from ledningssystem.pages.doccontrol import document_control
from ledningssystem.pages.page import BuildContext, Page, template_page
from ledningssystem.render.diagrams import process_diagrams
from ledningssystem.render.landscape import render_landscape
from ledningssystem.urls import PROCESS_INDEX, process_page

TYPE_HEADINGS = {
    ProcessType.STEERING: ("Styrprocesser", "Planerar, leder och följer upp verksamheten."),
    ProcessType.CORE: ("Huvudprocesser", "Skapar värde för dem verksamheten finns till för."),
    ProcessType.SUPPORT: ("Stödprocesser", "Ger förutsättningar för huvudprocesserna."),
}


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    for process in content.processes.values():
        yield process_document_page(content, context, process)
    groups = [(TYPE_HEADINGS[kind], content.processes_of_type(kind)) for kind in ProcessType]
    yield template_page(
        PROCESS_INDEX,
        "pages/process_index.md.jinja",
        context,
        in_nav=True,
        groups=groups,
        content=content,
        landscape=render_landscape(content, context.linker(PROCESS_INDEX)),
    )


def process_document_page(content: Ledningssystem, context: BuildContext, process: Process) -> Page:
    src = process_page(process.id)
    link = context.linker(src)
    steps = [(step, content.routines_for(process.id, step.id)) for step in process.steps]
    return template_page(
        src,
        "pages/process.md.jinja",
        context,
        edit_path=process.origin.file,
        doc=process,
        process=process,
        content=content,
        steps=steps,
        type_heading=TYPE_HEADINGS[process.type][0],
        diagrams=process_diagrams(content, process, link),
        process_routines=content.routines_for(process.id),
        control=document_control(content, context, process),
    )
