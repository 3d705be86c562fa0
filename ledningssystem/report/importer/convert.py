"""Turn the rows of an export into events with our ids, using a mapping.

Every problem is collected (grouped by column and value, with the first row) and
raised together; a personnummer in any cell stops the import without echoing it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.messages import did_you_mean
from ledningssystem.report.importer.cells import (
    Problems,
    RowContext,
    count_cell,
    date_cell,
)
from ledningssystem.report.importer.cleaning import HTML_HINT, html_tag, looks_private
from ledningssystem.report.importer.conditions import condition_columns, row_cells
from ledningssystem.report.importer.dates import date_problem, read_date
from ledningssystem.report.importer.known import CHOICES, OPTIONAL_IDS, UNKNOWN, Known, spelled_id
from ledningssystem.report.importer.mapping import (
    COUNT_FIELDS,
    DATE_FIELDS,
    FIELDS,
    LIST_FIELDS,
    TEXT_FIELDS,
    YES_NO_FIELDS,
    ImportKind,
    Mapping,
)
from ledningssystem.report.importer.reading import Table
from ledningssystem.report.unknown import is_unknown

# Yes/no fields summed into a count that the data file may give as okänt.
UNKNOWN_YES_NO = {"utredd", "avslutad", "i_tid", "återkoppling", "anmäld_imy", "anmäld_ivo"}
# Yes/no fields whose empty cell is not registered (okänt), never a nej.
EMPTY_IS_UNKNOWN = {"anmäld_ivo", "återkoppling"}
_PRIVATE = (
    "cellen innehåller något som ser ut som ett personnummer eller samordningsnummer; "
    "inget har skrivits"
)
_PRIVATE_HINT = "Ta bort personuppgifterna ur exporten (eller hela kolumnen) och importera igen."


@dataclass
class Converted:
    """The events of an export (one dict per counted row) and why other rows were skipped."""

    events: list[dict[str, object]] = field(default_factory=list)
    skipped: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


def convert(table: Table, mapping: Mapping, known: Known, year: int) -> Converted:
    """The events of the export that belong to `year`; raises ContentErrors on any problem."""
    refuse_private_header(table)
    columns = column_indexes(table, mapping)
    problems = Problems(table.file)
    private = private_rows(table, problems)
    result = Converted()
    for number, cells in table.rows:
        if number in private:
            continue  # its values are not shown in any other message
        raw = {name: cells[i] for name, i in columns.items()}
        raw.update(mapping.fixed)
        reason = outside_year(raw.get("datum"), year, number, problems, mapping)
        if reason:
            result.skipped[reason].append(number)
            continue
        context = RowContext(number, row_cells(table.header, cells), problems)
        event, reason = _event(raw, mapping, known, context)
        if reason:
            result.skipped[reason].append(number)
        elif event is not None:
            result.events.append(event)
    if problems.first:
        raise ContentErrors(problems.errors())
    return result


def refuse_private_header(table: Table) -> None:
    """Stops at once when a column's name holds a personnummer (named by its position)."""
    problems = Problems(table.file)
    for index, name in enumerate(table.header):
        if looks_private(name):
            problems.add(table.header_row, f"kolumn {index + 1}", _PRIVATE, _PRIVATE_HINT)
    if problems.first:
        raise ContentErrors(problems.errors())


def private_rows(table: Table, problems: Problems) -> frozenset[int]:
    """The rows with a cell, used or not, that holds a personnummer; each one in `problems`."""
    rows = set()
    for number, cells in table.rows:
        for index, cell in enumerate(cells):
            if looks_private(cell):
                problems.add(number, table.header[index], _PRIVATE, _PRIVATE_HINT)
                rows.add(number)
    return frozenset(rows)


def column_indexes(table: Table, mapping: Mapping) -> dict[str, int]:
    """Field → index of its column; every missing column is an error on the header row."""
    index = {h.strip().casefold(): i for i, h in enumerate(table.header)}
    found, errors = {}, []
    for column in condition_columns(mapping.values):  # a condition reads a column too
        if column.strip().casefold() not in index:
            errors.append(
                ContentError(
                    table.file,
                    table.header_row,
                    column,
                    f'kolumnen "{column}" saknas (den används i ett villkor, om, under värden)',
                    f"Kolumnerna i filen: {', '.join(table.header)}.",
                )
            )
    for name, column in mapping.columns.items():
        if column.strip().casefold() in index:
            found[name] = index[column.strip().casefold()]
            continue
        errors.append(
            ContentError(
                table.file,
                table.header_row,
                column,
                f'kolumnen "{column}" ({name}) saknas',
                f"Kolumnerna i filen: {', '.join(table.header)}.",
            )
        )
    if errors and len(table.header) == 1:
        raise ContentErrors(
            [
                ContentError(
                    table.file,
                    table.header_row,
                    "",
                    "rubrikraden har bara en kolumn, så avgränsaren är troligen fel",
                    "Exporten ska ha semikolon, komma eller tabb mellan kolumnerna, "
                    f"t.ex. {';'.join(mapping.columns.values())}.",
                )
            ]
        )
    if errors:
        raise ContentErrors(errors)
    return found


def outside_year(
    value: str | None, year: int, row: int, problems: Problems, mapping: Mapping
) -> str:
    if value is None:
        return ""
    date = read_date(value)  # a month alone tells the year too
    if date is None:
        problems.add(row, mapping.columns.get("datum", "datum"), *date_problem(value, False))
        return ""
    return "" if date.year == year else f"datumet ligger inte i {year}"


