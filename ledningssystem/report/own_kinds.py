"""The organisation's own counted kinds (egna_uppgifter in reports/config.yml), e.g. domar.

Each kind names what it counts (its nouns, for the narrative rule), its categorical columns
with their allowed values, numeric columns that are summed (belopp) and whether a row may
be marked as carried over from last year. Its rows are read with a model made from the
definition, so every value is validated with file and line like the built-in kinds.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, create_model, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.choice import Choice, unique_ids
from ledningssystem.report.fields import SlugList, YesNo, yes_no
from ledningssystem.report.unknown import MaybeCount, MaybeSlug, is_unknown

OWN_KEY = "egna_uppgifter"
ROWS_KEY = "rader"  # the YAML key of an own kind's data file
CARRIED = "från_föregående_år"


class OwnColumn(ContentModel):
    """A categorical column and the values a row may have in it (besides okänt)."""

    id: Slug = sv("id", "Kolumnens namn i datafilen, t.ex. instans.")
    name: Text = sv("namn", "Namnet som visas, t.ex. Instans.")
    values: tuple[Choice, ...] = sv(
        "värden", "Tillåtna värden, t.ex. {id: fastställt, …}.", min_length=1
    )

    @model_validator(mode="after")
    def _ids_unique(self) -> OwnColumn:
        unique_ids(self.values, "värden")
        return self


class OwnSum(ContentModel):
    """A numeric column whose values are summed, e.g. belopp in kronor."""

    id: Slug = sv("id", "Kolumnens namn i datafilen, t.ex. belopp.")
    name: Text = sv("namn", "Namnet som visas, t.ex. Belopp.")
    unit: str = sv("enhet", "Enhet som visas efter talet, t.ex. kr.", default="")


class OwnKind(ContentModel):
    """One counted kind of the organisation's own: reports/<år>/<id>.csv or .yml."""

    id: Slug = sv("id", "Id, namnet på datafilen och figurernas början, t.ex. domar.")
    name: Text = sv("namn", "Namnet som visas, t.ex. Domar i förvaltningsrätt och kammarrätt.")
    words: tuple[Text, ...] = sv(
        "ord",
        "Det som räknas i alla böjningar, t.ex. [dom, domen, domar, domarna]: ett tal "
        "direkt före eller efter ordet i en text ska vara figuren <id>.total.",
        min_length=1,
    )
    columns: tuple[OwnColumn, ...] = sv("kolumner", "Kategorier med tillåtna värden.", default=())
    sums: tuple[OwnSum, ...] = sv("summor", "Kolumner med tal som summeras.", default=())
    carried: YesNo = sv(
        "överförda",
        "ja: en rad kan ha från_föregående_år: ja (ärenden som fanns kvar från året innan).",
        default=False,
    )
    level: Literal["förvaltning", "avdelning", "enhet"] = sv(
        "redovisningsnivå", "förvaltning, avdelning eller enhet.", default="enhet"
    )
    sections: SlugList = sv(
        "avsnitt",
        "Avsnittet i mallen där uppgifterna visas, t.ex. granskningar; med flera (för flera "
        "mallar) visas de i det första som årets mall har.",
    )
    from_year: int | None = sv(
        "från_år",
        "Första året som har uppgifterna; äldre år (och deras försegling) berörs inte.",
        default=None,
    )

    @model_validator(mode="after")
    def _columns_unique(self) -> OwnKind:
        ids = [c.id for c in self.columns] + [s.id for s in self.sums]
        for i, column in enumerate(ids):
            if column in ids[:i] or column in {"enhet", "antal", CARRIED}:
                raise PydanticCustomError(
                    "sv_own_column", f'kolumnen "{column}" finns redan', {"field": "kolumner"}
                )
        return self

    def section_in(self, section_ids: list[str]) -> str | None:
        """The section of a template (its ids in order) that shows the kind, or None."""
        return next((s for s in self.sections if s in section_ids), None)

    def applies_to(self, year: int) -> bool:
        return self.from_year is None or year >= self.from_year

    def row_model(self) -> type[OwnRow]:
        fields: dict[str, Any] = {
            f"c{i}": (MaybeSlug, sv(c.id, c.name)) for i, c in enumerate(self.columns)
        }
        fields |= {
            f"s{i}": (MaybeCount, sv(s.id, s.name, default=0)) for i, s in enumerate(self.sums)
        }
        if self.carried:
            fields["carried"] = (
                Annotated[bool | None, BeforeValidator(_yes_no_unknown)],
                sv(CARRIED, "ja om ärendet fanns kvar från föregående år.", default=False),
            )
        model = create_model(f"OwnRow_{self.id}", __base__=OwnRow, **fields)
        model.column_fields = {c.id: f"c{i}" for i, c in enumerate(self.columns)}
        model.sum_fields = {s.id: f"s{i}" for i, s in enumerate(self.sums)}
        return model


def _yes_no_unknown(value: Any) -> Any:
    return None if is_unknown(value) else yes_no(value)


class OwnRow(ContentModel):
    """One row of an own kind: `antal` things alike in unit and every column."""

    column_fields: ClassVar[dict[str, str]] = {}
    sum_fields: ClassVar[dict[str, str]] = {}

    unit: MaybeSlug = sv("enhet", "Enhetens (eller avdelningens) id, eller okänt.")
    count: MaybeCount = sv("antal", "Antal på raden, eller okänt.", default=1)

    def value(self, column: str) -> str:
        return str(getattr(self, self.column_fields[column]))

    def amount(self, column: str) -> int | None:
        value = getattr(self, self.sum_fields[column])
        return value if isinstance(value, int) else None

    @property
    def carried_over(self) -> bool | None:
        return getattr(self, "carried", False)
