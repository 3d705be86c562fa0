"""The flat registry of computed figures, by dotted name ("avvikelser.sol.total").

Tables, the summary, the figure() macro, narrative text and the open-data export
all read figures from here, so text and tables cannot disagree. Names are stable:
they are the public interface for later years, exports and PR summaries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ledningssystem.report.indicator_value import Bound, StatedChange, certain_step, given_json
from ledningssystem.report.numbers import Tally, rounded, share, swedish
from ledningssystem.report.unknown import UNKNOWN_TEXT

PERCENT = "%"
SMALL_BASE = 10  # below this, a change reads "från 1 till 2", never "+100 %"
DIRECTIONS = ("högre_är_bättre", "lägre_är_bättre", "neutral")


@dataclass(frozen=True)
class Figure:
    """One computed figure with its previous-year value.

    `value` None means "uppgift saknas": the data says it is not known, so no number
    is printed. `missing` counts the items whose value for this figure is unknown.
    """

    name: str
    label: str
    value: float | None
    unit: str = ""
    decimals: int = 0
    previous: float | None = None
    previous_year: int | None = None
    missing: int = 0
    small_base: int = SMALL_BASE
    direction: str | None = None  # indicators: one of DIRECTIONS
    measured_year: int | None = None  # indicators measured another year than the report's
    preliminary: bool = False  # a draft year with data missing or not complete
    unknown_choice: int = 0  # of `missing`, items of unknown choice (Tally.unknown_choice)
    above: int = 0  # of `missing`, items registered higher up without this level (Tally.above)
    base: int | None = None  # a share's whole (its denominator), for the small-number rule
    previous_base: int | None = None
    source: str = ""  # given in report.yml (kända_summor), not counted from rows
    bound: Bound | None = None  # indicators: "över 90 %", "65–80 %" (value stays None)
    stated: StatedChange | None = None  # indicators: a change printed without the earlier value
    periods: tuple[tuple[str, float | None], ...] = ()  # measurements within the year, in order

    @property
    def delta(self) -> float | None:
        # A sum with unknown parts is a lower bound: its change would be a false figure.
        if self.previous is None or self.value is None or self.missing:
            return None
        return rounded(self.value - self.previous, self.decimals)

    @property
    def small(self) -> bool:
        """A count (or a share's whole) too small for a percentage to mean anything."""
        if self.unit == PERCENT:
            bases = (self.base, self.previous_base)
            return any(b is not None and b < self.small_base for b in bases)
        return (
            self.unit != PERCENT and self.previous is not None and self.previous < self.small_base
        )

    @property
    def delta_percent(self) -> float | None:
        """Relative change in whole per cent; None without a previous value, or below the base."""
        if not self.previous or self.value is None or self.small:
            return None
        return rounded(100 * (self.value - self.previous) / self.previous, 0)

    @property
    def development(self) -> str | None:
        """förbättring, försämring or oförändrad by the direction; None without a comparison."""
        step = certain_step(self.bound, self.stated, self.previous, self.delta)
        if self.direction is None or step is None:
            return None
        if step == 0:
            return "oförändrad"
        if self.direction == "neutral":
            return None  # a change is neither better nor worse
        better = (step > 0) == (self.direction == "högre_är_bättre")
        return "förbättring" if better else "försämring"

    def text(self) -> str:
        """The value as shown: "85", "87,5 %", "3,2 dagar", or "uppgift saknas"."""
        if self.value is None:
            return self.bound.text(self.decimals, self.unit) if self.bound else UNKNOWN_TEXT
        number = swedish(self.value, self.decimals)
        return f"{number}\u00a0{self.unit}" if self.unit else number

    def missing_text(self) -> str:
        """ "uppgift saknas för 4", "2 utan angiven enhet", or "" when everything is known."""
        unknown = self.missing - self.above
        parts = [f"uppgift saknas för {swedish(unknown)}"] if unknown else []
        if self.above:  # known to be the avdelning's, not which enhet's
            parts.append(f"{swedish(self.above)} utan angiven {self._level_word()}")
        return ", ".join(parts)

    def _level_word(self) -> str:
        return "avdelning" if ".avdelning." in self.name else "enhet"

    def cell(self) -> str:
        """The value for a table cell, with its unknowns: "6 (uppgift saknas för 4)"."""
        if self.source:
            return f"{self.text()} (uppgift ur {self.source})"
        if not self.missing:
            return self.text()
        if self.value is None:  # a share of an unknown is no number: "uppgift saknas"
            return UNKNOWN_TEXT if self.unit == PERCENT else self.missing_text()
        least = "minst " if self.above else ""  # a lower bound said as one
        return f"{least}{self.text()} ({self.missing_text()})"

    def previous_text(self) -> str:
        if self.previous is None:
            return "–"
        number = swedish(self.previous, self.decimals)
        return f"{number}\u00a0{self.unit}" if self.unit else number

    def change(self) -> str:
        """The change: "+12 %", "−2,5 procentenheter", "från 1 till 2", or "" without one."""
        if self.previous is None or self.delta is None:
            return self.stated.text() if self.stated and self.previous is None else ""
        if self.unit == PERCENT:
            if self.delta == 0:
                return "oförändrat"
            if self.small:  # 1 of 3 against 2 of 4: procentenheter would overstate it
                return f"från {self.previous_text()} till {self.text()}"
            return f"{_signed(self.delta, self.decimals)}\u00a0procentenheter"
        if self.delta == 0:
            return "oförändrat"
        if self.small:
            return f"från {self.previous_text()} till {self.text()}"
        if self.delta_percent is None:
            return _signed(self.delta, self.decimals) + (f"\u00a0{self.unit}" if self.unit else "")
        return f"{_signed(self.delta_percent, 0)}\u00a0%"

    def change_text(self) -> str:
        """ "+12 % jämfört med 2023", or "" when there is nothing to compare with."""
        change = self.change()
        if not change:
            return ""
        mark = " (preliminärt)" if self.preliminary else ""
        then = f"mätåret {self.previous_year}" if self.measured_year else str(self.previous_year)
        if self.periods or self.previous is None:  # within the year, or a stated change
            then = self.periods[-2][0] if self.periods else "föregående mätning"
        return f"{change} jämfört med {then}{mark}"

    def summary(self) -> str:
        """ "85 SoL-avvikelser, +12 % jämfört med 2023" or "Andel …: 87,5 %, …"."""
        # Labels are plural ("SoL-avvikelser"); "1 SoL-avvikelser" would read wrong.
        if self.unit or self.value is None or self.value == 1:
            base = f"{self.label[0].upper()}{self.label[1:]}: {self.text()}"
        else:
            base = f"{self.text()} {self.label}"
        if self.measured_year:
            base += f" (mätår {self.measured_year})"
        given = f"enligt {self.source}" if self.source else ""
        extras = [t for t in (given, self.missing_text(), self.change_text()) if t]
        return ", ".join([base, *extras])

    def to_json(self) -> dict[str, object]:
        given: dict[str, object] = {"källa": self.source} if self.source else {}
        return (
            {
                "namn": self.name,
                "beskrivning": self.label,
                "värde": _plain(self.value),
                "enhet": self.unit,
                "uppgift_saknas": self.missing,
                "föregående_år": self.previous_year if self.previous is not None else None,
                "föregående_värde": _plain(self.previous),
                "förändring": _plain(self.delta),
                "förändring_procent": _plain(self.delta_percent) if self.unit != PERCENT else None,
                "riktning": self.direction,
                "utveckling": self.development,
                "mätår": self.measured_year,
            }
            | given
            | ({"utan_angiven_nivå": self.above, "nedre_gräns": True} if self.above else {})
            | given_json(self.bound, self.stated, self.periods)
        )


def _plain(value: float | None) -> float | int | None:
    """Whole numbers as JSON integers (41, not 41.0)."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _signed(value: float, decimals: int) -> str:
    text = swedish(abs(value), decimals)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else text


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

    def add_share(self, name: str, label: str, part: int, whole: int, missing: int) -> None:
        """part/whole in per cent; "uppgift saknas" when `missing` items make it unknown."""
        value = None if missing else share(part, whole)
        if value is not None or missing:
            self.figures[name] = Figure(
                name,
                label,
                value,
                PERCENT,
                1,
                missing=missing,
                small_base=self.small_base,
                base=whole,
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

    def text(self, name: str) -> str:
        """The figure's text, or "0" when no row gave it (a sum over nothing)."""
        found = self.figures.get(name)
        return found.text() if found else "0"

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
                    figure, previous=before.value, previous_year=then, previous_base=before.base
                )
        return self
