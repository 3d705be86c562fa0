"""A page per process, and the index of all processes by type."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from functools import cache, partial

from ledningssystem.bpmn.export import render_bpmn
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process, ProcessType
from ledningssystem.core.urls import (
    PROCESS_INDEX,
    Linker,
    process_bpmn,
    process_map_page,
    process_page,
)
from ledningssystem.diagrams.landscape import render_landscape
from ledningssystem.diagrams.process_diagrams import process_diagrams
from ledningssystem.diagrams.process_map import MapPicture, draw_process_map, render_process_map
from ledningssystem.website.map_cache import map_key
from ledningssystem.website.pages.doccontrol import document_control
from ledningssystem.website.pages.memo import FRONT_MATTER, history_key
from ledningssystem.website.pages.page import BuildContext, Page, template_page

TYPE_HEADINGS = {
    ProcessType.STEERING: ("Styrprocesser", "Planerar, leder och följer upp verksamheten."),
    ProcessType.CORE: ("Huvudprocesser", "Skapar värde för dem verksamheten finns till för."),
    ProcessType.SUPPORT: ("Stödprocesser", "Ger förutsättningar för huvudprocesserna."),
}


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    shown = _documents_shown(content) if context.memo.enabled else {}
    for process in content.processes.values():
        yield from context.memo.page(
            partial(_process_key, context, shown, process),
            partial(_process_pages, content, context, process),
        )
    # The index shows each process's syfte: its key has the processes' prose too.
    yield context.memo.listing_with_prose("processindex", partial(_index, content, context))


def _index(content: Ledningssystem, context: BuildContext) -> Page:
    """The index by type with the landscape: processes and rutiner's front matter."""
    groups = [(TYPE_HEADINGS[kind], content.processes_of_type(kind)) for kind in ProcessType]
    return template_page(
        PROCESS_INDEX,
        "pages/process_index.md.jinja",
        context,
        in_nav=True,
        groups=groups,
        content=content,
        landscape=render_landscape(content, context.linker(PROCESS_INDEX)),
        bpmn={
            p.id: context.linker(PROCESS_INDEX).file(process_bpmn(p.id))
            for p in content.processes.values()
        },
    )


def _process_pages(content: Ledningssystem, context: BuildContext, process: Process) -> list[Page]:
    # Laid out and drawn at most once for the three (the BPMN file needs its layout).
    picture = cache(partial(draw_process_map, content, process))
    return [
        process_document_page(content, context, process, picture),
        process_map_document(content, context, process, picture),
        Page(process_bpmn(process.id), render_bpmn(content, process, picture().layout)),
    ]


def _process_key(context: BuildContext, shown: dict[str, set[str]], process: Process) -> Hashable:
    """What a process's pages show besides shared content (see _documents_shown), its history."""
    history = history_key(context.history, process.origin.file)
    return ("process", context.memo.files(shown[process.id]), history)


def _documents_shown(content: Ledningssystem) -> dict[str, set[str]]:
    """Process id → the files of the documents its pages show: itself, the processes it hands
    over to and that hand over to it (their names and steps), and the rutiner that support it."""
    shown = {pid: {p.origin.file} for pid, p in content.processes.items()}
    for process in content.processes.values():
        for step in process.steps:
            for flow in step.next:
                if flow.process in shown:
                    shown[flow.process].add(process.origin.file)
                    shown[process.id].add(content.processes[flow.process].origin.file)
    for doc in content.routines.values():
        for target in doc.meta.supports:  # a rutin's title and status, never its text
            shown[target.partition("/")[0]].add(doc.meta.origin.file + FRONT_MATTER)
    return shown


def process_map_document(
    content: Ledningssystem,
    context: BuildContext,
    process: Process,
    picture: Callable[[], MapPicture],
) -> Page:
    """The map on a page of its own, the whole width of the screen (works without JavaScript)."""
    src = process_map_page(process.id)
    link = context.linker(src)
    return template_page(
        src,
        "pages/process_map.md.jinja",
        context,
        edit_path=process.origin.file,
        process=process,
        map=_drawn_map(content, context, process, link, picture),
        bpmn=link.file(process_bpmn(process.id)),
    )


def process_document_page(
    content: Ledningssystem,
    context: BuildContext,
    process: Process,
    picture: Callable[[], MapPicture],
) -> Page:
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
        diagrams=process_diagrams(
            content,
            process,
            link,
            link.page(process_map_page(process.id)),
            link.file(process_bpmn(process.id)),
            _drawn_map(content, context, process, link, picture),
        ),
        process_routines=content.routines_for(process.id),
        control=document_control(content, context, process),
    )


def _drawn_map(
    content: Ledningssystem,
    context: BuildContext,
    process: Process,
    link: Linker,
    picture: Callable[[], MapPicture],
) -> str:
    """The process map, from the map cache of earlier builds when nothing it shows changed."""
    key = map_key(content, process, link)
    return context.maps.get(key, lambda: render_process_map(content, process, link, picture()))
