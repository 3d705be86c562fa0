"""What a role is responsible for, across processes, rutiner and the årshjul."""

from __future__ import annotations

from itertools import groupby

from ledningssystem.core.model.calendar import Activity
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process, Step
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.arshjul import ordered_activities
from ledningssystem.diagrams.raci import LETTER_NAMES
from ledningssystem.render.format import MONTHS
from ledningssystem.render.templating import render_template

_TYPE_ORDER = {"styrprocess": 0, "huvudprocess": 1, "stödprocess": 2}


def role_steps(
    content: Ledningssystem, role_id: str
) -> list[tuple[Process, list[tuple[int, Step, str]]]]:
    """Per process (landscape order): (step number, step, letter) where the role has a letter."""
    processes = sorted(
        content.processes.values(), key=lambda p: (_TYPE_ORDER[p.type.value], p.order, p.name)
    )
    found = []
    for process in processes:
        steps = [
            (number, step, step.responsibility[role_id].value)
            for number, step in enumerate(process.steps, start=1)
            if role_id in step.responsibility
        ]
        if steps:
            found.append((process, steps))
    return found


def describe_when(activity: Activity) -> str:
    """When an activity happens, in words: "januari–mars, 1 april" or "hela året"."""
    months = sorted(set(activity.months))
    if len(months) == 12:
        parts = ["hela året"]
    else:
        parts = []
        runs = groupby(enumerate(months), key=lambda pair: pair[1] - pair[0])
        for _, run in runs:
            members = [m for _, m in run]
            first, last = MONTHS[members[0] - 1], MONTHS[members[-1] - 1]
            parts.append(first if first == last else f"{first}–{last}")
    parts += [f"{int(d[3:])} {MONTHS[int(d[:2]) - 1]}" for d in sorted(activity.dates)]
    return ", ".join(parts)


def render_role_responsibilities(
    content: Ledningssystem, role_id: str, link: Linker, finish: bool = False
) -> str:
    """HTML listing every step where the role is R/A/C/I, the rutiner it owns and its activities;
    with `finish` its table and lists are marked as finished HTML (render.finished_html)."""
    owned = sorted(
        (d.meta for d in content.routines.values() if d.meta.owner == role_id),
        key=lambda r: r.title.casefold(),
    )
    processes = [p for p in content.processes.values() if p.owner == role_id]
    activities = [
        (a, describe_when(a), a.all_months()[0])
        for a in ordered_activities(content)
        if a.responsible == role_id
    ]
    return render_template(
        "partials/role_responsibilities.html.jinja",
        link=link,
        by_process=role_steps(content, role_id),
        letters={r.value: name for r, name in LETTER_NAMES.items()},
        owned=owned,
        processes=processes,
        activities=activities,
        content=content,
        finish=finish,
    )
