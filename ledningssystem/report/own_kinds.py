"""The organisation's own counted kinds (egna_uppgifter in reports/config.yml), e.g. domar.

Each kind names what it counts (its nouns, for the narrative rule), its categorical columns
with their allowed values, numeric columns that are summed (belopp) and whether a row may
be marked as carried over from last year. Its rows are read with a model made from the
definition, so every value is validated with file and line like the built-in kinds.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, NoReturn

from pydantic import BeforeValidator, create_model, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.errors import ContentError
from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.choice import Choice, unique_ids
from ledningssystem.report.fields import SlugList, YesNo, yes_no
from ledningssystem.report.unknown import MaybeCount, MaybeSlug, is_unknown, unknown_or

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


class OwnCross(ContentModel):
    """A cross table of two categorical columns, e.g. instans (rows) × utfall (columns)."""

    rows: Slug = sv("rader", "Kolumnen vars värden blir tabellens rader, t.ex. instans.")
    columns: Slug = sv("kolumner", "Kolumnen vars värden blir tabellens kolumner, t.ex. utfall.")


class OwnShare(ContentModel):
    """A share of the kind's total: the rows whose `column` has one of `values`."""

    id: Slug = sv("id", "Andelens id i figurens namn <id>.andel.<andel>, t.ex. fick-ratt.")
    name: Text = sv("namn", "Det som visas, t.ex. Andel domar där nämnden fick rätt.")
    column: Slug = sv("kolumn", "Kolumnen som avgör, t.ex. utfall.")
    values: SlugList = sv("värden", "Värdena som räknas till andelen, t.ex. [faststallt].")


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
    crosses: tuple[OwnCross, ...] = sv(
        "korstabeller",
        "Tabeller med två kolumner mot varandra, t.ex. [{rader: instans, kolumner: utfall}].",
        default=(),
    )
    shares: tuple[OwnShare, ...] = sv(
        "andelar",
        "Andelar av totalen, t.ex. [{id: fick-ratt, namn: …, kolumn: utfall, "
        "värden: [faststallt]}].",
        default=(),
    )
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
        _refers_to_columns(self)
        return self

    def column(self, column_id: str) -> OwnColumn:
        return next(c for c in self.columns if c.id == column_id)

    def section_in(self, section_ids: list[str]) -> str | None:
        """The section of a template (its ids in order) that shows the kind, or None."""
        return next((s for s in self.sections if s in section_ids), None)

    def applies_to(self, year: int) -> bool:
        return self.from_year is None or year >= self.from_year

    def row_model(self) -> type[OwnRow]:
        fields: dict[str, Any] = {
            f"c{i}": (_values_of(c), sv(c.id, f"{c.name}: {_listed(c)} eller okänt."))
            for i, c in enumerate(self.columns)
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


_MISSING_FIGURE = re.compile(r'figuren "([^".]+)(?:\.[^"]*)?" finns inte')


def follows_from_lost_kind(error: ContentError, lost: frozenset[str]) -> bool:
    """A missing figure of an own kind whose definition has errors: that error says why,
    once, and the figures of the kind are not reported missing one by one."""
    match = _MISSING_FIGURE.match(error.message)
    return match is not None and match[1] in lost


SHARE_SEGMENT = "andel"  # <id>.andel.<andel>
RESERVED = {"total", "enhet", "avdelning", SHARE_SEGMENT}  # second segments of other figures


def _refers_to_columns(kind: OwnKind) -> None:
    """Crosses and shares name configured columns and values, and no figure name clashes."""
    columns = {c.id: c for c in kind.columns}
    for cross in kind.crosses:
        for column_id in (cross.rows, cross.columns):
            _known_column(columns, column_id, "korstabeller")
        if cross.rows == cross.columns:
            _refuse("korstabeller", f'rader och kolumner är båda "{cross.rows}"')
        taken = RESERVED | set(columns) | {s.id for s in kind.sums}
        for value in columns[cross.rows].values:
            if value.id in taken:
                message = f'värdet "{value.id}" i {cross.rows} är redan ett figurnamn'
                _refuse("korstabeller", message)
    for share in kind.shares:
        column = _known_column(columns, share.column, "andelar")
        allowed = [v.id for v in column.values]
        for value_id in share.values:
            if value_id not in allowed:
                text = f'"{value_id}" är inget värde i {column.id} ({", ".join(allowed)})'
                _refuse("andelar", text)
    unique_ids(tuple(Choice.model_construct(id=s.id, name=s.name) for s in kind.shares), "andelar")


def _known_column(columns: dict[str, OwnColumn], column_id: str, field: str) -> OwnColumn:
    if column_id not in columns:
        names = ", ".join(columns) or "inga"
        _refuse(field, f'kolumnen "{column_id}" finns inte i kolumner (finns: {names})')
    return columns[column_id]


def _refuse(field: str, message: str) -> NoReturn:
    raise PydanticCustomError("sv_own_reference", message, {"field": field})


def _values_of(column: OwnColumn) -> Any:
    """The column's type: an id or okänt, with its configured values as the schema's enum."""
    return Annotated[MaybeSlug, unknown_or({"enum": [v.id for v in column.values]})]


def _listed(column: OwnColumn) -> str:
    return ", ".join(v.id for v in column.values)


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
