"""Turn pydantic validation errors into Swedish messages a process owner understands."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ledningssystem.core.errors import ContentError, field_label
from ledningssystem.core.model.base import SLUG_PATTERN
from ledningssystem.core.slug import slugify
from ledningssystem.core.yaml_lines import LineMap


def did_you_mean_named(word: str, names: Mapping[str, str], n: int = 3) -> str:
    """' Menade du "genomfora" – Utföra insatsen?': the closest ids (by id or name), or ''."""
    word = str(word)
    lowered = {name.casefold(): key for key, name in names.items()}
    found = [key for key in names if key == word.lower() or key == slugify(word)]
    found += difflib.get_close_matches(word.lower(), list(names), n=n, cutoff=0.6)
    found += [lowered[m] for m in difflib.get_close_matches(word.casefold(), list(lowered), n=n)]
    unique = list(dict.fromkeys(found))[:n]
    if not unique:
        return ""
    return " Menade du " + " eller ".join(_id_and_name(key, names[key]) for key in unique) + "?"


def _id_and_name(key: str, name: str) -> str:
    # "kvalitetschef" – Kvalitetschef says nothing new: the name only when it adds something.
    return f'"{key}"' if slugify(name) == key else f'"{key}" – {name}'


# Word and Outlook turn typed quotes into typographic ones; a macro needs straight quotes.
WORD_QUOTES = "”“„’‘´"
_STRAIGHT = str.maketrans({"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "´": "'"})


def straight_quotes(text: str) -> str:
    """`text` with Word's typographic quotes made straight: figure(”a”) → figure("a")."""
    return text.translate(_STRAIGHT)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' Menade du "x"?' for the closest candidate, or ''."""
    match = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f' Menade du "{match[0]}"?' if match else ""


def translate(
    exc: ValidationError,
    file: str,
    lines: LineMap,
    model: type[BaseModel],
    prefix: Sequence[str | int] = (),
) -> list[ContentError]:
    """One ContentError per pydantic error, with the line of the offending value."""
    errors = exc.errors()
    return [
        _translate_one(err, file, lines, model, tuple(prefix))
        for err in errors
        if not _short_only_by_its_faulty_items(err, errors)
    ]


def _short_only_by_its_faulty_items(err: ErrorDetails, errors: list[ErrorDetails]) -> bool:
    """pydantic reports a list as too short when its faulty items are left out ("steg: måste
    ha minst 1 värde(n)" beside an error in step 1); the author wrote enough items."""
    if err["type"] != "too_short" or not isinstance(err.get("input"), list | tuple):
        return False
    loc = tuple(err["loc"])
    items_failed = any(
        len(e["loc"]) > len(loc) and tuple(e["loc"][: len(loc)]) == loc for e in errors
    )
    return items_failed and len(err["input"]) >= (err.get("ctx") or {}).get("min_length", 1)


def _translate_one(
    err: ErrorDetails,
    file: str,
    lines: LineMap,
    model: type[BaseModel],
    prefix: tuple[str | int, ...],
) -> ContentError:
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    field_loc = loc + ((ctx["field"],) if "field" in ctx else ())
    line = lines.line(prefix + field_loc)
    field = field_label(prefix + field_loc)
    message, hint = _message(err, model, loc)
    return ContentError(file, line, field, message, hint)


def _message(err: ErrorDetails, model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    kind = err["type"]
    value = err.get("input")
    if kind.startswith("sv_"):
        return err["msg"], ""  # our own PydanticCustomError, already in Swedish
    family = kind.split("_", 1)[0] if kind.startswith(("date", "datetime")) else kind
    handler = _HANDLERS.get(family)
    if handler is not None:
        return handler(_Problem(value, err.get("ctx") or {}, model, loc))
    fixed = _FIXED.get(kind)
    if fixed is not None:
        return fixed[0].format(value=value), fixed[1]
    return f"ogiltigt värde: {err['msg']}", ""


@dataclass(frozen=True)
class _Problem:
    value: Any
    ctx: Mapping[str, Any]
    model: type[BaseModel]
    loc: tuple[Any, ...]


def _missing(p: _Problem) -> tuple[str, str]:
    return "fältet saknas", f"Lägg till det. {_field_description(p.model, p.loc)}".strip()


def _extra(p: _Problem) -> tuple[str, str]:
    allowed = _allowed_keys(p.model, p.loc[:-1])
    suggestion = did_you_mean(str(p.loc[-1]), allowed)
    return "okänt fält", suggestion.strip() or f"Tillåtna fält: {', '.join(sorted(allowed))}."


def _choice(p: _Problem) -> tuple[str, str]:
    expected = _enum_values(p.model, p.loc)
    hint = did_you_mean(str(p.value), expected) + f" Tillåtna värden: {', '.join(expected)}."
    return f'ogiltigt värde "{p.value}"', hint.strip()


def _pattern(p: _Problem) -> tuple[str, str]:
    return _pattern_message(str(p.value), p.ctx.get("pattern", ""))


def _date(p: _Problem) -> tuple[str, str]:
    return f'ogiltigt datum "{p.value}"', "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01."


def _bound(p: _Problem) -> tuple[str, str]:
    bound = " och ".join(f"{k.replace('_', ' ')} {v}" for k, v in p.ctx.items())
    return f"värdet {p.value} ligger utanför det tillåtna", f"Villkor: {_bound_sv(bound)}."


def _too_short(p: _Problem) -> tuple[str, str]:
    return f"måste ha minst {p.ctx.get('min_length', 1)} värde(n)", ""


_HANDLERS: dict[str, Callable[[_Problem], tuple[str, str]]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "enum": _choice,
    "literal_error": _choice,
    "string_pattern_mismatch": _pattern,
    "date": _date,
    "datetime": _date,
    **dict.fromkeys(("greater_than_equal", "less_than_equal", "greater_than", "less_than"), _bound),
    "too_short": _too_short,
}
# Kinds whose message needs at most the value: (message, hint).
_FIXED: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ("int_parsing", "int_type", "int_from_float"),
        ('"{value}" är inte ett heltal', "Skriv ett heltal, t.ex. 3."),
    ),
    "string_type": ("ska vara text", 'Skriv en text, gärna inom citattecken: "…".'),
    "string_too_short": ("får inte vara tomt", "Skriv en text."),
    **dict.fromkeys(
        ("tuple_type", "list_type", "set_type"),
        ("ska vara en lista", 'Skriv [a, b] eller ett värde per rad som börjar med "- ".'),
    ),
    **dict.fromkeys(
        ("dict_type", "model_type", "model_attributes_type"),
        ("ska vara en samling fält (namn: värde)", "Kontrollera indraget."),
    ),
    **dict.fromkeys(
        ("bool_type", "bool_parsing"), ('"{value}" är inte ja eller nej', "Skriv ja eller nej.")
    ),
    **dict.fromkeys(
        ("float_parsing", "float_type", "decimal_parsing"),
        ('"{value}" är inte ett tal', "Skriv ett tal, med decimalkomma om det behövs, t.ex. 4,5."),
    ),
}


