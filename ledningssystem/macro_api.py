"""The macros authors can use in pages of docs/ (with `render_macros: true`).

Each macro takes a MacroContext first; the mkdocs-macros glue binds it.
Every macro's docstring has a usage example: the authoring guide shows them,
and a test fails if a macro is missing from the guide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ledningssystem.messages import did_you_mean
from ledningssystem.model.content import Ledningssystem
from ledningssystem.render.responsibilities import render_role_responsibilities
from ledningssystem.render.routine_list import render_routine_list
from ledningssystem.urls import Linker


class MacroError(Exception):
    """A macro called with something that does not exist; fails the build."""


@dataclass(frozen=True)
class MacroContext:
    content: Ledningssystem
    link: Linker
    page: str

    def fail(self, message: str) -> MacroError:
        return MacroError(f"Sidan docs/{self.page}: {message}")

    def require(self, kind: str, value: str, known: dict[str, object]) -> None:
        if value not in known:
            raise self.fail(f'{kind} "{value}" finns inte.{did_you_mean(value, known)}')


def role_responsibilities(ctx: MacroContext, role_id: str) -> str:
    """Allt en roll ansvarar för. Exempel: {{ role_responsibilities("sas") }}"""
    ctx.require("rollen", role_id, ctx.content.roles)  # type: ignore[arg-type]
    return render_role_responsibilities(ctx.content, role_id, ctx.link)


def routine_list(
    ctx: MacroContext,
    process: str | None = None,
    role: str | None = None,
    status: str | None = None,
) -> str:
    """Filtrerad tabell över rutiner.

    Exempel: {{ routine_list(process="avvikelsehantering", status="gällande") }}
    """
    if process:
        ctx.require("processen", process, ctx.content.processes)  # type: ignore[arg-type]
    if role:
        ctx.require("rollen", role, ctx.content.roles)  # type: ignore[arg-type]
    try:
        return render_routine_list(ctx.content, ctx.link, process=process, role=role, status=status)
    except ValueError as exc:
        raise ctx.fail(str(exc)) from None


def figure(ctx: MacroContext, name: str, year: int | None = None, visa: str = "värde") -> str:
    """En beräknad siffra ur kvalitetsberättelsen (senaste året om inget år anges).

    Exempel: {{ figure("avvikelser.sol.total", year=2025) }} eller
    {{ figure("klagomal.total", visa="sammanfattning") }}
    """
    from ledningssystem.report import reports_of
    from ledningssystem.report.narrative import VIEWS

    reports = reports_of(ctx.content)
    chosen = year if year is not None else (reports.latest if reports else None)
    if reports is None or chosen not in reports.figures:
        raise ctx.fail(f"det finns ingen kvalitetsberättelse för år {chosen} i reports/")
    figures = reports.figures[chosen]
    if name not in figures:
        raise ctx.fail(
            f'figuren "{name}" finns inte för {chosen}.{did_you_mean(name, figures.figures)}'
        )
    if visa not in VIEWS:
        raise ctx.fail(f'okänd visning "{visa}"; välj en av {", ".join(VIEWS)}')
    return VIEWS[visa](figures[name])


MACROS: dict[str, Callable[..., str]] = {
    "figure": figure,
    "role_responsibilities": role_responsibilities,
    "routine_list": routine_list,
}
