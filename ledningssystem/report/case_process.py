"""Lex Sarah and lex Maria as a process: rapport inkom → utredning → bedömning → IVO.

Each step is dated when known (an unknown date is None, never a placeholder).
A case is investigated here, received for information from another (another
nämnd, SiS, a private utförare), or handled as an avvikelse instead.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, PrivateAttr, ValidatorFunctionWrapHandler, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, sv
from ledningssystem.report.fields import MaybeYesNo
from ledningssystem.report.month_date import MaybeMonthDate, before, is_month, show_date
from ledningssystem.report.unknown import is_unknown, none_if_unknown, unknown_or


class Handling(StrEnum):
    INVESTIGATION = "utredning"
    FOR_INFORMATION = "för-kännedom"
    AS_DEVIATION = "som-avvikelse"


class IvoOutcome(StrEnum):
    ONGOING = "pågår"
    NO_CRITICISM = "avslutat-utan-kritik"
    CRITICISM = "kritik"


IVO_LABELS = {
    IvoOutcome.ONGOING: "IVO:s handläggning pågår",
    IvoOutcome.NO_CRITICISM: "IVO avslutade utan kritik",
    IvoOutcome.CRITICISM: "IVO riktade kritik",
}


class CaseProcess(ContentModel):
    """The steps of a lex Sarah or lex Maria case, each dated when known."""

    # A file without the anmäld_ivo column does not say which cases were anmälda: every
    # row is then okänt, never "nej" ("anmälda till IVO 0" would be a false figure). An
    # empty CSV cell is okänt too (files.py). Within a YAML file that gives the column, a
    # row that leaves it out is "nej": the field is written only on the anmälda cases.
    UNKNOWN_WHEN_ABSENT: ClassVar[tuple[str, ...]] = ("anmäld_ivo",)

    handling: Handling = sv(
        "hantering",
        "utredning (standard), för-kännedom (rapport från annan nämnd, SiS eller privat "
        "utförare) eller som-avvikelse (hanterad som avvikelse i stället).",
        default=Handling.INVESTIGATION,
    )
    sender: str = sv("avsändare", "Vem som skickade en rapport för kännedom.", default="")
    received: MaybeMonthDate = sv(
        "inkom", "Datum då rapporten inkom (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM) eller okänt.", default=None
    )
    started: MaybeMonthDate = sv(
        "utredning_påbörjad", "Datum då utredningen började.", default=None
    )
    finished: MaybeMonthDate = sv(
        "utredning_avslutad", "Datum då utredningen avslutades.", default=None
    )
    reported_ivo: MaybeYesNo = sv(
        "anmäld_ivo",
        "ja om händelsen anmälts till IVO, nej, eller okänt; utelämnad på en rad är nej när "
        "andra rader i filen anger den, utan kolumnen i hela filen okänt.",
        default=False,
    )
    reported_ivo_on: MaybeMonthDate = sv("anmäld_ivo_datum", "Datum för anmälan.", default=None)
    ivo_outcome: Annotated[
        IvoOutcome | None,
        BeforeValidator(none_if_unknown),
        unknown_or({"enum": [o.value for o in IvoOutcome]}),
    ] = sv("ivo_beslut", "pågår, avslutat-utan-kritik eller kritik, eller okänt.", default=None)

    # The fields written as okänt, where that says more than the value None: utredning_avslutad
    # okänt ended on a date not known (left out, it has not ended); bedömning okänt (SarahRow).
    _written_unknown: frozenset[str] = PrivateAttr(default=frozenset())

    @model_validator(mode="wrap")
    @classmethod
    def _remember_unknowns(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        case = handler(data)
        if isinstance(data, dict):
            case._written_unknown = frozenset(k for k, v in data.items() if is_unknown(v))
        return case

    @property
    def closed(self) -> bool:
        """The utredning has ended: on a known date, or on one written as okänt."""
        return self.finished is not None or "utredning_avslutad" in self._written_unknown

    @model_validator(mode="after")
    def _dates_in_order(self) -> CaseProcess:
        steps = [
            ("inkom", self.received),
            ("utredning_påbörjad", self.started),
            ("utredning_avslutad", self.finished),
        ]
        known = [(name, day) for name, day in steps if day is not None]
        for (first, earlier), (then, after) in zip(known, known[1:], strict=False):
            if before(after, earlier):  # by month when either is known only to the month
                raise PydanticCustomError(
                    "sv_date_order",
                    f"{then} ({show_date(after)}) är före {first} ({show_date(earlier)})",
                    {"field": then},
                )
        if self.ivo_outcome is not None and not self.reported_ivo:  # needs ja, not okänt
            raise PydanticCustomError(
                "sv_ivo_outcome",
                "ivo_beslut anges bara för en händelse som anmälts till IVO",
                {"field": "ivo_beslut"},
            )
        return self

    @property
    def days(self) -> int | None:
        """Days from inkom to utredning avslutad, when both are known to the day."""
        if self.received is None or self.finished is None:
            return None
        if is_month(self.received) or is_month(self.finished):
            return None  # counted under uppgift saknas, never from a guessed day
        return (self.finished - self.received).days
