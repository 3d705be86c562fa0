"""Levels of the organisation tree for the berättelse: roll an enhet up to its avdelning.

Large förvaltningar report per avdelning (verksamhetsområde), small ones per enhet.
Rows name the node they concern, at any level; a table at a chosen level sums
each row into that row's ancestor at the level (or the node itself when it sits
higher), so the sums roll up along nämnd → förvaltning → avdelning → enhet.
"""

from __future__ import annotations

from collections.abc import Iterable

from ledningssystem.core.model.organisation import Organisation
from ledningssystem.report.unit_groups import UnitGroup

LEVELS = ("nämnd", "förvaltning", "avdelning", "enhet")
LEVEL_HEADINGS = {
    "nämnd": "Nämnd",
    "förvaltning": "Förvaltning",
    "avdelning": "Avdelning",
    "enhet": "Enhet",
}


class OrgTree:
    """Each node's level and parent, from roles/organisation.yml, and the year's enhetsgrupper.

    A group sits at the enhet level: in a table per enhet its members' rows are its row."""

    def __init__(self, organisation: Organisation, groups: Iterable[UnitGroup] = ()):
        self.level: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.members: dict[str, tuple[str, ...]] = {g.id: g.members for g in groups}
        self.group_of = {m: group for group, ms in self.members.items() for m in ms}
        self.group_names = {g.id: g.name for g in groups}
        self._ancestors: dict[str, frozenset[str]] = {}
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
        """The node's ancestor at `level`, or the node itself if it is at or above it.

        Per enhet a member stands for its group; above, a group's own rows go to the one
        node its members share at `level`, and stay the group's when they span several."""
        if level == "enhet":
            return self.group_of.get(node_id, node_id)
        if node_id in self.members:
            shared = {self._up(m, level) for m in self.members[node_id]}
            return shared.pop() if len(shared) == 1 else node_id
        return self._up(node_id, level)

    def _up(self, node_id: str, level: str) -> str:
        depth = LEVELS.index(level)
        current = node_id
        while current in self.level and LEVELS.index(self.level[current]) > depth:
            current = self.parent[current]
        return current

    def level_of(self, node_id: str) -> str | None:
        return "enhet" if node_id in self.members else self.level.get(node_id)

    def is_group(self, node_id: str) -> bool:
        return node_id in self.members

    def holds(self, node_id: str, unit_id: str) -> bool:
        """Whether `node_id` is an ancestor of `unit_id` (an avdelning of its enhet, or of
        a member of the group `unit_id`)."""
        return node_id in self.ancestors(unit_id)

    def ancestors(self, unit_id: str) -> frozenset[str]:
        """Every node above `unit_id` (of a group: above any of its members), kept: a city's
        figures ask for each unit's ancestors once per figure."""
        found = self._ancestors.get(unit_id)
        if found is None:
            found = frozenset(
                a for m in self.members.get(unit_id, (unit_id,)) for a in self._chain(m)
            )
            self._ancestors[unit_id] = found
        return found

    def _chain(self, node_id: str) -> Iterable[str]:
        current = node_id
        while current in self.parent:
            current = self.parent[current]
            yield current

    def is_above(self, node_id: str, level: str) -> bool:
        """Whether the node sits higher than `level` (an avdelning in a table per enhet)."""
        found = self.level.get(node_id)
        return found is not None and LEVELS.index(found) < LEVELS.index(level)

    def spans(self, node_id: str, unit_id: str) -> bool:
        """Whether `node_id` is a group with a member under `unit_id` (an avdelning): in a
        table per avdelning a group's own rows that span avdelningar may be any of theirs."""
        return node_id in self.members and unit_id in self.ancestors(node_id)
