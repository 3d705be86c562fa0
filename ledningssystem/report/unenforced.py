"""Ej verkställda beslut: gynnande beslut (SoL, LSS) not verkställda within three months.

The nämnd reports each such beslut to IVO every quarter (SoL (2025:400) 34 kap. 1–3 §§,
until 30 June 2025 SoL (2001:453) 16 kap. 6 f–6 h §§; LSS 28 f–28 h §§) until it is
verkställt or the case is closed otherwise. One row is one beslut; a
field that was not registered is an explicit unknown, counted apart, never a zero.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, sv
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.month_date import MaybeMonthDate, before, show_date
from ledningssystem.report.numbers import Tally
from ledningssystem.report.unknown import (
    UNKNOWN_ID,
    UNKNOWN_WORDS,
    MaybeSlug,
    is_unknown,
)

PREFIX = "ej-verkstallda-beslut"


class Law(StrEnum):
    SOL = "sol"
    LSS = "lss"


class Gender(StrEnum):
    WOMAN = "kvinna"
    MAN = "man"


LAW_LABELS = {Law.SOL: "SoL", Law.LSS: "LSS"}
GENDER_LABELS = {Gender.WOMAN: "Kvinnor", Gender.MAN: "Män"}
QUARTERS = (1, 2, 3, 4)
_WORDS = sorted(UNKNOWN_WORDS)


def _choice_or_unknown(value: Any) -> Any:
    # Exports write SoL, LSS, Kvinna …: compare without case; okänt becomes None.
    if is_unknown(value):
        return None
    return value.strip().casefold() if isinstance(value, str) else value


def _quarter_or_unknown(value: Any) -> Any:
    # "2025-Q3", "Q3", "kvartal 3" and 3 all mean the third quarter.
    if is_unknown(value):
        return None
    if isinstance(value, str):
        digits = value.strip().casefold().rsplit("q", 1)[-1].rsplit(" ", 1)[-1]
        return digits if digits.isdigit() else value
    return value


MaybeLaw = Annotated[
    Law | None,
    BeforeValidator(_choice_or_unknown),
    WithJsonSchema({"enum": ["sol", "lss", "SoL", "LSS", *_WORDS]}),
]
MaybeGender = Annotated[
    Gender | None,
    BeforeValidator(_choice_or_unknown),
    WithJsonSchema({"enum": ["kvinna", "man", *_WORDS]}),
]
MaybeQuarter = Annotated[
    int | None,
    BeforeValidator(_quarter_or_unknown),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 4}, {"enum": _WORDS}]}),
]


def _text_or_unknown(value: Any) -> Any:
    return "" if is_unknown(value) else value


class UnenforcedRow(ContentModel):
    """One gynnande beslut not verkställt within three months, as reported to IVO."""

    id: str = sv("id", "Beslutets id (frivilligt, anonymt).", default="")
    unit: MaybeSlug = sv("enhet", "Enhetens id, eller okänt.")
    law: MaybeLaw = sv("lagrum", "SoL eller LSS, eller okänt.")
    service: Annotated[str, BeforeValidator(_text_or_unknown)] = sv(
        "insats", "Insatsen som beviljades, t.ex. Särskilt boende, eller okänt."
    )
    gender: MaybeGender = sv("kön", "kvinna eller man, eller okänt.", default=None)
    decided: MaybeMonthDate = sv(
        "beslutsdatum", "Datum för beslutet, ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM), eller okänt."
    )
    reason: str = sv(
        "orsak", "Varför beslutet inte verkställts, t.ex. ingen ledig plats.", default=""
    )
    enforced: MaybeMonthDate = sv("verkställt", "Datum då beslutet verkställdes.", default=None)
    closed: MaybeMonthDate = sv(
        "avslutat",
        "Datum då ärendet avslutades utan verkställighet (t.ex. återtaget).",
        default=None,
    )
    quarter: MaybeQuarter = sv(
        "kvartal", "Kvartalet (1–4) då beslutet först rapporterades till IVO, eller okänt."
    )

    @model_validator(mode="after")
    def _consistent(self) -> UnenforcedRow:
        if self.quarter is not None and self.quarter not in QUARTERS:
            raise PydanticCustomError(
                "sv_quarter",
                f"kvartal ska vara 1, 2, 3 eller 4, inte {self.quarter}",
                {"field": "kvartal"},
            )
        if self.enforced is not None and self.closed is not None:
            raise PydanticCustomError(
                "sv_enforced_closed",
                "ange verkställt eller avslutat, inte båda",
                {"field": "avslutat"},
            )
        for name, day in (("verkställt", self.enforced), ("avslutat", self.closed)):
            if day is not None and self.decided is not None and before(day, self.decided):
                raise PydanticCustomError(
                    "sv_date_order",
                    f"{name} ({show_date(day)}) är före beslutsdatum ({show_date(self.decided)})",
                    {"field": name},
                )
        return self

    def open_at(self, day: dt.date) -> bool:
        """Still neither verkställt nor avslutat on `day` (a month ends in its year: year end)."""
        ended = self.enforced or self.closed
        return ended is None or ended > day


def _of(counter: Counter[Any], choice: Any) -> Tally:
    """A choice's count; a beslut whose value is okänt may be of any choice: a lower bound
    (its table counts those once, on their own row: unknown_choice)."""
    return Tally(counter[choice], counter[None], unknown_choice=counter[None])


def unenforced_figures(figures: FigureSet, rows: tuple[UnenforcedRow, ...], year: int) -> None:
    """Totals by lagrum, kön and kvartal, and how many were still not verkställda at year end."""
    figures.add(f"{PREFIX}.total", "ej verkställda beslut", len(rows))
    laws = Counter(r.law for r in rows)
    for law in Law:
        label = f"ej verkställda beslut enligt {LAW_LABELS[law]}"
        figures.add_tally(f"{PREFIX}.lagrum.{law.value}", label, _of(laws, law))
    genders = Counter(r.gender for r in rows)
    for gender in Gender:
        label = f"ej verkställda beslut – {GENDER_LABELS[gender].lower()}"
        figures.add_tally(f"{PREFIX}.kon.{gender.value}", label, _of(genders, gender))
    quarters = Counter(r.quarter for r in rows)
    for quarter in QUARTERS:
        label = f"ej verkställda beslut rapporterade kvartal {quarter}"
        figures.add_tally(f"{PREFIX}.kvartal.{quarter}", label, _of(quarters, quarter))
    # Unknowns are their own figures, only where the data has them (never a zero row).
    for name, counter in (("lagrum.", laws), ("kon.", genders), ("kvartal.", quarters)):
        if counter[None]:
            label = "ej verkställda beslut – uppgift saknas"
            figures.add(f"{PREFIX}.{name}{UNKNOWN_ID}", label, counter[None])
    year_end = dt.date(year, 12, 31)
    enforced = sum(1 for r in rows if r.enforced is not None and r.enforced <= year_end)
    closed = sum(1 for r in rows if r.closed is not None and r.closed <= year_end)
    figures.add(f"{PREFIX}.verkstallda", "beslut verkställda under året", enforced)
    figures.add(f"{PREFIX}.avslutade", "beslut avslutade utan verkställighet", closed)
    still = sum(1 for r in rows if r.open_at(year_end))
    figures.add(f"{PREFIX}.ej-verkstallda", "beslut ej verkställda vid årets slut", still)
