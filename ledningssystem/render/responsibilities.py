"""What a role is responsible for, across processes, rutiner and the årshjul."""

from __future__ import annotations

from ledningssystem.model.content import Ledningssystem
from ledningssystem.render.templating import render_template
from ledningssystem.urls import Linker


def render_role_responsibilities(content: Ledningssystem, role_id: str, link: Linker) -> str:
    """HTML listing every step where the role is R/A/C/I, the rutiner it owns and its activities."""
    steps = [
        (process, step, step.responsibility[role_id].value)
        for process in content.processes.values()
        for step in process.steps
        if role_id in step.responsibility
    ]
    owned = sorted(
        (d.meta for d in content.routines.values() if d.meta.owner == role_id),
        key=lambda r: r.title.casefold(),
    )
    processes = [p for p in content.processes.values() if p.owner == role_id]
    activities = [a for a in content.activities if a.responsible == role_id]
    return render_template(
        "partials/role_responsibilities.html.jinja",
        link=link,
        steps=steps,
        owned=owned,
        processes=processes,
        activities=activities,
    )
