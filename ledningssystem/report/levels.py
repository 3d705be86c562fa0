"""Levels of the organisation tree for the berättelse: roll an enhet up to its avdelning.

Large förvaltningar report per avdelning (verksamhetsområde), small ones per enhet.
Rows name the node they concern, at any level; a table at a chosen level sums
each row into that row's ancestor at the level (or the node itself when it sits
higher), so the sums roll up along nämnd → förvaltning → avdelning → enhet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ledningssystem.core.model.organisation import Organisation
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.figures import FigureSet

LEVELS = ("nämnd", "förvaltning", "avdelning", "enhet")
LEVEL_HEADINGS = {
    "nämnd": "Nämnd",
    "förvaltning": "Förvaltning",
    "avdelning": "Avdelning",
    "enhet": "Enhet",
}


class OrgTree:
    """Each node's level and parent, from roles/organisation.yml."""

    def __init__(self, organisation: Organisation):
        self.level: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        board, administration = organisation.board.id, organisation.administration.id
        self.level[board] = "nämnd"
        self.level[administration] = "förvaltning"
        self.parent[administration] = board
        for division in organisation.divisions:
            self.level[division.id] = "avdelning"
            self.parent[division.id] = administration
            for unit in division.units:
                self.level[unit.id] = "enhet"
                self.parent[unit.id] = division.id

    def at_level(self, node_id: str, level: str) -> str:
        """The node's ancestor at `level`, or the node itself if it is at or above it."""
        depth = LEVELS.index(level)
        current = node_id
        while current in self.level and LEVELS.index(self.level[current]) > depth:
            current = self.parent[current]
        return current

    def level_of(self, node_id: str) -> str | None:
        return self.level.get(node_id)


def division_figures(
    figures: FigureSet,
    data: YearData,
    config: ReportConfig,
    tree: OrgTree,
    names: Mapping[str, str],
) -> None:
    """Each event kind summed per avdelning: enheter roll up into their avdelning."""
    groups: list[tuple[str, str, Sequence[Any], str]] = []
    if data.complaints is not None:
        groups.append(("klagomal", "klagomål", data.complaints, "count"))
    for kind in config.deviations:
        mine = [r for r in data.deviations or () if r.kind == kind.id]
        if mine:
            groups.append((f"avvikelser.{kind.id}", kind.label, mine, "count"))
    if data.sarah is not None:
        groups.append(("lex-sarah", "lex Sarah-utredningar", data.sarah, ""))
    if data.maria is not None:
        groups.append(("lex-maria", "lex Maria-utredningar", data.maria, ""))
    if data.incidents is not None:
        groups.append(
            ("personuppgiftsincidenter", "personuppgiftsincidenter", data.incidents, "count")
        )
    if data.unenforced is not None:
        groups.append(("ej-verkstallda-beslut", "ej verkställda beslut", data.unenforced, ""))
    for prefix, label, rows, amount in groups:
        per_division = count_at_level(rows, tree, "avdelning", amount)
        unknown = _unknown_at_level(rows, tree, "avdelning", amount)
        for node, count in sorted(per_division.items()):
            if tree.level_of(node) == "avdelning":
                name, text = f"{prefix}.avdelning.{node}", f"{label} – {names.get(node, node)}"
                if unknown[node]:  # rows whose antal is okänt: a lower bound, counted apart
                    figures.add_partly_known(name, text, count, unknown[node])
                else:
                    figures.add(name, text, count)


def count_at_level(rows: Sequence[Any], tree: OrgTree, level: str, amount: str) -> Counter[str]:
    """Rows summed per node at `level` (a row with several units counts once per node)."""
    counter: Counter[str] = Counter()
    for row in rows:
        units = getattr(row, "units", (row.unit,))
        for node in dict.fromkeys(tree.at_level(u, level) for u in units):
            counter[node] += (getattr(row, amount) or 0) if amount else 1  # okänt: see below
    return counter


def _unknown_at_level(rows: Sequence[Any], tree: OrgTree, level: str, amount: str) -> Counter[str]:
    """Rows per node whose amount is unknown (antal: okänt), so they are told apart."""
    counter: Counter[str] = Counter()
    for row in rows:
        if amount and getattr(row, amount) is None:
            for unit in dict.fromkeys(getattr(row, "units", (row.unit,))):
                counter[tree.at_level(unit, level)] += 1
    return counter
