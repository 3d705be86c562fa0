"""A page per rutin, and the A–Ö index of all rutiner."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from functools import partial
from itertools import groupby

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.routine import RoutineDocument
from ledningssystem.core.urls import ROUTINE_INDEX, routine_page
from ledningssystem.website.pages.doccontrol import document_control
from ledningssystem.website.pages.memo import history_key
from ledningssystem.website.pages.page import BuildContext, Page, template_page

_LEADING_H1 = re.compile(r"\A\s*#\s[^\n]*\n")


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    for doc in content.routines.values():
        yield context.memo.page(
            partial(_routine_key, content, context, doc),
            partial(routine_document_page, content, context, doc),
        )
    yield context.memo.listing("rutinindex", partial(_index, content, context))


def _index(content: Ledningssystem, context: BuildContext) -> Page:
    """The A–Ö index: titles, statuses and dates, all in the outline."""
    return template_page(
        ROUTINE_INDEX,
        "pages/routine_index.md.jinja",
        context,
        in_nav=True,
        groups=_alphabetical(content),
        content=content,
        count=len(content.routines),
    )


def routine_document_page(
    content: Ledningssystem, context: BuildContext, doc: RoutineDocument
) -> Page:
    meta = doc.meta
    supports = [_support_link(content, target) for target in meta.supports]
    return template_page(
        routine_page(meta.id),
        "pages/routine.md.jinja",
        context,
        edit_path=doc.meta.origin.file,
        doc=meta,
        body=_LEADING_H1.sub("", doc.body, count=1),
        content=content,
        supports=supports,
        control=document_control(content, context, meta),
    )


def _routine_key(content: Ledningssystem, context: BuildContext, doc: RoutineDocument) -> Hashable:
    """What a rutin page shows besides shared content: itself, its processes, its history."""
    file = doc.meta.origin.file
    processes = [content.processes[t.partition("/")[0]].origin.file for t in doc.meta.supports]
    # Of its processes the page shows names and steps (listed digests), never their prose.
    shown = (*context.memo.files([file]), *context.memo.listed_files(processes))
    return ("rutin", shown, history_key(context.history, file))


def _support_link(content: Ledningssystem, target: str) -> tuple[str, str, str]:
    """(process id, step id, label) for a `processer:` entry."""
    process_id, _, step_id = target.partition("/")
    process = content.processes[process_id]
    step = process.step(step_id) if step_id else None
    label = f"{process.name} › {step.name}" if step else process.name
    return process_id, step_id, label


def _alphabetical(content: Ledningssystem) -> list[tuple[str, list[RoutineDocument]]]:
    docs = sorted(content.routines.values(), key=lambda d: sort_key_sv(d.meta.title))
    return [
        (letter, list(group))
        for letter, group in groupby(docs, key=lambda d: initial_sv(d.meta.title))
    ]


_SWEDISH_ORDER = {"å": "{", "ä": "|", "ö": "}"}  # after z, in Swedish order


def sort_key_sv(text: str) -> str:
    """A sort key that puts Å, Ä, Ö after Z, as Swedish readers expect."""
    lowered = text.casefold()
    return "".join(_SWEDISH_ORDER.get(ch, ch) for ch in lowered)


def initial_sv(text: str) -> str:
    first = text.strip()[:1].upper()
    return first if first.isalpha() else "#"
