"""A unit's lower bound looks only at the rows that may stand above it (issue 15, city scale).

Each unit's tally once walked every row of the table and each row's chain of ancestors: with
a city's hundreds of enheter, one load of the berättelse took more than ten minutes. Counted,
not timed (speed is the bench's): the tree is asked about the few rows above the enhet level.
"""

from __future__ import annotations

from typing import Any

import pytest

from ledningssystem.core.model.organisation import Organisation
from ledningssystem.report.breakdown import UnitBreakdown
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.pivots import build_pivot

UNITS = 300


def _tree() -> OrgTree:
    units = [{"id": f"enhet-{i}", "namn": f"Enhet {i}"} for i in range(UNITS)]
    halves = (units[: UNITS // 2], units[UNITS // 2 :])
    organisation = Organisation.model_validate(
        {
            "kommun": "Kommun",
            "nämnd": {"id": "namnd", "namn": "Nämnd"},
            "förvaltning": {"id": "forv", "namn": "Förvaltning"},
            "avdelningar": [
                {"id": f"avd-{n}", "namn": f"Avdelning {n}", "enheter": part}
                for n, part in enumerate(halves)
            ],
        }
    )
    return OrgTree(organisation)


def test_every_units_tally_asks_the_tree_only_about_rows_above_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tree = _tree()
    rows = [f"enhet-{i}" for i in range(UNITS)] + ["avd-0", "avd-0"]
    pivot = build_pivot(rows, lambda r: (r,), lambda r: [("antal", 1)], None)
    breakdown = UnitBreakdown(pivot, tree=tree, level="enhet")
    asked = []
    holds = OrgTree.holds

    def counted(self: OrgTree, node_id: str, unit_id: str) -> Any:
        asked.append(node_id)
        return holds(self, node_id, unit_id)

    monkeypatch.setattr(OrgTree, "holds", counted)
    tallies = {f"enhet-{i}": breakdown.tally(f"enhet-{i}") for i in range(UNITS)}
    assert set(asked) == {"avd-0"}  # never an enhet's own row
    assert len(asked) == UNITS
    # The two rows on avd-0 make its 150 enheter "minst 1" and leave avd-1's exact.
    assert tallies["enhet-0"].above == 2
    assert tallies["enhet-149"].above == 2
    assert tallies["enhet-150"].above == 0
    assert tallies["enhet-0"].known == 1
