"""{{ figure(…) }}, {{ citat(…) }} and {{ fakta(…) }} in narrative Markdown: a tiny, strict
substitution.

Only these calls, with literal arguments, are allowed between {{ and }}; anything else, or a
figure or fact that does not exist, is a ContentError pointing at the file and line. The calls
are parsed as Python expressions (never evaluated), which is also what Jinja accepts on
docs/ pages: figure_call.py gives both the same meaning.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import WORD_QUOTES, did_you_mean, straight_quotes
from ledningssystem.report.data import Narrative
from ledningssystem.report.figure_call import (
    FIGURE_EXAMPLE,
    CallProblem,
    figure_text,
    quote_text,
)
from ledningssystem.report.figure_set import FigureSet

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
CALLS = ("figure", "citat", "fakta")
FACT_EXAMPLE = '{{ fakta("lex_sarah.frist_utredning") }}'
QUOTES_MESSAGE = "citattecken från Word (” eller ’) fungerar inte i makron"

__all__ = ["PLACEHOLDER", "resolve_figures"]


def resolve_figures(
    narrative: Narrative,
    figures: Mapping[int, FigureSet],
    year: int,
    facts: Mapping[str, str] | None = None,
) -> tuple[str, list[ContentError]]:
    """The narrative with every call replaced (figures of `year` unless the call names one,
    facts from `facts`), and a ContentError per bad call."""
    errors: list[ContentError] = []

    def replace(match: re.Match[str]) -> str:
        line = narrative.text.count("\n", 0, match.start()) + 1
        try:
            return _call(match.group(1), figures, year, facts or {})
        except CallProblem as problem:
            # A fact is not a figure: its error names no field, as on the other pages.
            field = "" if match.group(1).strip().startswith("fakta") else "figure"
            errors.append(ContentError(narrative.file, line, field, problem.message, problem.hint))
            return match.group(0)

    resolved = PLACEHOLDER.sub(replace, narrative.text)
    unclosed = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), narrative.text).find("{{")
    if unclosed >= 0:
        errors.append(
            ContentError(
                narrative.file,
                narrative.text.count("\n", 0, unclosed) + 1,
                "figure",
                "{{ utan avslutande }}",
                f"Skriv makrot helt, t.ex. {FIGURE_EXAMPLE}.",
            )
        )
    return resolved, errors


def _call(
    source: str, figures: Mapping[int, FigureSet], year: int, facts: Mapping[str, str]
) -> str:
    name, args, kwargs = _parse_call(source)
    try:
        if name == "citat":
            return quote_text(*args, **kwargs)
        if name == "fakta":
            return _fact_text(facts, *args, **kwargs)
        return figure_text(figures, year, *args, **kwargs)
    except TypeError:  # wrong number or names of arguments
        raise CallProblem(f"fel argument i {_shown(source)}", _usage(name)) from None


def _parse_call(source: str) -> tuple[str, list[Any], dict[str, Any]]:
    """(macro name, positional and keyword literals) of `figure(...)`/`citat(...)`."""
    unknown = CallProblem(f"okänt makro {_shown(source)}", _usage(None))
    try:
        tree = ast.parse(source.strip(), mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError):  # also null bytes, deep nesting
        if any(q in source for q in WORD_QUOTES):
            fixed = _shown(straight_quotes(source))
            raise CallProblem(QUOTES_MESSAGE, f"Skriv raka citattecken: {fixed}.") from None
        raise unknown from None
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name)):
        raise unknown
    if tree.func.id not in CALLS:
        near = did_you_mean(tree.func.id, CALLS)
        raise CallProblem(f"okänt makro {_shown(source)}.{near}", _usage(None)) if near else unknown
    try:
        args = [ast.literal_eval(a) for a in tree.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in tree.keywords if k.arg}
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        raise CallProblem(
            f"{tree.func.id}() tar bara text och tal som argument", _usage(tree.func.id)
        ) from None
    if len(kwargs) != len(tree.keywords):
        raise unknown
    return tree.func.id, args, kwargs


def _fact_text(facts: Mapping[str, str], key: str) -> str:
    if not isinstance(key, str) or key not in facts:
        hint = did_you_mean(str(key), facts).strip()
        raise CallProblem(
            f'faktan "{key}" finns inte',
            f"{hint} Fakta skrivs under fakta: i ledningssystem.yml.".strip(),
        )
    return str(escape(facts[key]))


def _shown(source: str) -> str:
    """The call as the author wrote it, braces included: {{ antal_anstallda }}."""
    return "{{" + source + "}}"


def _usage(name: str | None) -> str:
    if name == "citat":
        return 'Skriv t.ex. {{ citat("34 synpunkter", källa="Patientnämndens årsrapport") }}.'
    if name == "fakta":
        return f"Skriv t.ex. {FACT_EXAMPLE}."
    if name == "figure":
        return (
            'Skriv t.ex. {{ figure("klagomal.total") }} eller '
            '{{ figure("klagomal.total", year=2024) }}.'
        )
    return (
        "Bara figurer, citat och fakta kan användas i texten, t.ex. "
        '{{ figure("avvikelser.sol.total") }}, {{ citat("…", källa="…") }} eller '
        f"{FACT_EXAMPLE}."
    )
