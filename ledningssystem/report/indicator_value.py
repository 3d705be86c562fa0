"""An indicator value as reports print it: a bound ("över 90 %") or a range ("65–80 %").

A bound or a range is not a value: the figure's `värde` stays None and the bound is kept
beside it, so no exact number is ever invented. A change follows from a bound only when the
intervals do not overlap (see `Bound.compare`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic_core import PydanticCustomError

from ledningssystem.report.numbers import swedish

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_BOUND = re.compile(rf"^(över|under|minst|högst)\s+{_NUMBER}\s*(%?)$")
# Word writes an en dash (65–80), authors a hyphen with or without spaces (65 - 80).
_RANGE = re.compile(rf"^(?:från\s+)?{_NUMBER}\s*(?:[-–—]|till)\s*{_NUMBER}\s*(%?)$")
_CHANGE = re.compile(rf"^([+\-−–])\s*{_NUMBER}\s*(%|procentenheter)?$")

SHAPES = (
    "ett tal (90), en gräns (över 90 %, under 5, minst 3, högst 10) eller ett intervall (65–80 %)"
)


@dataclass(frozen=True)
class Bound:
    """A value known only as lying above, below or between numbers."""

    lower: float | None
    upper: float | None
    lower_open: bool = False  # "över": the lower number itself is excluded
    upper_open: bool = False  # "under"
    word: str = ""  # över, under, minst, högst; "" for a range
    places: int = 0  # decimals as written: "över 84,6" must never print as "över 85"

    def text(self, decimals: int, unit: str) -> str:
        suffix = f"\u00a0{unit}" if unit else ""
        decimals = max(decimals, self.places)
        if self.word:
            number = self.lower if self.lower is not None else self.upper
            return f"{self.word} {swedish(number or 0, decimals)}{suffix}"
        return f"{swedish(self.lower or 0, decimals)}–{swedish(self.upper or 0, decimals)}{suffix}"

    def compare(self, previous: float) -> int | None:
        """+1 if the bound lies certainly above `previous`, −1 below, None if undecidable."""
        if self.lower is not None and (
            self.lower > previous or (self.lower == previous and self.lower_open)
        ):
            return 1
        if self.upper is not None and (
            self.upper < previous or (self.upper == previous and self.upper_open)
        ):
            return -1
        return None

    def reaches(self, target: float, higher_is_better: bool) -> bool | None:
        """Whether the target is met for certain (True/False), or None if it may go either way."""
        low, high = self.lower, self.upper
        if higher_is_better:
            if low is not None and low >= target:
                return True
            if high is not None and (high < target or (high == target and self.upper_open)):
                return False
            return None
        if high is not None and high <= target:
            return True
        if low is not None and (low > target or (low == target and self.lower_open)):
            return False
        return None


@dataclass(frozen=True)
class StatedChange:
    """A change the source prints without the earlier value: "+28 %"."""

    amount: float
    unit: str  # "%" (relative), "procentenheter", or ""
    source: str = ""  # where the source prints it (förändring_källa)

    def text(self) -> str:
        sign = "+" if self.amount > 0 else "−" if self.amount < 0 else ""
        number = swedish(abs(self.amount), 1 if not self.amount.is_integer() else 0)
        return f"{sign}{number}\u00a0{self.unit}" if self.unit else f"{sign}{number}"


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _places(text: str) -> int:
    return len(re.split(r"[.,]", text)[1]) if re.search(r"[.,]", text) else 0


def _spaced(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split()).casefold()


def parse_bound(value: str, unit: str) -> tuple[Bound, str]:
    """The bound or range written in `value`, and its unit ("%" when written so)."""
    text = _spaced(value)
    if found := _BOUND.match(text):
        word, number, percent = found.groups()
        _check_unit(value, percent, unit)
        limit = _number(number)
        from_below = word in ("över", "minst")
        bound = Bound(
            limit if from_below else None,
            None if from_below else limit,
            lower_open=word == "över",
            upper_open=word == "under",
            word=word,
            places=_places(number),
        )
        return bound, percent or unit
    if found := _RANGE.match(text):
        low_text, high_text, percent = found.groups()
        _check_unit(value, percent, unit)
        low, high = _number(low_text), _number(high_text)
        if low >= high:
            raise PydanticCustomError(
                "sv_range_order",
                f'intervallet "{value}" måste börja med det lägre talet: skriv t.ex. '
                f'"{_swap(low_text, high_text, percent)}"'
                + (" (eller ett tal när gränserna är lika)" if low == high else ""),
                {"field": "värde"},
            )
        return Bound(low, high, places=max(_places(low_text), _places(high_text))), percent or unit
    raise PydanticCustomError(
        "sv_value_shape",
        f'värdet "{value}" går inte att läsa: skriv {SHAPES}, eller okänt',
        {"field": "värde"},
    )


def _swap(low: str, high: str, percent: str) -> str:
    return f"{high}–{low}" + (f" {percent}" if percent else "")


def _check_unit(value: str, percent: str, unit: str) -> None:
    """A per-cent indicator's bound carries its %: "över 90" could be a count."""
    if unit == "%" and not percent:
        raise PydanticCustomError(
            "sv_bound_unit",
            f'värdet "{value}" saknar %: indikatorns enhet är %, skriv t.ex. "{value.strip()} %"',
            {"field": "värde"},
        )
    if percent and unit not in ("", "%"):
        raise PydanticCustomError(
            "sv_bound_unit",
            f'värdet "{value}" anges i %, men indikatorns enhet är {unit}: ta bort % eller '
            'skriv enhet: "%"',
            {"field": "värde"},
        )


def parse_change(value: object) -> StatedChange:
    """A stated change: "+28 %", "−2 procentenheter", "+3"."""
    found = _CHANGE.match(_spaced(str(value))) if isinstance(value, str) else None
    if found is None:
        raise PydanticCustomError(
            "sv_change_shape",
            f'förändringen "{value}" går inte att läsa: skriv den med tecken och enhet, t.ex. '
            '"+28 %", "−2 procentenheter" eller "+3"',
        )
    sign, number, unit = found.groups()
    amount = _number(number) * (1 if sign == "+" else -1)
    return StatedChange(amount, unit or "")


def certain_step(
    bound: Bound | None, stated: StatedChange | None, previous: float | None, delta: float | None
) -> int | None:
    """The sign of the change where it follows for certain: +1, −1, 0, or None."""
    if delta is not None:
        return (delta > 0) - (delta < 0)
    if bound is not None and previous is not None:
        return bound.compare(previous)
    if stated is not None and previous is None:
        return (stated.amount > 0) - (stated.amount < 0)
    return None


def given_json(
    bound: Bound | None, stated: StatedChange | None, periods: tuple[tuple[str, float | None], ...]
) -> dict[str, object]:
    """Open-data fields of an indicator written as a bound, a stated change or measurements."""
    data: dict[str, object] = {}
    if bound is not None:
        data |= {
            "nedre": _whole(bound.lower),
            "övre": _whole(bound.upper),
            "gräns": bound.word or "intervall",
            "nedre_ingår": bound.lower is not None and not bound.lower_open,
            "övre_ingår": bound.upper is not None and not bound.upper_open,
        }
    if stated is not None:
        data["förändring_angiven"] = {
            "värde": _whole(stated.amount),
            "enhet": stated.unit,
            "källa": stated.source or None,
        }
    if periods:
        data["mätningar"] = [{"period": label, "värde": _whole(v)} for label, v in periods]
    return data


def _whole(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value
