"""Sum imported events into the rows of the berättelse's data files."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ledningssystem.report.importer.known import UNKNOWN
from ledningssystem.report.importer.mapping import ImportKind

# Fields that keep apart rows otherwise alike (same unit, kind and category).
DEVIATION_EXTRAS = ("allvarlighetsgrad", "risk_för_upprepning", "samverkan", "motpart")
COMPLAINT_EXTRAS = ("slag", "inlämnare", "fler_enheter")
# ja/nej per klagomål, summed per row into a count (okänt when a row of the group did not say).
COMPLAINT_PARTS = ("i_tid", "återkoppling")

# The columns of each data file, in the order the example files use. A column that no
# event has a value for is left out, so a plain export gives the plain file it always gave.
_CASE = ("hantering", "avsändare", "inkom", "utredning_påbörjad", "utredning_avslutad")
_IVO = ("anmäld_ivo", "anmäld_ivo_datum", "ivo_beslut")
HEADERS: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.DEVIATIONS: ("enhet", "typ", "kategori", "antal", "utredda", "avslutade")
    + DEVIATION_EXTRAS,
    ImportKind.COMPLAINTS: ("enhet", "fler_enheter", "från", "kategorier", "antal", "i_tid")
    + ("återkoppling", "slag", "inlämnare"),
    ImportKind.INCIDENTS: ("enhet", "antal", "anmälda_imy"),
    ImportKind.SARAH: ("id", "enhet", "rapporter", "kategori", *_CASE, "bedömning", *_IVO),
    ImportKind.MARIA: ("id", "enhet", "händelse", *_CASE, *_IVO),
    ImportKind.UNENFORCED: (
        "id",
        "enhet",
        "lagrum",
        "insats",
        "kön",
        "beslutsdatum",
        "orsak",
        "verkställt",
        "avslutat",
        "kvartal",
    ),
}
# Kinds whose rows are cases, one a row, never summed.
CASE_KINDS = {ImportKind.SARAH, ImportKind.MARIA, ImportKind.UNENFORCED}


def aggregate(kind: ImportKind, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per unit, kind/source and category, sorted; counts summed."""
    if kind is ImportKind.DEVIATIONS:
        rows = _deviations(events)
    elif kind is ImportKind.INCIDENTS:
        rows = _incidents(events)
    elif kind in CASE_KINDS:
        rows = [_case(event, HEADERS[kind]) for event in events]
    else:
        rows = _complaints(events)
    return _given_columns(rows, HEADERS[kind])


def _given_columns(rows: list[dict[str, Any]], header: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every row with the same columns: those some row has a value for, "" where it has none."""
    used = [h for h in header if any(row.get(h, "") not in ("", ()) for row in rows)]
    return [{h: row.get(h, "") for h in used} for row in rows]


# Rows that are no utredning of their own: IVO is not theirs to be told.
_NOT_INVESTIGATED = ("för-kännedom", "som-avvikelse")


def _case(event: dict[str, Any], header: tuple[str, ...]) -> dict[str, Any]:
    """One case in the export's order; anmäld_ivo as the export gives it (ja, nej or okänt)."""
    row = {h: event.get(h, "") for h in header}
    answer = event.get("anmäld_ivo", False)
    if event.get("anmäld_ivo_datum") or event.get("ivo_beslut"):
        row["anmäld_ivo"] = "ja"  # a date of anmälan or IVO's outcome: it was anmäld
    elif answer is None and event.get("hantering") not in _NOT_INVESTIGATED:
        row["anmäld_ivo"] = "okänt"  # an empty cell: whether it was anmäld is not known
    elif "anmäld_ivo" in event:
        row["anmäld_ivo"] = {True: "ja", False: "nej", None: ""}[answer]
    if row.get("rapporter") == 1:
        row["rapporter"] = ""  # one report is the default
    return row


def _incidents(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sums: dict[str, Counter[str]] = {}
    for event in events:
        count = event.get("antal", 1)
        total = sums.setdefault(str(event["enhet"]), Counter())
        total["antal"] += count
        total["anmälda_imy"] += count if event.get("anmäld_imy") else 0
        total["anmälda_imy okänt"] += "anmäld_imy" in event and event["anmäld_imy"] is None
    return [
        {"enhet": unit, "antal": total["antal"], "anmälda_imy": _known(total, "anmälda_imy")}
        for unit, total in sorted(sums.items())
    ]


def _deviations(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sums: dict[tuple[str, ...], Counter[str]] = {}
    for event in events:
        extras = tuple(str(event.get(name, "")) for name in DEVIATION_EXTRAS)
        key = (event["typ"], event["enhet"], event["kategori"], *extras)
        count = event.get("antal", 1)
        total = sums.setdefault(key, Counter())
        total["antal"] += count
        for part, field in (("utredda", "utredd"), ("avslutade", "avslutad")):
            total[part] += count if event[field] else 0
            total[f"{part} okänt"] += event[field] is None
    return [
        {
            "enhet": unit,
            "typ": kind,
            "kategori": category,
            **_whole(total),
            **dict(zip(DEVIATION_EXTRAS, extras, strict=True)),
        }
        for (kind, unit, category, *extras), total in sorted(sums.items())
    ]


def _complaints(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    given = [part for part in COMPLAINT_PARTS if any(part in e for e in events)]
    sums: dict[tuple[Any, ...], Counter[str]] = {}
    for event in events:
        extras = tuple(event.get(name, "") for name in COMPLAINT_EXTRAS)
        key = (event["enhet"], event["från"], event["kategorier"], *extras)
        count = event.get("antal", 1)
        total = sums.setdefault(key, Counter())
        total["antal"] += count
        for part in given:
            total[part] += count if event.get(part) else 0
            total[f"{part} okänt"] += part in event and event[part] is None
    rows = []
    for (unit, source, categories, *apart), total in sorted(sums.items()):
        row: dict[str, Any] = {"enhet": unit, "från": source, "kategorier": categories}
        row["antal"] = total["antal"]
        row |= {part: _known(total, part) for part in given}
        rows.append({**row, **dict(zip(COMPLAINT_EXTRAS, apart, strict=True))})
    return rows


def _whole(total: Counter[str]) -> dict[str, int | str]:
    return {
        "antal": total["antal"],
        "utredda": _known(total, "utredda"),
        "avslutade": _known(total, "avslutade"),
    }


def _known(total: Counter[str], part: str) -> int | str:
    """The sum, or okänt when a row of the group did not say (never a number too low)."""
    return UNKNOWN if total[f"{part} okänt"] else total[part]


def per_category(kind: ImportKind, events: list[dict[str, Any]]) -> dict[str, int]:
    """How many were counted per category ("sol › fall"; a klagomål may have several)."""
    counts: Counter[str] = Counter()
    for event in events:
        count = event.get("antal", 1)
        if kind is ImportKind.DEVIATIONS:
            counts[f"{event['typ']} › {event['kategori']}"] += count
        elif kind is ImportKind.INCIDENTS:
            counts[str(event["enhet"])] += count
        elif kind is ImportKind.SARAH:
            counts[str(event["kategori"])] += 1
        elif kind is ImportKind.UNENFORCED:
            counts[str(event["lagrum"])] += 1
        elif kind is ImportKind.MARIA:
            counts[str(event["enhet"])] += 1
        else:
            for category in event["kategorier"]:
                counts[category] += count
    return dict(sorted(counts.items()))
