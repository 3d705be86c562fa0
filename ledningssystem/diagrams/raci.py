"""The responsibility table (RACI) of one process: steps × the roles that have a letter."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process, Responsibility
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.flow import raci_roles
from ledningssystem.diagrams.svg import compact
from ledningssystem.render.templating import render_template

LETTER_NAMES = {
    Responsibility.RESPONSIBLE: "Utför",
    Responsibility.ACCOUNTABLE: "Ytterst ansvarig",
    Responsibility.CONSULTED: "Rådfrågas",
    Responsibility.INFORMED: "Informeras",
}


@dataclass(frozen=True)
class RaciTable:
    """Roles (columns) and one row per step with a letter or "" per role."""

    roles: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (step id, letters in role order)


def raci_table(process: Process) -> RaciTable:
    """The table as data: only roles with a letter somewhere in the process get a column."""
    roles = tuple(raci_roles(process))
    rows = tuple(
        (
            step.id,
            tuple(step.responsibility[r].value if r in step.responsibility else "" for r in roles),
        )
        for step in process.steps
    )
    return RaciTable(roles, rows)


def render_raci(content: Ledningssystem, process: Process, link: Linker) -> str:
    """The table as HTML, with a legend, in a keyboard-scrollable region."""
    table = raci_table(process)
    html = render_template(
        "diagrams/raci.html.jinja",
        process=process,
        table=table,
        roles=[content.roles[r] for r in table.roles],
        steps={s.id: (i + 1, s) for i, s in enumerate(process.steps)},
        letters={r.value: name for r, name in LETTER_NAMES.items()},
        link=link,
    )
    return compact(html)
