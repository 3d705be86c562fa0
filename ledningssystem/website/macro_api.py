"""The macros authors can use in pages of docs/ (with `render_macros: true`).

Each macro takes a MacroContext first; the mkdocs-macros glue binds it.
Every macro's docstring has a usage example: the authoring guide shows them,
and a test fails if a macro is missing from the guide.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import escape

from ledningssystem.core.facts import expand_facts
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.arshjul import render_arshjul
from ledningssystem.diagrams.landscape import render_landscape
from ledningssystem.diagrams.process_map import render_process_map
from ledningssystem.diagrams.raci import render_raci
from ledningssystem.portal.facts import fact_table
from ledningssystem.report.figure_call import CallProblem, figure_text, quote_text
from ledningssystem.website.responsibilities import render_role_responsibilities
from ledningssystem.website.routine_list import render_routine_list


class MacroError(Exception):
    """A macro called with something that does not exist; fails the build."""

    def __init__(self, page: str, detail: str):
        self.page, self.detail = page, detail  # `detail` alone, for a message with file and line
        super().__init__(f"Sidan docs/{page}: {detail}")


def macro_failure(page: str, name: str) -> str:
    """The message for a macro that broke on something the checks did not foresee.

    The reader gets the page and what to do, never the error's own (English, Python) text."""
    return (
        f"Sidan docs/{page}: makrot {name} kunde inte visas. Kontrollera makrots argument "
        f"mot skrivguiden (docs/skriva/) och kör make check; kvarstår felet är det ett fel "
        f"i portalen, som du anmäler till portalens förvaltare med sidans namn."
    )


@dataclass(frozen=True)
class MacroContext:
    content: Ledningssystem
    link: Linker
    page: str

    def fail(self, message: str) -> MacroError:
        return MacroError(self.page, message)

    def require(self, kind: str, value: str, known: dict[str, object]) -> None:
        if value not in known:
            raise self.fail(f'{kind} "{value}" finns inte.{closest(value, known)}')

    def process(self, process_id: str) -> Process:
        """The process with this id, or a build-stopping error naming the page."""
        self.require("processen", process_id, self.content.processes)  # type: ignore[arg-type]
        return self.content.processes[process_id]


def closest(value: str, known: Iterable[str]) -> str:
    """' Menade du "x"?' for a near miss, otherwise the most similar id there is."""
    candidates = sorted(known)
    near = did_you_mean(value, candidates)
    if near or not candidates:
        return near or " Det finns inga ännu."
    ranked = sorted(candidates, key=lambda c: -difflib.SequenceMatcher(None, str(value), c).ratio())
    return f' Närmaste id som finns är "{ranked[0]}".'


def call_macro(name: str, ctx: MacroContext, *args: object, **kwargs: object) -> str:
    """Run a macro; wrong arguments become a Swedish MacroError with the macro's example."""
    func = MACROS[name]
    try:
        inspect.signature(func).bind(ctx, *args, **kwargs)
    except TypeError:
        doc = func.__doc__ or ""
        example = doc[doc.index("Exempel:") :].split("\n")[0] if "Exempel:" in doc else ""
        raise ctx.fail(f"makrot {name} anropas med fel argument. {example}".strip()) from None
    # Texts a macro shows (e.g. rutin summaries) may cite facts too.
    return expand_facts(func(ctx, *args, **kwargs), fact_table(ctx.content))


def process_landscape(ctx: MacroContext) -> str:
    """Processlandskapet: styr-, huvud- och stödprocesser. Exempel: {{ process_landscape() }}"""
    return render_landscape(ctx.content, ctx.link)


def process_map(ctx: MacroContext, process_id: str) -> str:
    """En process i simbanor per roll. Exempel: {{ process_map("avvikelsehantering") }}"""
    return render_process_map(ctx.content, ctx.process(process_id), ctx.link)


def raci(ctx: MacroContext, process_id: str) -> str:
    """Ansvarsmatrisen (R, A, C, I) för en process. Exempel: {{ raci("avvikelsehantering") }}"""
    return render_raci(ctx.content, ctx.process(process_id), ctx.link)


def arshjul(ctx: MacroContext) -> str:
    """Årshjulet som bild och månadslista. Exempel: {{ arshjul() }}"""
    return render_arshjul(ctx.content, ctx.link)


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


def figure(ctx: MacroContext, name: str, year: int | str | None = None, visa: str = "värde") -> str:
    """En beräknad siffra ur kvalitetsberättelsen (senaste året om inget år anges).

    Exempel: {{ figure("avvikelser.sol.total", year=2025) }} eller
    {{ figure("klagomal.total", visa="sammanfattning") }}
    """
    reports = ctx.content.reports
    figures = reports.figures if reports else {}
    if not figures:
        raise ctx.fail(
            f'figuren "{name}" finns inte: portalen har ingen kvalitetsberättelse i reports/. '
            "Lägg upp ett år med make ny-berattelse YEAR=… eller ta bort makrot"
        )
    try:
        return figure_text(figures, max(figures, default=None), name, year, visa)
    except CallProblem as problem:
        raise ctx.fail(f"{problem.message}. {problem.hint}".strip()) from None


def citat(ctx: MacroContext, text: str, källa: str) -> str:
    """En siffra eller text ur en annan källa, med källan synlig (räknas inte som årets figurer).

    Exempel: {{ citat("34 synpunkter", källa="Patientnämndens årsrapport 2024") }}
    """
    try:
        return quote_text(text, källa)
    except CallProblem as problem:
        raise ctx.fail(f"{problem.message}. {problem.hint}".strip()) from None


def fakta(ctx: MacroContext, key: str) -> str:
    """En fakta som skrivs en gång i ledningssystem.yml (fakta:) eller i berättelsens riskskala.

    Exempel: {{ fakta("lex_sarah.frist_utredning") }}
    """
    table = fact_table(ctx.content)
    if key not in table:
        raise ctx.fail(f'faktan "{key}" finns inte.{closest(key, table)}')
    return str(escape(table[key]))


MACROS: dict[str, Callable[..., str]] = {
    "fakta": fakta,
    "process_landscape": process_landscape,
    "process_map": process_map,
    "raci": raci,
    "arshjul": arshjul,
    "figure": figure,
    "citat": citat,
    "role_responsibilities": role_responsibilities,
    "routine_list": routine_list,
}
