"""`check` (and every build, before any page renders) for the macros of docs/ pages.

A page with `render_macros: true` is a Jinja template to mkdocs-macros, which would run
anything in it (`{{ config }}`, `{% include "/etc/passwd" %}`, `{{ ''.__class__ }}`) and
answer a mistake with a traceback. Only calls of the portal's macros with literal arguments
are allowed; each is run once here, so a wrong id or figure stops `check` with file and line.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.reading import renders_macros, split_front_matter
from ledningssystem.core.urls import Linker, in_public_docs
from ledningssystem.website.macro_api import MACROS, MacroContext, MacroError, call_macro
from ledningssystem.website.macro_syntax import (
    RAW_HINT,
    TagFinder,
    blank_front_matter,
    syntax_errors,
)

# {{ fakta("key") }} is checked by core.load (check_facts) with the others: not reported twice.
_CHECKED_ELSEWHERE = {"fakta"}
_PARSER = jinja2.Environment()  # mkdocs-macros' delimiters; only parsed, never rendered


def macro_page_errors(
    root: Path, content: Ledningssystem, directory_urls: bool = True, public: bool = False
) -> list[ContentError]:
    """Every macro problem of the docs/ pages that run macros, each with file and line (of the
    public site's pages only for the public site; the handbook's and `check` see them all)."""
    docs = root / "docs"
    errors: list[ContentError] = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        if public and not in_public_docs(path.relative_to(docs).as_posix()):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the link check reports an unreadable page
        src = path.relative_to(docs).as_posix()
        if renders_macros(text):
            ctx = MacroContext(content, Linker(src, directory_urls, public), src)
            errors += page_errors(f"docs/{src}", text, ctx)
        else:
            errors += unrun_macro_errors(f"docs/{src}", text)
    return errors


_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).*?\1")
_MACRO_CALL = re.compile(r"\{\{-?\s*(" + "|".join(sorted(MACROS)) + r")\s*\(")


def unrun_macro_errors(file: str, text: str) -> list[ContentError]:
    """A portal macro on a page that does not run macros would show as `{{ figure(...) }}`.

    Macros in code (a fenced block or `code`) are examples, shown on purpose."""
    errors, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        found = None if fenced else _MACRO_CALL.search(_CODE_SPAN.sub("", line))
        if found:
            errors.append(
                ContentError(
                    file,
                    number,
                    "",
                    f"makrot {found.group(1)} körs inte på den här sidan och skulle synas som text",
                    "Skriv render_macros: true i sidans uppgifter överst (mellan raderna ---), "
                    "eller skriv makrot som kod (`{{ … }}`) om det ska synas som det är.",
                    quote=line.strip(),
                )
            )
    return errors


def page_errors(file: str, text: str, ctx: MacroContext | None) -> list[ContentError]:
    """The problems of one page's macros; without a context only the form is checked."""
    errors = _front_matter_errors(file, text)
    body = blank_front_matter(text)
    problems, parsed = syntax_errors(file, body)
    if parsed is None:
        return errors + problems
    finder = TagFinder(body)
    for node in _statements_and_outputs(parsed):
        errors += _node_errors(file, node, finder, ctx)
    return sorted(errors + problems, key=lambda e: e.line or 0)


def _front_matter_errors(file: str, text: str) -> list[ContentError]:
    split = split_front_matter(text)
    front = split[0] if split else ""
    return [
        ContentError(
            file,
            index + 2,
            "",
            "makron körs inte i sidans uppgifter överst (mellan raderna ---)",
            "Skriv makrot i sidans text under den andra raden ---, också i en rubrik "
            "(# Rubrik). En text som ska synas som den är skrivs utan {{ och {%.",
            quote=line.strip(),
        )
        for index, line in enumerate(front.splitlines())
        if "{{" in line or "{%" in line or "{#" in line
    ]


def _statements_and_outputs(template: nodes.Template) -> Iterator[nodes.Node]:
    for node in template.body:
        if isinstance(node, nodes.Output):
            yield from (n for n in node.nodes if not isinstance(n, nodes.TemplateData))
        else:
            yield node


