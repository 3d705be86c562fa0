"""A filtered table of rutiner, for the routine_list macro."""

from __future__ import annotations

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.document import Status
from ledningssystem.core.urls import Linker
from ledningssystem.render.table_cards import label_card_cells
from ledningssystem.render.templating import render_template


def select_routines(
    content: Ledningssystem,
    process: str | None = None,
    role: str | None = None,
    status: str | None = None,
) -> list:
    """Rutiner supporting `process`, owned by `role`, with `status`; sorted by title."""
    wanted = _status(status)
    docs = content.routines_for(process) if process else list(content.routines.values())
    selected = [
        d.meta
        for d in docs
        if (role is None or d.meta.owner == role) and (wanted is None or d.meta.status is wanted)
    ]
    return sorted(selected, key=lambda r: r.title.casefold())


def render_routine_list(content: Ledningssystem, link: Linker, **filters: str | None) -> str:
    routines = select_routines(content, **filters)
    return label_card_cells(
        render_template(
            "partials/routine_list.html.jinja",
            routines=routines,
            link=link,
            roles=content.roles,
            content=content,
        )
    )


def _status(value: str | None) -> Status | None:
    if value is None:
        return None
    try:
        return Status(value)
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        raise ValueError(f'status "{value}" finns inte; välj något av: {allowed}') from None
