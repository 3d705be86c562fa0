"""The flat registry of computed figures, by dotted name ("avvikelser.sol.total").

One figure and how it reads (the set of a year is `figure_set.FigureSet`).
Tables, the summary, the figure() macro, narrative text and the open-data export
all read figures from here, so text and tables cannot disagree. Names are stable:
they are the public interface for later years, exports and PR summaries.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.report.indicator_value import Bound, StatedChange, certain_step, given_json
from ledningssystem.report.numbers import rounded, swedish
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
    part: int | None = None  # a share's part (its numerator): "2 av 3" below the base
    previous_part: int | None = None
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
        """The value as shown: "85", "87,5 %", "2 av 3", "över 90 %", or "uppgift saknas"."""
        if self.value is None and self.bound:
            return self.bound.text(self.decimals, self.unit)
        return self._shown(self.value, self.part, self.base)

    def _shown(self, value: float | None, part: int | None, base: int | None) -> str:
        if value is None:
            return UNKNOWN_TEXT
        shown, counts = self._number(value), self._counts_note(part, base)
        return f"{shown} ({counts})" if counts else shown

    def _number(self, value: float) -> str:
        number = swedish(value, self.decimals)
        return f"{number}\u00a0{self.unit}" if self.unit else number

    def _counts_note(self, part: int | None, base: int | None) -> str:
        # 2 of 3 as a bare "66,7 %" would claim a precision it lacks: say what it is of.
        return _counts(part, base) if _few(self, part, base) else ""

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
        if (
            self.source and self.value is not None
        ):  # one parenthesis: "50,0 % (3 av 6, uppgift ur …)"
            counts = self._counts_note(self.part, self.base)
            note = f"{counts}, " if counts else ""
            return f"{self._number(self.value)} ({note}uppgift ur {self.source})"
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
        return self._shown(self.previous, self.previous_part, self.previous_base)

    def change(self) -> str:
        """The change: "+12 %", "−2,5 procentenheter", "från 1 till 2", or "" without one."""
        if self.previous is None or self.delta is None:
            return self.stated.text() if self.stated and self.previous is None else ""
        if self.unit == PERCENT:
            if self.delta == 0:
                return "oförändrat"
            if self.small:  # 1 av 3 against 2 av 4: procentenheter would overstate it
                return f"från {self._before()} till {self._now()}"
            return f"{_signed(self.delta, self.decimals)}\u00a0procentenheter"
        if self.delta == 0:
            return "oförändrat"
        if self.small:
            return f"från {self.previous_text()} till {self.text()}"
        if self.delta_percent is None:
            return _signed(self.delta, self.decimals) + (f"\u00a0{self.unit}" if self.unit else "")
        return f"{_signed(self.delta_percent, 0)}\u00a0%"

    def _now(self) -> str:
        """The value in a from/to change: "2 av 3" where the counts are known."""
        if self.part is None or self.base is None:
            return self.text()
        return _counts(self.part, self.base)

    def _before(self) -> str:
        if self.previous_part is None or self.previous_base is None:
            return self.previous_text()
        return _counts(self.previous_part, self.previous_base)

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
            | self._base_json()
        )

    def _base_json(self) -> dict[str, object]:
        """A share's part and whole, so open data can apply the small-number rule too."""
        if self.unit != PERCENT or self.base is None or self.value is None:
            return {}
        return {"del": self.part, "bas": self.base}


def _few(figure: Figure, part: int | None, base: int | None) -> bool:
    """A share whose whole is below the small-number base, with its part known."""
    return (
        figure.unit == PERCENT
        and part is not None
        and base is not None
        and base < figure.small_base
    )


def _counts(part: int | None, base: int | None) -> str:
    return f"{swedish(part or 0)} av {swedish(base or 0)}"


def _plain(value: float | None) -> float | int | None:
    """Whole numbers as JSON integers (41, not 41.0)."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _signed(value: float, decimals: int) -> str:
    text = swedish(abs(value), decimals)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else text