def _node_errors(
    file: str, node: nodes.Node, finder: TagFinder, ctx: MacroContext | None
) -> list[ContentError]:
    line = node.lineno
    if isinstance(node, nodes.Stmt):  # macro_syntax blanks every {% … %}; this is a last guard
        message = "{% … %} är inte tillåtna på portalens sidor"
        return [ContentError(file, line, "", message, RAW_HINT, quote=finder.tag(line, "{%"))]
    shown = finder.tag(line, "{{", _name_of(node))
    problem = _call_problem(node, ctx)
    in_code = finder.in_code(line, shown)
    if problem is None and in_code:
        # A sample of a macro in `code` or a code block: mkdocs-macros runs it all the same.
        problem = ("makrot står i ett kodexempel men körs ändå", "")
    if problem is None:
        return []
    message, hint = problem
    if in_code and RAW_HINT not in hint:
        hint = f"{hint} {RAW_HINT}".strip()
    return [ContentError(file, line, "", message, hint, quote=shown)]


def _name_of(node: nodes.Node) -> str:
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        return node.node.name
    return node.name if isinstance(node, nodes.Name) else ""


def _call_problem(node: nodes.Node, ctx: MacroContext | None) -> tuple[str, str] | None:
    """(message, hint) for an expression that is not a good macro call, else None."""
    known = f"Makron som finns: {', '.join(sorted(MACROS))}."
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        name = _name_of(node)
        if name in MACROS:
            return f"makrot {name} saknar parenteser", f"Skriv {{{{ {name}() }}}}{_args(name)}."
        return ("bara portalens makron kan användas mellan {{ och }}", f"{known} {RAW_HINT}")
    name = node.node.name
    if name not in MACROS:
        return f'makrot "{name}" finns inte.{did_you_mean(name, MACROS)}', known
    literal = all(isinstance(a, nodes.Const) for a in [*node.args, *(k.value for k in node.kwargs)])
    if not literal or node.dyn_args or node.dyn_kwargs:
        return f"makrot {name} tar bara text och tal som argument", _example(name)
    args = [a.value for a in node.args]  # type: ignore[attr-defined]
    kwargs = {k.key: k.value.value for k in node.kwargs}  # type: ignore[attr-defined]
    wrong = _argument_problem(name, args, kwargs)
    if wrong:
        return wrong, _example(name)
    if ctx is None or (name in _CHECKED_ELSEWHERE and _one_text(args, kwargs)):
        return None
    try:
        call_macro(name, ctx, *args, **kwargs)
    except MacroError as error:
        return error.detail, ""
    except Exception as error:  # noqa: BLE001 - an author's value no macro expected
        return f"makrot {name} går inte att visa med de här argumenten ({error})", _example(name)
    return None


def _one_text(args: list[object], kwargs: dict[str, object]) -> bool:
    """fakta("key"), the form core.facts checks (and expands in rutiner and processes)."""
    return not kwargs and len(args) == 1 and isinstance(args[0], str)


def _argument_problem(name: str, args: list[object], kwargs: dict[str, object]) -> str:
    """What is wrong with the arguments of a call (in Swedish), or ''."""
    params = list(inspect.signature(MACROS[name]).parameters.values())[1:]  # after the context
    names = [p.name for p in params]
    for key in kwargs:
        if key not in names:
            return f'makrot {name} har ingen parameter "{key}".{did_you_mean(key, names)}'
    if len(args) > len(params):
        return f"makrot {name} tar högst {len(params)} argument men fick {len(args)}"
    given = set(names[: len(args)]) | set(kwargs)
    for param in params[: len(args)]:
        if param.name in kwargs:
            return f'makrot {name} får "{param.name}" två gånger'
    missing = [p.name for p in params if p.default is p.empty and p.name not in given]
    if missing:
        return f'makrot {name} saknar "{missing[0]}"'
    return ""


def _args(name: str) -> str:
    params = list(inspect.signature(MACROS[name]).parameters)[1:]
    return f" (med {', '.join(params)})" if params else ""


def _example(name: str) -> str:
    """The usage example of the macro's docstring: 'Exempel: {{ … }}'."""
    doc = " ".join((MACROS[name].__doc__ or "").split())
    return doc[doc.index("Exempel:") :] if "Exempel:" in doc else ""
