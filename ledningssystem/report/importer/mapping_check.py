"""A mapping's field names against its kind's fields: every problem at once, each on its line."""

from __future__ import annotations

from difflib import get_close_matches

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.yaml_lines import LineMap
from ledningssystem.report.importer.mapping import Mapping


def check_fields(
    mapping: Mapping, fields: dict[str, bool], kind: str, file: str, lines: LineMap
) -> None:
    """Every field the mapping names is one of `fields`, and every required one is given;
    each error on the line of the name (`lines`: the mapping file's)."""
    named = [
        (key, name)
        for key, given in (
            ("kolumner", mapping.columns),
            ("fasta_värden", mapping.fixed),
            ("värden", mapping.values),
        )
        for name in given
    ]
    errors = [
        _not_a_field(file, lines, key, name, kind, fields)
        for key, name in named
        if name not in fields
    ]
    # A misspelt field ("instanz") is its one error: the field it meant is not also missing.
    meant = {m for _, name in named for m in get_close_matches(name, list(fields), n=1)}
    given = {**mapping.columns, **mapping.fixed}
    missing = [f for f, need in fields.items() if need and f not in given and f not in meant]
    if missing:
        errors.append(
            ContentError(
                file,
                lines.line(("kolumner",)),
                "kolumner",
                f"ange kolumn eller fast värde för {', '.join(missing)}",
                f"Skriv kolumnens namn i exporten under kolumner (t.ex. {missing[0]}: "
                f"{missing[0].capitalize()}) eller ett värde för alla rader under fasta_värden.",
            )
        )
    if errors:
        raise ContentErrors(errors)


def _not_a_field(
    file: str, lines: LineMap, key: str, name: str, kind: str, fields: dict[str, bool]
) -> ContentError:
    return ContentError(
        file,
        lines.line((key, name)),
        key,
        f'"{name}" är inget fält för {kind}',
        f"{did_you_mean(name, fields).strip()} Fälten är {', '.join(fields)}.".strip(),
    )
