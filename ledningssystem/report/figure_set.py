"""The figures of one year, by dotted name ("avvikelser.sol.total"), and how they are added."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ledningssystem.report.figures import PERCENT, SMALL_BASE, Figure
from ledningssystem.report.numbers import Tally, share


@dataclass
class FigureSet:
    """The figures of one year, by name, in the order they were added."""

    year: int
    figures: dict[str, Figure] = field(default_factory=dict)
    small_base: int = SMALL_BASE

    def add(self, name: str, label: str, value: float | None, unit: str = "", decimals: int = 0):  # noqa: ANN201
        """A figure; a None value (nothing to compute, e.g. a share of zero) adds none."""
        if value is None:
            return
        self.figures[name] = Figure(name, label, value, unit, decimals, small_base=self.small_base)

    def add_partly_known(  # noqa: ANN201
        self,
        name: str,
        label: str,
        value: float | None,
        missing: int,
        unit: str = "",
        unknown_choice: int = 0,
        above: int = 0,
    ):
        """A figure some of whose items are unknown; value None prints "uppgift saknas"."""
        decimals = 1 if unit == PERCENT else 0
        self.figures[name] = Figure(
            name,
            label,
            value,
            unit,
            decimals,
            missing=missing,
            small_base=self.small_base,
            unknown_choice=unknown_choice,
            above=above,
        )

    def add_share(  # noqa: PLR0913 (part, whole and what is unknown of them)
        self,
        name: str,
        label: str,
        part: int,
        whole: int,
        missing: int,
        always: bool = False,
    ) -> None:
        """part/whole in per cent, with both kept for the small-number rule ("2 av 3").

        "uppgift saknas" when `missing` items make it unknown; a share of nothing adds
        no figure, unless `always` (then it reads "uppgift saknas")."""
        value = None if missing else share(part, whole)
        if value is None and not missing and not always:
            return
        known = value is not None
        self.figures[name] = Figure(
            name,
            label,
            value,
            PERCENT,
            1,
            missing=missing,
            small_base=self.small_base,
            base=whole if known else None,
            part=part if known else None,
        )

    def add_tally(self, name: str, label: str, tally: Tally) -> None:
        """A sum as a figure; with unknown amounts a lower bound counted apart, never a zero."""
        if tally.missing:
            self.add_partly_known(
                name,
                label,
                tally.value,
                tally.missing,
                unknown_choice=tally.unknown_choice,
                above=tally.above,
            )
        else:
            self.add(name, label, tally.known)

    def __contains__(self, name: object) -> bool:
        return name in self.figures

    def __getitem__(self, name: str) -> Figure:
        return self.figures[name]

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures.values())

    def get(self, name: str) -> Figure | None:
        return self.figures.get(name)

    def value(self, name: str, default: float = 0) -> float | None:
        found = self.figures.get(name)
        return found.value if found else default

    def with_previous(self, previous: FigureSet | None) -> FigureSet:
        """This year's figures, each with last year's value of the same name."""
        if previous is None:
            return self
        for name, figure in self.figures.items():
            before = previous.get(name)
            # A lower bound (some of it unknown) is no base for a change either.
            known = before is not None and before.value is not None and not before.missing
            if not known or before is None or figure.previous is not None:
                continue
            # Measured another year (mätår): compare measurements, each named by its year.
            then, now = before.measured_year or previous.year, figure.measured_year or self.year
            if then < now:
                self.figures[name] = replace(
                    figure,
                    previous=before.value,
                    previous_year=then,
                    previous_base=before.base,
                    previous_part=before.part,
                )
        return self
