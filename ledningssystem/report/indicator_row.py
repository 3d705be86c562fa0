"""An indicator row: a measure with value (or numerator and denominator), target and direction."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ModelWrapValidatorHandler,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.fields import Decimal, YesNo, whole_number
from ledningssystem.report.indicator_value import (
    Bound,
    StatedChange,
    parse_bound,
    parse_change,
)
from ledningssystem.report.unknown import MaybeCount, is_unknown, none_if_unknown, unknown_or

Direction = Literal["högre_är_bättre", "lägre_är_bättre", "neutral"]

_VALUE_SCHEMA = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "examples": ["över 90 %", "under 5", "minst 3", "högst 10", "65–80 %"]},
    ]
}


class Measurement(ContentModel):
    """One of several measurements within the year, e.g. april and september."""

    period: Text = sv("period", "När mätningen gjordes, t.ex. april.")
    value: Annotated[
        Decimal | None, BeforeValidator(none_if_unknown), unknown_or({"type": "number"})
    ] = sv("värde", "Mätningens värde, eller okänt.")


class IndicatorRow(ContentModel):
    """One measure: its value (or numerator and denominator), target, direction and history."""

    id: Slug = sv("id", "Indikatorns id, samma alla år, t.ex. kkik-kontinuitet-hemtjanst.")
    name: Text = sv("namn", "Vad som mäts.")
    source: Slug = sv("källa", "Källa (indikatorer › källor i config.yml).")
    unit: str = sv("enhet", "Måttenhet, t.ex. %, antal, dagar.", default="")
    value: Annotated[
        Decimal | None, BeforeValidator(none_if_unknown), unknown_or(_VALUE_SCHEMA)
    ] = sv(
        "värde",
        "Årets värde, en gräns (över 90 %, under 5, minst 3, högst 10), ett intervall "
        "(65–80 %) eller okänt; utelämna när täljare och nämnare eller mätningar anges.",
        default=None,
    )
    measurements: tuple[Measurement, ...] = sv(
        "mätningar",
        "Flera mätningar under året, i ordning: [{period: april, värde: 25}, "
        "{period: september, värde: 23}]; den sista är årets värde.",
        default=(),
    )
    stated_change: Annotated[
        StatedChange | None,
        BeforeValidator(lambda v: None if v is None else parse_change(v)),
        WithJsonSchema({"type": "string", "examples": ["+28 %", "−2 procentenheter"]}),
    ] = sv(
        "förändring",
        'Förändringen som källan anger när det tidigare värdet inte är känt, t.ex. "+28 %".',
        default=None,
    )
    stated_change_source: str = sv(
        "förändring_källa",
        "Var förändringen står, t.ex. Kvalitetsberättelse 2023, avsnitt 6.7.",
        default="",
    )
    numerator: MaybeCount = sv(
        "täljare", "Räknat värde i täljaren, t.ex. antal svar (värdet blir en andel).", default=None
    )
    denominator: MaybeCount = sv(
        "nämnare", "Det täljaren delas med, t.ex. antal utskick.", default=None
    )
    numerator_words: tuple[Text, ...] = sv(
        "täljare_ord",
        "Vad täljaren räknar, i alla former, t.ex. [signerade insatser, signerad insats]: ett "
        "tal före ordet i en text ska vara figuren indikatorer.<id>.taljare.",
        default=(),
    )
    denominator_words: tuple[Text, ...] = sv(
        "nämnare_ord",
        "Vad nämnaren räknar, i alla former, t.ex. [insatser, insats]: ett tal före ordet i en "
        "text ska vara figuren indikatorer.<id>.namnare.",
        default=(),
    )
    measured_year: int | None = sv(
        "mätår", "Året mätningen gjordes, när det inte är berättelsens år.", default=None
    )
    target: Decimal | None = sv("mål", "Målvärde.", default=None)
    direction_given: Direction | None = sv(
        "riktning",
        "högre_är_bättre, lägre_är_bättre eller neutral: avgör om en förändring är en "
        "förbättring eller en försämring.",
        default=None,
    )
    higher_is_better: YesNo = sv(
        "högre_är_bättre",
        "nej om ett lägre värde är bättre (äldre form av riktning).",
        default=True,
    )
    comparison: Decimal | None = sv("jämförelse", "Jämförelsevärde, t.ex. riket.", default=None)
    comparison_name: str = sv("jämförelse_namn", "Vad jämförelsen avser, t.ex. Riket.", default="")
    decimals: int = sv("decimaler", "Antal decimaler som visas.", default=0, ge=0, le=3)
    earlier: dict[int, Decimal] = sv(
        "tidigare", "Värden för tidigare år som saknar egen mapp: {2022: 81}.", default_factory=dict
    )

    _from_parts: bool = PrivateAttr(default=False)
    _bound: Bound | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _remember_parts(cls, data: Any, handler: ModelWrapValidatorHandler[IndicatorRow]) -> Any:
        bound, data = _read_bound(data)
        row = handler(data)
        row._from_parts = isinstance(data, dict) and ("täljare" in data or "nämnare" in data)
        row._bound = bound
        return row

    @property
    def bound(self) -> Bound | None:
        """The value as a bound or range ("över 90 %", "65–80 %"); None for an exact value."""
        return self._bound

    @property
    def from_parts(self) -> bool:
        """Whether the value is computed from täljare and nämnare (either may be okänt)."""
        return self._from_parts

    @model_validator(mode="after")
    def _words_need_parts(self) -> IndicatorRow:
        for words, field in (
            (self.numerator_words, "täljare_ord"),
            (self.denominator_words, "nämnare_ord"),
        ):
            parts = self.numerator is not None or self.denominator is not None
            if words and not parts and self.value is not None:
                raise PydanticCustomError(
                    "sv_words_without_parts",
                    f"{field} räknar täljaren eller nämnaren, men indikatorn har ett värde: "
                    "ange täljare och nämnare i stället för värde",
                    {"field": field},
                )
        return self

    def counted_words(self) -> list[tuple[str, tuple[str, ...]]]:
        """(figure name, words) for the narrative rule: what täljare and nämnare count."""
        name = f"indikatorer.{self.id}"
        pairs = [
            (f"{name}.taljare", self.numerator_words),
            (f"{name}.namnare", self.denominator_words),
        ]
        return [(figure, words) for figure, words in pairs if words]

    @model_validator(mode="after")
    def _one_value(self) -> IndicatorRow:
        if self.stated_change is not None and self.measurements:
            raise PydanticCustomError(
                "sv_change_and_measurements",
                "förändring anges bara när det tidigare värdet saknas, men mätningarna ger "
                "förändringen: ta bort förändring",
                {"field": "förändring"},
            )
        return self

    @property
    def current(self) -> float | None:
        """The year's value: värde, or the last of several measurements."""
        return self.measurements[-1].value if self.measurements else self.value

    @model_validator(mode="before")
    @classmethod
    def _share_from_parts(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "täljare" not in data and "nämnare" not in data:
            return data
        if data.get("värde") is not None:
            raise PydanticCustomError(
                "sv_value_and_parts",
                "ange antingen värde eller täljare och nämnare, inte båda",
                {"field": "värde"},
            )
        if is_unknown(data.get("täljare")) or is_unknown(data.get("nämnare")):
            return {**data, "värde": None, "enhet": data.get("enhet", "%")}
        try:
            numerator = int(whole_number(data.get("täljare")))
            denominator = int(whole_number(data.get("nämnare")))
        except (TypeError, ValueError):
            return data  # the fields' own validation says what is wrong
        if denominator <= 0 or numerator > denominator:
            raise PydanticCustomError(
                "sv_bad_denominator",
                f"nämnaren ({denominator}) måste vara större än 0 och minst lika stor som "
                f"täljaren ({numerator})",
                {"field": "nämnare"},
            )
        return {**data, "värde": 100 * numerator / denominator, "enhet": data.get("enhet", "%")}

    @property
    def direction(self) -> str:
        """riktning, or what the older högre_är_bättre says."""
        if self.direction_given is not None:
            return self.direction_given
        return "högre_är_bättre" if self.higher_is_better else "lägre_är_bättre"

    def reached(self) -> bool | None:
        """Whether the target is met in the indicator's direction; None without a target."""
        if self.target is None or self.direction == "neutral":
            return None
        higher = self.direction == "högre_är_bättre"
        if self._bound is not None:
            return self._bound.reaches(self.target, higher)
        value = self.current
        if value is None:
            return None
        return value >= self.target if higher else value <= self.target


def _read_bound(data: Any) -> tuple[Bound | None, Any]:
    """A värde written as a bound or range becomes None, with the bound kept apart."""
    if not isinstance(data, dict):
        return None, data
    given = [key for key in ("värde", "täljare", "mätningar") if key in data]
    if not given and "nämnare" not in data:
        raise PydanticCustomError(
            "sv_no_value",
            "indikatorn saknar värde: ange värde (eller okänt), täljare och nämnare eller "
            "mätningar",
            {"field": "värde"},
        )
    if "mätningar" in data and len(given) > 1:
        raise PydanticCustomError(
            "sv_value_and_measurements",
            "ange antingen värde (eller täljare och nämnare) eller mätningar, inte båda: "
            "den sista mätningen är årets värde",
            {"field": "mätningar"},
        )
    value = data.get("värde")
    if not isinstance(value, str) or is_unknown(value) or _is_number(value):
        return None, data
    unit = data.get("enhet", "")
    bound, unit = parse_bound(value, unit if isinstance(unit, str) else "")
    return bound, {**data, "värde": None, "enhet": unit}


def _is_number(value: str) -> bool:
    try:
        float(value.strip().replace(",", "."))
    except ValueError:
        return False
    return True
