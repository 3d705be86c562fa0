"""An indicator row: a measure with value (or numerator and denominator), target and direction."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ModelWrapValidatorHandler, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.fields import Decimal, YesNo, whole_number
from ledningssystem.report.unknown import MaybeCount, is_unknown, none_if_unknown, unknown_or

Direction = Literal["högre_är_bättre", "lägre_är_bättre", "neutral"]


class IndicatorRow(ContentModel):
    """One measure: its value (or numerator and denominator), target, direction and history."""

    id: Slug = sv("id", "Indikatorns id, samma alla år, t.ex. kkik-kontinuitet-hemtjanst.")
    name: Text = sv("namn", "Vad som mäts.")
    source: Slug = sv("källa", "Källa (indikatorer › källor i config.yml).")
    unit: str = sv("enhet", "Måttenhet, t.ex. %, antal, dagar.", default="")
    value: Annotated[
        Decimal | None, BeforeValidator(none_if_unknown), unknown_or({"type": "number"})
    ] = sv("värde", "Årets värde, eller okänt; utelämna när täljare och nämnare anges.")
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

    @model_validator(mode="wrap")
    @classmethod
    def _remember_parts(cls, data: Any, handler: ModelWrapValidatorHandler[IndicatorRow]) -> Any:
        row = handler(data)
        row._from_parts = isinstance(data, dict) and ("täljare" in data or "nämnare" in data)
        return row

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

    @model_validator(mode="before")
    @classmethod
    def _share_from_parts(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "täljare" not in data and "nämnare" not in data:
            return data
        if "värde" in data:
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
        if self.target is None or self.value is None or self.direction == "neutral":
            return None
        if self.direction == "högre_är_bättre":
            return self.value >= self.target
        return self.value <= self.target
