"""An egenkontroll row: what was checked where and when, and its result or measured value."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.fields import Decimal, YesNo, yes_no
from ledningssystem.report.unknown import (
    UNKNOWN_TEXT,
    MaybeDate,
    is_unknown,
    none_if_unknown,
    unknown_or,
)


class CheckResult(StrEnum):
    PASSED = "godkänd"
    FAILED = "ej godkänd"
    NOT_DONE = "ej genomförd"


class EarlierMeasure(ContentModel):
    """An earlier measurement of the same egenkontroll, e.g. from a berättelse kept as PDF."""

    year: int = sv("år", "Året för det tidigare värdet, t.ex. 2024.")
    value: Decimal = sv("värde", "Det tidigare uppmätta värdet, t.ex. 49.")


class SelfCheckRow(ContentModel):
    """One egenkontroll: what was checked where and when, and its result or measured value."""

    id: Slug = sv("id", "Egenkontrollens id, t.ex. ek-journal-1.")
    process: Slug = sv("process", "Processens id.")
    step: Slug | None = sv("steg", "Stegets id i processen.", default=None)
    check: Text = sv("kontroll", "Vad som kontrollerades.")
    date: MaybeDate = sv("datum", "När kontrollen gjordes eller var planerad, eller okänt.")
    result: Annotated[
        CheckResult | None,
        BeforeValidator(none_if_unknown),
        unknown_or({"enum": [r.value for r in CheckResult]}),
    ] = sv(
        "resultat",
        "godkänd, ej godkänd eller ej genomförd (okänt om det inte registrerats); utelämna "
        "när värde och mål ger resultatet.",
    )
    measured: Annotated[
        Decimal | None, BeforeValidator(none_if_unknown), unknown_or({"type": "number"})
    ] = sv(
        "värde",
        "Uppmätt värde, t.ex. 54 (andel journaler med genomförandeplan), eller okänt.",
        default=None,
    )
    target: Decimal | None = sv("mål", "Målvärdet som värdet jämförs med, t.ex. 65.", default=None)
    unit: str = sv("enhet", "Måttenhet för värde och mål, t.ex. %.", default="")
    lower_is_better: YesNo = sv(
        "lägre_är_bättre", "ja om målet är ett högsta värde (t.ex. antal fel).", default=False
    )
    action: str = sv("åtgärd", "Åtgärd när resultatet inte var godkänt.", default="")
    earlier: EarlierMeasure | None = sv(
        "tidigare",
        "Ett tidigare uppmätt värde, när förra årets mapp inte har samma egenkontroll: "
        "{år: 2024, värde: 49}. Ger förändringen och om den är en förbättring.",
        default=None,
    )

    @property
    def direction(self) -> str:
        """The indicator direction of the measured value: lägre_är_bättre or högre_är_bättre."""
        return "lägre_är_bättre" if self.lower_is_better else "högre_är_bättre"

    @model_validator(mode="before")
    @classmethod
    def _result_from_measure(cls, data: Any) -> Any:
        if isinstance(data, dict) and "tidigare" in data and "värde" not in data:
            raise PydanticCustomError(
                "sv_earlier_without_value",
                "tidigare är ett tidigare uppmätt värde och kräver årets värde",
                {"field": "tidigare"},
            )
        if not isinstance(data, dict) or "resultat" in data:
            return data
        if is_unknown(data.get("värde")):
            return {**data, "resultat": None}  # nothing measured: the result is not known
        try:
            value = float(str(data["värde"]).replace(",", "."))
            target = float(str(data["mål"]).replace(",", "."))
        except (KeyError, ValueError):
            return data  # "resultat" is then missing, and the message says so
        lower = yes_no(data.get("lägre_är_bättre", False)) is True
        passed = value <= target if lower else value >= target
        return {**data, "resultat": "godkänd" if passed else "ej godkänd"}

    @model_validator(mode="after")
    def _action_when_failed(self) -> SelfCheckRow:
        if self.result is CheckResult.FAILED and not self.action:
            raise PydanticCustomError(
                "sv_action_missing",
                "en egenkontroll som inte är godkänd måste ha en åtgärd",
                {"field": "åtgärd"},
            )
        return self

    def measure_text(self) -> str:
        """ "54 % mot målet 65 %", or "" when the result is not a measured value."""
        unit = f"\u00a0{self.unit}" if self.unit else ""
        if self.measured is None:  # written as okänt: never a placeholder number
            return f"{UNKNOWN_TEXT} mot målet {_number(self.target)}{unit}" if self.target else ""
        text = f"{_number(self.measured)}{unit}"
        return f"{text} mot målet {_number(self.target)}{unit}" if self.target is not None else text


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")
