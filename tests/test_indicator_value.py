"""An indicator given as a bound or range: its utveckling only where it follows for certain."""

from __future__ import annotations

import pytest

from ledningssystem.report.figures import Figure
from ledningssystem.report.indicator_value import parse_bound


def _development(value: str, previous: float, direction: str = "högre_är_bättre") -> str | None:
    bound, unit = parse_bound(value, "%")
    figure = Figure("indikatorer.x", "x", None, unit, bound=bound, direction=direction)
    return Figure(**{**figure.__dict__, "previous": previous, "previous_year": 2022}).development


@pytest.mark.parametrize(
    ("value", "previous", "expected"),
    [
        ("över 90 %", 85, "förbättring"),  # above 90 is above 85 for certain
        ("över 90 %", 90, "förbättring"),  # "över" excludes 90 itself
        ("minst 90 %", 90, None),  # may be exactly 90: unchanged or better
        ("under 50 %", 60, "försämring"),
        ("högst 60 %", 60, None),
        ("65–80 %", 60, "förbättring"),
        ("65–80 %", 70, None),  # 70 lies inside the range: either way
        ("65 - 80 %", 85, "försämring"),
    ],
)
def test_a_bound_decides_utveckling_only_when_certain(
    value: str, previous: float, expected: str | None
) -> None:
    assert _development(value, previous) == expected


def test_lower_is_better_turns_the_certain_change_round() -> None:
    assert _development("över 90 %", 85, "lägre_är_bättre") == "försämring"


def test_a_bound_has_no_exact_change_and_keeps_its_written_decimals() -> None:
    bound, unit = parse_bound("Över 84,6 %", "")
    figure = Figure("indikatorer.x", "x", None, unit, bound=bound, previous=80)
    assert (figure.text(), figure.delta, figure.change()) == ("över 84,6\u00a0%", None, "")
    assert figure.to_json()["värde"] is None and figure.to_json()["nedre"] == 84.6
