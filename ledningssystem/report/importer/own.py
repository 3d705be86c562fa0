"""Import an export into an own counted kind (egna_uppgifter), e.g. domar.

The kind's fields come from reports/config.yml: enhet, each categorical column (its
values, or okänt), each summed column, från_föregående_år when the kind has carried rows,
antal and datum. Rows alike in every field are summed, as for the built-in kinds.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.yaml_lines import LineMap
from ledningssystem.report.importer.cells import Problems, RowContext, count_cell
from ledningssystem.report.importer.conditions import row_cells
from ledningssystem.report.importer.convert import (
    Converted,
    column_indexes,
    outside_year,
    private_rows,
    refuse_private_header,
)
from ledningssystem.report.importer.known import UNKNOWN, Known
from ledningssystem.report.importer.mapping import Mapping
from ledningssystem.report.importer.mapping_check import check_fields
from ledningssystem.report.importer.reading import Table
from ledningssystem.report.own_kinds import CARRIED, ROWS_KEY, OwnKind
from ledningssystem.report.unknown import is_unknown


def own_fields(kind: OwnKind) -> dict[str, bool]:
    """Field → required, in the order of the data file's columns."""
    fields = {"enhet": True, **{c.id: True for c in kind.columns}}
    fields |= {s.id: False for s in kind.sums}
    if kind.carried:
        fields[CARRIED] = False
    return fields | {"antal": False, "datum": False}


def check_mapping(mapping: Mapping, kind: OwnKind, file: str, lines: LineMap) -> None:
    """Every field the mapping names is one of the kind's, and every required one is given."""
    check_fields(mapping, own_fields(kind), kind.id, file, lines)


def convert_own(
    table: Table, mapping: Mapping, kind: OwnKind, known: Known, year: int
) -> Converted:
    """The export's rows of `year` as events; raises ContentErrors with every problem."""
    refuse_private_header(table)
    columns = column_indexes(table, mapping)
    problems = Problems(table.file)
    private = private_rows(table, problems)
    result = Converted()
    for number, cells in table.rows:
        if number in private:
            continue  # its values are not shown in any other message
        raw = {name: cells[i] for name, i in columns.items()} | mapping.fixed
        reason = outside_year(raw.get("datum"), year, number, problems, mapping)
        if not reason:
            context = RowContext(number, row_cells(table.header, cells), problems)
            event, reason = _event(raw, mapping, kind, known, context)
            if event is not None and not reason:
                result.events.append(event)
        if reason:
            result.skipped[reason].append(number)
    if problems.first:
        raise ContentErrors(problems.errors())
    return result


def _event(
    raw: dict[str, str], mapping: Mapping, kind: OwnKind, known: Known, context: RowContext
) -> tuple[dict[str, Any] | None, str]:
    event: dict[str, Any] = {}
    choices = {
        "enhet": tuple(sorted(known.units)),
        **{c.id: tuple(v.id for v in c.values) for c in kind.columns},
    }
    for name, value in raw.items():
        column = mapping.columns.get(name, name)
        if name in choices:
            found, target = mapping.lookup(name, value, context.cells)
            if found and target is None:
                return None, f'"{value}" i kolumnen "{column}" räknas inte enligt mappningen'
            event[name] = _choice(
                name, (target or "") if found else value, choices[name], column, context
            )
        elif name == CARRIED:
            found, target = mapping.lookup(name, value, context.cells)
            event[name] = _yes_no((target or "") if found else value, column, context)
        elif name == "antal":
            event[name] = (
                UNKNOWN
                if is_unknown(value)
                else count_cell(value, column, context.number, context.problems)
            )
        elif name != "datum":
            event[name] = _amount(value, column, context)
    return event, ""


def _choice(name: str, value: str, ids: tuple[str, ...], column: str, context: RowContext) -> str:
    candidate = value.strip()
    if is_unknown(candidate) or (not candidate and name != "enhet"):
        return UNKNOWN  # an empty category is not registered: okänt, never a guess
    if candidate in ids:
        return candidate
    hint = f"{did_you_mean(candidate, ids).strip()} Tillåtna: {', '.join(ids)}, okänt.".strip()
    what = f'värdet "{value}" finns inte ({name})' if candidate else f"värdet saknas ({name})"
    context.problems.add(
        context.number, column, what, f"{hint} Lägg till det under värden › {name} i mappningen."
    )
    return candidate


def _yes_no(value: str, column: str, context: RowContext) -> str:
    answer = value.strip().casefold() or "nej"
    if answer in {"ja", "nej"}:
        return answer
    if is_unknown(answer):
        return UNKNOWN
    context.problems.add(
        context.number, column, f'värdet "{value}" ska vara ja, nej eller okänt ({CARRIED})'
    )
    return answer


def _amount(value: str, column: str, context: RowContext) -> int | str:
    """A summed amount, e.g. belopp; an empty cell is okänt (not registered), never 0."""
    text = value.replace("\u00a0", "").replace(" ", "")
    if not text or is_unknown(value):
        return UNKNOWN
    if text.isdigit():
        return int(text)
    context.problems.add(context.number, column, f'"{value}" är inget heltal', "Skriv t.ex. 45000.")
    return UNKNOWN


def aggregate_own(kind: OwnKind, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows alike in every field (and in which amounts are known) summed, sorted."""
    header = [f for f in own_fields(kind) if f not in {"antal", "datum"}]
    sums = [s.id for s in kind.sums]
    totals: dict[tuple[Any, ...], Counter[str]] = {}
    for event in events:
        known_sums = tuple(event.get(s, UNKNOWN) != UNKNOWN for s in sums)
        key = (
            *(str(event.get(f, "nej" if f == CARRIED else "")) for f in header if f not in sums),
            *known_sums,
        )
        total = totals.setdefault(key, Counter())
        total["antal okänt"] += event.get("antal", 1) == UNKNOWN
        total["antal"] += 0 if event.get("antal", 1) == UNKNOWN else event.get("antal", 1)
        for s in sums:
            total[s] += event[s] if isinstance(event.get(s), int) else 0
    keys = [f for f in header if f not in sums]
    rows = []
    for key, total in sorted(totals.items()):
        row: dict[str, Any] = dict(zip(keys, key[: len(keys)], strict=True))
        for s, known_sum in zip(sums, key[len(keys) :], strict=True):
            row[s] = total[s] if known_sum else UNKNOWN
        row["antal"] = UNKNOWN if total["antal okänt"] else total["antal"]
        rows.append({f: row[f] for f in (*header, "antal")})
    return rows


def own_text(kind: OwnKind, rows: list[dict[str, Any]], suffix: str, note: list[str]) -> str:
    """The data file: semicolon CSV, or YAML under rader: with the import note."""
    header = [f for f in own_fields(kind) if f != "datum"]
    if suffix == ".yml":
        lines = [*note, f"{ROWS_KEY}:" if rows else f"{ROWS_KEY}: []"]
        lines += ["  - {" + ", ".join(f"{h}: {row[h]}" for h in header) + "}" for row in rows]
        return "\n".join(lines) + "\n"
    lines = [";".join(header), *(";".join(str(row[h]) for h in header) for row in rows)]
    return "\n".join(lines) + "\n"


def own_per_category(kind: OwnKind, events: list[dict[str, Any]]) -> dict[str, int]:
    """How many were counted per value of the kind's first column (per enhet without one)."""
    field = kind.columns[0].id if kind.columns else "enhet"
    counts: Counter[str] = Counter()
    for event in events:
        amount = event.get("antal", 1)
        counts[str(event[field])] += amount if isinstance(amount, int) else 0
    return dict(sorted(counts.items()))
