"""A distribution table (a figure per choice: slag, kategori, grad), its unknowns read once.

A row whose choice is not known (slag okänt) may belong to any choice, so each choice's
figure is a lower bound ("uppgift saknas för 1" in figure() and nyckeltal). In the table,
those items stand once, in the row "Uppgift saknas": a choice's cell is what is known of
it, with only its own unknown amounts (antal okänt). When nothing of any choice is known,
every choice reads "uppgift saknas", and no chart is drawn: its only bar would be the
unknown one. An unknown value never gets a bar, not even one of height 0.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import Figure
from ledningssystem.report.numbers import Tally
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL, UNKNOWN_TEXT


@dataclass(frozen=True)
class ChoiceRow:
    """One row: the choice, its figure, this year's cell and its bar (None: no bar)."""

    choice: str
    name: str
    figure: Figure
    cell: str
    bar: float | None


@dataclass(frozen=True)
class Distribution:
    rows: tuple[ChoiceRow, ...]

    @property
    def charted(self) -> bool:
        """A chart is drawn when a known choice has a bar, not for the unknown one alone."""
        return any(r.bar is not None for r in self.rows if r.choice != UNKNOWN_ID)


def distribution_of(
    figures: FigureSet,
    prefix: str,
    choices: Sequence[tuple[str, str]],
    scale: Collection[str] = (),
) -> Distribution:
    """The rows of figures `prefix.<choice>`, then `prefix.uppgift-saknas` when there is one.

    `scale`: choices shown as a bar even at 0 (the risk classes), as their table does.
    """
    found = [
        (choice, name, figure)
        for choice, name in (*choices, (UNKNOWN_ID, UNKNOWN_LABEL))
        if (figure := figures.get(f"{prefix}.{choice}")) is not None
    ]
    own = {choice: _own(figure) for choice, _, figure in found if choice != UNKNOWN_ID}
    nothing_known = bool(own) and not any(t.known or t.missing for t in own.values())
    spread = any(f.unknown_choice for c, _, f in found if c != UNKNOWN_ID)
    rows = []
    for choice, name, figure in found:
        if choice == UNKNOWN_ID:
            cell, bar = figure.cell(), figure.value or None
        elif nothing_known and spread:
            cell, bar = UNKNOWN_TEXT, None
        else:
            tally = own[choice]
            cell = tally.text()
            bar = float(tally.known) if tally.known or choice in scale else None
        rows.append(ChoiceRow(choice, name, figure, cell, bar))
    return Distribution(tuple(rows))


def _own(figure: Figure) -> Tally:
    """What is known of the choice itself: its items of unknown choice left to their row."""
    return Tally(int(figure.value or 0), figure.missing - figure.unknown_choice)
