"""egna_uppgifter in reports/config.yml read kind by kind.

A kind with an error (a missing name, a duplicate id, a word another figure already
counts) is left out with its one error on its own line; the other kinds and the rest
of the settings keep working, so nothing else is reported missing because of it (the
figures of a left-out kind are not reported one by one: see follows_from_lost_kind).
"""

from __future__ import annotations

from typing import Any

from ledningssystem.core.errors import field_label
from ledningssystem.core.reading import ContentReader
from ledningssystem.core.yaml_lines import LineMap
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.own_kinds import OWN_KEY, OwnKind


def own_entries(data: dict[str, Any]) -> tuple[dict[str, Any], list[Any], set[str]]:
    """The settings without egna_uppgifter, its entries, and every id they were given.

    Anything but a list stays in the settings, for ReportConfig to say what is wrong."""
    entries = data.get(OWN_KEY)
    if not isinstance(entries, list):
        return data, [], set()
    named = {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}
    return {k: v for k, v in data.items() if k != OWN_KEY}, entries, named


def read_own_kinds(
    reader: ContentReader, entries: list[Any], config: ReportConfig, file: str, lines: LineMap
) -> ReportConfig:
    """`config` with the kinds of `entries` that have no error; the errors go to `reader`."""
    kinds: list[OwnKind] = []
    taken = config.taken_words()
    for index, entry in enumerate(entries):
        kind = reader.validate(OwnKind, entry, file, lines, (OWN_KEY, index))
        if kind is None:
            continue
        first = next((i for i, k in enumerate(kinds) if k.id == kind.id), None)
        if first is not None:
            where = (OWN_KEY, index, "id")
            reader.add(
                file,
                lines.line(where),
                field_label(where),
                f'id "{kind.id}" finns redan (rad {lines.line((OWN_KEY, first, "id"))})',
                "Ge varje egen uppgift ett eget id.",
            )
            continue
        if _words_taken(reader, kind, taken, file, (lines, index)):
            continue
        taken |= {w.casefold(): f"{kind.id}.total" for w in kind.words}
        kinds.append(kind)
    return config.model_copy(update={"own": tuple(kinds)})


def _words_taken(
    reader: ContentReader,
    kind: OwnKind,
    taken: dict[str, str],
    file: str,
    at: tuple[LineMap, int],
) -> bool:
    """True, after an error, when a word of `kind` already counts another figure."""
    lines, index = at
    for number, word in enumerate(kind.words):
        other = taken.get(word.casefold())
        if other is not None:
            reader.add(
                file,
                lines.line((OWN_KEY, index, "ord", number)),
                field_label((OWN_KEY, index, "ord")),
                f'ordet "{word}" räknas redan av figuren {other}',
                "Ett tal före ett ord kan bara vara en figur; ta bort ordet ur den ena.",
            )
            return True
    return False
