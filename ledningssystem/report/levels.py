"""Levels of the organisation tree for the berättelse: roll an enhet up to its avdelning.

Large förvaltningar report per avdelning (verksamhetsområde), small ones per enhet.
Rows name the node they concern, at any level; a table at a chosen level sums
each row into that row's ancestor at the level (or the node itself when it sits
higher), so the sums roll up along nämnd → förvaltning → avdelning → enhet.
"""

from __future__ import annotations

from ledningssystem.core.model.organisation import Organisation

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

    def holds(self, node_id: str, unit_id: str) -> bool:
        """Whether `node_id` is an ancestor of `unit_id` (an avdelning of its enhet)."""
        current = unit_id
        while current in self.parent:
            current = self.parent[current]
            if current == node_id:
                return True
        return False

    def is_above(self, node_id: str, level: str) -> bool:
        """Whether the node sits higher than `level` (an avdelning in a table per enhet)."""
        found = self.level.get(node_id)
        return found is not None and LEVELS.index(found) < LEVELS.index(level)
