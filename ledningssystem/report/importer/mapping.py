"""The mapping file: which export column holds which field, and export values → our ids.

One file per export layout, e.g. reports/mappningar/treserva-avvikelser.yml. Without
a mapping the export must already use our column names and ids (see `identity`).
"""

from __future__ import annotations

from collections.abc import Mapping as ReadOnly
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.importer.conditions import Alternatives, chosen


class ImportKind(StrEnum):
    DEVIATIONS = "avvikelser"
    COMPLAINTS = "klagomal"
    INCIDENTS = "personuppgiftsincidenter"
    SARAH = "lex-sarah"
    MARIA = "lex-maria"
    UNENFORCED = "ej-verkstallda-beslut"


# Field → required? Per kind; one export row is one avvikelse or one klagomål
# (or `antal` of them). utredd, avslutad, i_tid and återkoppling are ja/nej per row.
FIELDS: dict[ImportKind, dict[str, bool]] = {
    ImportKind.DEVIATIONS: {
        "enhet": True,
        "typ": True,
        "kategori": True,
        "utredd": True,
        "avslutad": True,
        "antal": False,
        "allvarlighetsgrad": False,
        "risk_för_upprepning": False,
        "samverkan": False,
        "motpart": False,
        "datum": False,
    },
    ImportKind.COMPLAINTS: {
        "enhet": True,
        "fler_enheter": False,
        "från": True,
        "kategorier": True,
        "antal": False,
        "i_tid": False,
        "återkoppling": False,
        "slag": False,
        "inlämnare": False,
        "datum": False,
    },
    ImportKind.INCIDENTS: {
        "enhet": True,
        "anmäld_imy": False,
        "antal": False,
        "datum": False,
    },
    # One export row is one lex Sarah case; nothing is summed.
    ImportKind.SARAH: {
        "id": False,
        "enhet": True,
        "rapporter": False,
        "kategori": True,
        "hantering": False,
        "avsändare": False,
        "inkom": False,
        "utredning_påbörjad": False,
        "utredning_avslutad": False,
        "bedömning": False,
        "anmäld_ivo": False,
        "anmäld_ivo_datum": False,
        "ivo_beslut": False,
        "datum": False,
    },
    # One export row is one lex Maria event, investigated by MAS/MAR.
    ImportKind.MARIA: {
        "id": False,
        "enhet": True,
        "händelse": False,
        "hantering": False,
        "avsändare": False,
        "inkom": False,
        "utredning_påbörjad": False,
        "utredning_avslutad": False,
        "anmäld_ivo": False,
        "anmäld_ivo_datum": False,
        "ivo_beslut": False,
        "datum": False,
    },
    # One export row is one beslut reported to IVO as not verkställt within three months.
    ImportKind.UNENFORCED: {
        "id": False,
        "enhet": True,
        "lagrum": True,
        "insats": True,
        "kön": False,
        "beslutsdatum": True,
        "orsak": False,
        "verkställt": False,
        "avslutat": False,
        "kvartal": True,
        "datum": False,
    },
}
COUNT_FIELDS = {"antal", "rapporter"}  # a whole number; an empty cell is 1
LIST_FIELDS = {"kategorier", "fler_enheter"}  # several ids in one cell, split by the separator
# A field whose value table may be left out: the other field's table is used instead.
SHARED_VALUES = {"fler_enheter": "enhet"}
YES_NO_FIELDS = {"utredd", "avslutad", "i_tid", "återkoppling", "anmäld_imy", "anmäld_ivo"}
DATE_FIELDS = {
    "inkom",
    "utredning_påbörjad",
    "utredning_avslutad",
    "anmäld_ivo_datum",
    "beslutsdatum",
    "verkställt",
    "avslutat",
}  # written as ÅÅÅÅ-MM-DD, empty when not given
TEXT_FIELDS = {
    "id",
    "händelse",
    "insats",
    "orsak",
    "kvartal",
    "avsändare",
    "inlämnare",
}  # copied as they are (the privacy check still covers them)


def _text(value: Any) -> Any:
    # YAML reads 1 as a number and ja/yes as text or booleans; exports only hold text.
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return str(value)
    return value


def _text_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_text(k): _text(v) for k, v in value.items()}
    return value


# An export value → our id, ~ (not counted), or alternatives chosen by another column.
ValueMap = Annotated[dict[str, Alternatives], BeforeValidator(_text_keys)]


class Mapping(ContentModel):
    """How one export layout maps to the berättelse's data format."""

    name: Text = sv("namn", "Vad mappningen gäller, t.ex. Treserva, avvikelselista.")
    kind: ImportKind | Slug = sv(
        "typ",
        "Vilken datafil importen ger: avvikelser, klagomal, personuppgiftsincidenter, lex-sarah, "
        "lex-maria, ej-verkstallda-beslut eller en egen uppgift (egna_uppgifter), t.ex. domar.",
        union_mode="left_to_right",  # a built-in kind's name is the enum, never a plain str
    )
    header_row: int = sv("rubrikrad", "Raden med kolumnernas namn (standard 1).", default=1, ge=1)
    sheet: str = sv("blad", "Excel-bladets namn (standard: det första).", default="")
    columns: Annotated[dict[str, str], BeforeValidator(_text_keys)] = sv(
        "kolumner", "Fält → kolumnens namn i exporten, t.ex. enhet: Utförare."
    )
    fixed: Annotated[dict[str, str], BeforeValidator(_text_keys)] = sv(
        "fasta_värden",
        "Fält som har samma värde på alla rader, t.ex. typ: hsl.",
        default_factory=dict,
    )
    values: dict[str, ValueMap] = sv(
        "värden",
        "Per fält: värdet i exporten → id i berättelsen; ~ betyder att raden inte räknas.",
        default_factory=dict,
    )
    separator: str = sv(
        "kategoriavgränsare",
        "Tecknet mellan flera kategorier eller enheter i samma cell (klagomål, standard komma).",
        default=",",
        min_length=1,
    )

    def lookup(
        self, field: str, value: str, cells: ReadOnly[str, str] | None = None
    ) -> tuple[bool, str | None]:
        """(found, id) for an export value; id None means the row is not counted.

        `cells` (the row by casefolded column name) decides between conditional alternatives.
        """
        table = self.values.get(field) or self.values.get(SHARED_VALUES.get(field, ""), {})
        wanted = value.strip().casefold()
        for key, target in table.items():
            if key.strip().casefold() == wanted:
                return chosen(target, cells or {})
        return False, None


def kind_name(kind: ImportKind | str) -> str:
    return kind.value if isinstance(kind, ImportKind) else kind


def identity(
    kind: ImportKind | str, header: tuple[str, ...], own: dict[str, bool] | None = None
) -> Mapping:
    """The mapping of an export that already has our column names and ids."""
    present = {h.strip().casefold() for h in header}
    fields = own if own is not None else FIELDS[ImportKind(kind)]
    columns = {f: f for f, need in fields.items() if need or f in present}
    return Mapping.model_validate(
        {"namn": "utan mappning", "typ": kind_name(kind), "kolumner": columns}
    )