def _event(
    raw: dict[str, str], mapping: Mapping, known: Known, context: RowContext
) -> tuple[dict[str, object] | None, str]:
    """One row as {field: value} with our ids, or a reason to skip it.

    A value with a problem is recorded in `problems`; convert() then raises, so an
    event holding such a value is never summed.
    """
    row, problems = context.number, context.problems
    event: dict[str, object] = {}
    for name in FIELDS[ImportKind(mapping.kind)]:
        if name not in raw or name == "datum":
            continue
        column = mapping.columns.get(name, name)
        if name == "fler_enheter" and not raw[name].strip():
            event[name] = ()  # the ärende concerns its enhet only
        elif name in LIST_FIELDS:
            parts = [p for p in raw[name].split(mapping.separator) if p.strip()] or [""]
            ids = [_resolve(name, p, column, mapping, known, event, context) for p in parts]
            if name == "kategorier" and all(i is None for i in ids):
                return None, _skip_reason(raw[name], column)
            found = {i for i in ids if isinstance(i, str)}
            if len(found) > 1:  # a known category says more than "okänt" beside it
                found.discard(UNKNOWN)
            event[name] = tuple(sorted(found))
        elif name in EMPTY_IS_UNKNOWN and not raw[name].strip() and not mapping.lookup(name, "")[0]:
            event[name] = None  # an empty cell is unknown, not a nej, unless the mapping says so
        elif name in YES_NO_FIELDS:
            event[name] = _yes_no(name, raw[name], column, mapping, context)
        elif name in TEXT_FIELDS:
            event[name] = _text(raw[name], column, context)
        elif name in DATE_FIELDS:
            event[name] = date_cell(raw[name], column, row, problems)
        elif name in {"bedömning", *OPTIONAL_IDS} and not raw[name].strip():
            event[name] = ""  # not given (no bedömning yet: the utredning is pågående)
        elif name in COUNT_FIELDS:
            event[name] = count_cell(raw[name], column, row, problems)
        else:
            value = _resolve(name, raw[name], column, mapping, known, event, context)
            if value is None:
                return None, _skip_reason(raw[name], column)
            event[name] = value
    return event, ""


def _text(value: str, column: str, context: RowContext) -> str:
    """Free text copied as it is, but never HTML pasted from a web form or Word."""
    if tag := html_tag(value):
        message = f'cellen innehåller HTML-kod ("{tag}")'
        context.problems.add(context.number, column, message, HTML_HINT)
    return value.strip()


def _skip_reason(value: str, column: str) -> str:
    return f'"{value}" i kolumnen "{column}" räknas inte enligt mappningen'


def _resolve(
    name: str,
    value: str,
    column: str,
    mapping: Mapping,
    known: Known,
    event: dict[str, object],
    context: RowContext,
) -> str | None | bool:
    """Our id for an export value, None to skip the row, False after an error."""
    row, problems = context.number, context.problems
    found, target = mapping.lookup(name, value, context.cells)
    ids = known.ids(name, event, ImportKind(mapping.kind)) or ()
    candidate = target if found else value.strip()
    if found and target is None:
        return None
    if found and target == "" and name in OPTIONAL_IDS:
        return ""  # "" in the mapping: the field is left out, the row still counts
    if UNKNOWN in ids and is_unknown(candidate):  # Okänt, ej registrerat as exports write them
        candidate = UNKNOWN
    elif name in CHOICES and candidate is not None:  # SoL, LSS, Kvinna as exports write them
        candidate = candidate.casefold()
    if not found and candidate is not None and candidate not in ids:
        candidate = spelled_id(name, candidate, ids) or candidate
    if candidate in ids:
        return candidate
    if not value.strip():
        problems.add(row, column, f"värdet saknas ({name})", _value_hint(name, "", ids))
    elif found:
        problems.add(
            row,
            column,
            f'mappningen ger "{candidate}", som inte är ett id för {name}',
            f"{did_you_mean(str(candidate), ids).strip()} Tillåtna: {', '.join(ids)}.".strip(),
        )
    else:
        problems.add(
            row,
            column,
            f'värdet "{value}" finns inte i mappningen ({name})',
            _value_hint(name, value, ids),
        )
    return False


def _value_hint(name: str, value: str, ids: tuple[str, ...]) -> str:
    example = ids[0] if ids else "id"
    empty = ', "" om fältet ska lämnas tomt' if name in OPTIONAL_IDS else ""
    return (
        f'Lägg till det under värden › {name} i mappningen, t.ex. "{value}": {example}{empty}, '
        f"eller ~ om raden inte ska räknas. Tillåtna id: {', '.join(ids)}."
    )


def _yes_no(
    name: str, value: str, column: str, mapping: Mapping, context: RowContext
) -> bool | None:
    """ja/nej as a bool; None for an explicit unknown where the data file can say okänt."""
    row, problems = context.number, context.problems
    found, target = mapping.lookup(name, value, context.cells)
    answer = (target or "nej") if found else (value.strip().casefold() or "nej")
    if answer in {"ja", "nej"}:
        return answer == "ja"
    if is_unknown(answer) and name in UNKNOWN_YES_NO:
        return None  # summed as okänt, never as a nej
    allowed = "ja, nej eller okänt" if name in UNKNOWN_YES_NO else "ja eller nej"
    problems.add(
        row,
        column,
        f'värdet "{value}" ska vara {allowed} ({name})',
        f'Lägg till det under värden › {name} i mappningen, t.ex. "{value}": ja.',
    )
    return False