def _bound_sv(text: str) -> str:
    return (
        text.replace("greater than equal", "minst")
        .replace("less than equal", "högst")
        .replace("greater than", "större än")
        .replace("less than", "mindre än")
        .replace("ge ", "minst ")
        .replace("le ", "högst ")
        .replace("gt ", "större än ")
        .replace("lt ", "mindre än ")
    )


def _pattern_message(value: str, pattern: str) -> tuple[str, str]:
    if pattern == SLUG_PATTERN:
        # A capital letter, å/ä/ö or a Word dash: the id it was most likely meant to be.
        suggestion = slugify(value)
        meant = f'Menade du "{suggestion}"? ' if suggestion and suggestion != value else ""
        return (
            f'ogiltigt id "{value}"',
            f"{meant}Använd bara små bokstäver a–z utan å/ä/ö, siffror och bindestreck, "
            't.ex. "barn-och-unga".',
        )
    if "\\d+(\\.\\d+)" in pattern:
        return f'ogiltigt versionsnummer "{value}"', "Skriv t.ex. 1.0 eller 2.3."
    if pattern.startswith("^@"):
        return f'ogiltig Git-användare "{value}"', "Skriv den med @ först, t.ex. @anna-sas."
    if "(0[1-9]|1[0-2])-" in pattern:
        return f'ogiltigt datum "{value}"', "Skriv månad och dag som MM-DD, t.ex. 03-01."
    return f'ogiltigt värde "{value}"', ""


def _walk(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The annotation reached by following `loc` (aliases and indexes) from `model`."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            continue
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return None
        current = field.annotation
    return current


def _unwrap(annotation: Any) -> Any:
    """The model or enum inside Optional[...], tuple[...], list[...], dict[..., X]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in {tuple, list, set, typing.Union, types.UnionType, dict}:
        args = [a for a in typing.get_args(annotation) if a is not type(None) and a is not Ellipsis]
        return _unwrap(args[-1]) if args else annotation
    return annotation


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    target = _unwrap(_walk(model, loc))
    if isinstance(target, type) and issubclass(target, BaseModel):
        return [f.alias or n for n, f in target.model_fields.items()]
    return []


def _enum_values(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    target = _unwrap(_walk(model, loc))
    try:
        return [str(member.value) for member in target]
    except TypeError:
        return []


def _field_description(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    parent = _unwrap(_walk(model, loc[:-1]))
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        for name, field in parent.model_fields.items():
            if (field.alias or name) == loc[-1]:
                return field.description or ""
    return ""
