"""Sum imported events into the rows of the berättelse's data files."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ledningssystem.report.importer.mapping import ImportKind

# The columns of each data file, in the order the example files use.
HEADERS: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.DEVIATIONS: ("enhet", "typ", "kategori", "antal", "utredda", "avslutade"),
    ImportKind.COMPLAINTS: ("enhet", "från", "kategorier", "antal", "i_tid"),
    ImportKind.INCIDENTS: ("enhet", "antal", "anmälda_imy"),
    ImportKind.SARAH: (
        "id",
        "enhet",
        "kategori",
        "inkom",
        "utredning_avslutad",
        "bedömning",
        "anmäld_ivo",
    ),
    ImportKind.MARIA: ("id", "enhet", "händelse", "inkom", "utredning_avslutad", "anmäld_ivo"),
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
        return _deviations(events)
    if kind is ImportKind.INCIDENTS:
        return _incidents(events)
    if kind in CASE_KINDS:
        return _cases(events, HEADERS[kind])
    return _complaints(events)


def _cases(events: list[dict[str, Any]], header: tuple[str, ...]) -> list[dict[str, Any]]:
    """One row per case, in the export's order; yes/no as ja/nej, a missing value empty."""
    rows = []
    for event in events:
        row = {h: event.get(h, "") for h in header}
        if "anmäld_ivo" in header:
            row["anmäld_ivo"] = "ja" if event.get("anmäld_ivo") else "nej"
        rows.append(row)
    return rows


def _incidents(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sums: dict[str, Counter[str]] = {}
    for event in events:
        count = event.get("antal", 1)
        total = sums.setdefault(str(event["enhet"]), Counter())
        total["antal"] += count
        total["anmälda_imy"] += count if event.get("anmäld_imy") else 0
    return [
        {"enhet": unit, "antal": total["antal"], "anmälda_imy": total["anmälda_imy"]}
        for unit, total in sorted(sums.items())
    ]


def _deviations(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sums: dict[tuple[str, str, str], Counter[str]] = {}
    for event in events:
        key = (event["typ"], event["enhet"], event["kategori"])
        count = event.get("antal", 1)
        total = sums.setdefault(key, Counter())
        total["antal"] += count
        total["utredda"] += count if event["utredd"] else 0
        total["avslutade"] += count if event["avslutad"] else 0
    return [
        {"enhet": unit, "typ": kind, "kategori": category, **_whole(total)}
        for (kind, unit, category), total in sorted(sums.items())
    ]


def _complaints(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with_time = any("i_tid" in e for e in events)
    sums: dict[tuple[str, str, tuple[str, ...]], Counter[str]] = {}
    for event in events:
        key = (event["enhet"], event["från"], event["kategorier"])
        count = event.get("antal", 1)
        total = sums.setdefault(key, Counter())
        total["antal"] += count
        total["i_tid"] += count if event.get("i_tid") else 0
    rows = []
    for (unit, source, categories), total in sorted(sums.items()):
        row: dict[str, Any] = {"enhet": unit, "från": source, "kategorier": categories}
        row["antal"] = total["antal"]
        if with_time:
            row["i_tid"] = total["i_tid"]
        rows.append(row)
    return rows


def _whole(total: Counter[str]) -> dict[str, int]:
    return {"antal": total["antal"], "utredda": total["utredda"], "avslutade": total["avslutade"]}


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
