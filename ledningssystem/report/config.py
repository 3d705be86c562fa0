"""Report settings: risk scales and classes, categories and sources (reports/config.yml).

Defaults ship in standard.yml beside this module; reports/config.yml replaces
any top-level key it names, so an organisation changes only what differs.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.choice import UNKNOWN_CHOICE, Choice
from ledningssystem.report.choice import unique_ids as _unique
from ledningssystem.report.own_kinds import OwnKind
from ledningssystem.report.unit_groups import GROUPS_HELP, UnitGroup, groups_of_year

__all__ = ["UNKNOWN_CHOICE", "Choice"]


class RiskClass(ContentModel):
    """A class of riskvärde, e.g. Kritisk from 12 and up."""

    id: Slug = sv("id", "Klassens id, t.ex. kritisk.")
    name: Text = sv("namn", "Klassens namn, t.ex. Kritisk.")
    start: int = sv("från", "Lägsta riskvärde i klassen.", ge=1)


class RiskMatrix(ContentModel):
    """Scales (their length is the size of the matrix) and the classes of riskvärde."""

    likelihood: tuple[Text, ...] = sv(
        "sannolikhet", "Stegen i sannolikhetsskalan, lägst först.", min_length=2, max_length=10
    )
    consequence: tuple[Text, ...] = sv(
        "konsekvens", "Stegen i konsekvensskalan, lägst först.", min_length=2, max_length=10
    )
    classes: tuple[RiskClass, ...] = sv(
        "klasser", "Klasser av riskvärde, lägst först.", min_length=1, max_length=5
    )
    action_from: int | None = sv(
        "kräver_åtgärd_från", "Risker med minst detta värde måste ha en åtgärd.", default=None
    )

    @model_validator(mode="after")
    def _classes_ascend(self) -> RiskMatrix:
        starts = [c.start for c in self.classes]
        if starts[0] != 1:
            raise PydanticCustomError(
                "sv_first_class", "den första klassen måste gälla från 1", {"field": "klasser"}
            )
        if starts != sorted(set(starts)):
            raise PydanticCustomError(
                "sv_class_order",
                "klasserna måste stå i stigande ordning efter 'från', utan dubbletter",
                {"field": "klasser"},
            )
        return self

    @property
    def max_value(self) -> int:
        return len(self.likelihood) * len(self.consequence)

    def classify(self, value: int) -> RiskClass:
        """The class whose range holds `value`."""
        found = self.classes[0]
        for risk_class in self.classes:
            if value >= risk_class.start:
                found = risk_class
        return found


DEFAULT_KINDS = (
    Choice.model_construct(id="klagomal", name="Klagomål"),
    Choice.model_construct(id="synpunkt", name="Synpunkt"),
    Choice.model_construct(id="forslag", name="Förslag"),
    Choice.model_construct(id="berom", name="Beröm"),
)


class ComplaintSettings(ContentModel):
    sources: tuple[Choice, ...] = sv("källor", "Vem klagomålen kommer från.", min_length=1)
    categories: tuple[Choice, ...] = sv("kategorier", "Vad klagomålen gäller.", min_length=1)
    kinds: tuple[Choice, ...] = sv(
        "slag",
        "Slag av synpunkter som räknas var för sig; en rad utan slag har okänt slag "
        "(uppgift saknas), aldrig det första.",
        default=DEFAULT_KINDS,
        min_length=1,
    )

    @model_validator(mode="after")
    def _ids_unique(self) -> ComplaintSettings:
        _unique(self.sources, "källor")
        _unique(self.categories, "kategorier")
        _unique(self.kinds, "slag")
        return self


class DeviationKind(ContentModel):
    """A kind of avvikelse (SoL, LSS, HSL, organisatorisk) with its categories."""

    id: Slug = sv("id", "Id, t.ex. sol.")
    name: Text = sv("namn", "Namn, t.ex. Avvikelser enligt SoL.")
    label: Text = sv("etikett", "Substantiv i plural för sammanfattningen, t.ex. SoL-avvikelser.")
    level: Literal["individ", "organisation"] = sv("nivå", "individ eller organisation.")
    categories: tuple[Choice, ...] = sv("kategorier", "Kategorier för slaget.", min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self) -> DeviationKind:
        _unique(self.categories, "kategorier")
        return self


DEFAULT_GRADES = (
    Choice.model_construct(id="lag", name="Låg"),
    Choice.model_construct(id="medel", name="Medel"),
    Choice.model_construct(id="hog", name="Hög"),
)
# Avvikelser in samverkan go to or come from another huvudman: by default the region.
DEFAULT_PARTNERS = (Choice.model_construct(id="regionen", name="regionen"),)


class ChoiceList(ContentModel):
    categories: tuple[Choice, ...] = sv("kategorier", "Kategorier.", min_length=1)


class SarahSettings(ChoiceList):
    target_days: int | None = sv(
        "mål_dagar",
        "Organisationens mål för tiden från rapport till avslutad utredning, i dagar.",
        default=None,
        ge=1,
    )


class MariaSettings(ContentModel):
    target_days: int | None = sv(
        "mål_dagar",
        "Mål för tiden från händelse till avslutad utredning, i dagar.",
        default=None,
        ge=1,
    )


class ReviewSettings(ContentModel):
    kinds: tuple[Choice, ...] = sv("typer", "Slag av granskning.", min_length=1)


class IndicatorSettings(ContentModel):
    sources: tuple[Choice, ...] = sv("källor", "Varifrån indikatorerna kommer.", min_length=1)


Level = Literal["förvaltning", "avdelning", "enhet"]


class ReportLevels(ContentModel):
    """The level of the organisation each section tables its figures at."""

    complaints: Level = sv("klagomål", "förvaltning, avdelning eller enhet.", default="enhet")
    deviations: Level = sv("avvikelser", "förvaltning, avdelning eller enhet.", default="enhet")
    sarah: Level = sv("lex_sarah", "förvaltning, avdelning eller enhet.", default="enhet")
    maria: Level = sv("lex_maria", "förvaltning, avdelning eller enhet.", default="enhet")
    incidents: Level = sv(
        "personuppgiftsincidenter", "förvaltning, avdelning eller enhet.", default="enhet"
    )
    unenforced: Level = sv(
        "ej_verkställda_beslut", "förvaltning, avdelning eller enhet.", default="enhet"
    )


class CountedThing(ContentModel):
    """What a figure counts, in every form a text may write beside a number (the narrative rule)."""

    figure: Text = sv("figur", "Figuren som räknar saken, t.ex. klagomal.total.")
    words: tuple[Text, ...] = sv(
        "ord",
        "Ordet i alla böjningar, t.ex. [synpunkt, synpunkten, synpunkter, synpunkterna].",
        min_length=1,
    )


class ReportConfig(ContentModel):
    """Everything about the berättelse that an organisation may configure."""

    risk: RiskMatrix = sv("riskmatris", "Skalor och klasser för riskbedömning.")
    complaints: ComplaintSettings = sv("klagomål", "Källor och kategorier för klagomål.")
    deviations: tuple[DeviationKind, ...] = sv("avvikelser", "Slag av avvikelser.", min_length=1)
    grades: tuple[Choice, ...] = sv(
        "avvikelsegrader",
        "Skala för allvarlighetsgrad och risk för upprepning av avvikelser, lägst först.",
        default=DEFAULT_GRADES,
        min_length=1,
    )
    # Reports grade recurrence on a scale of its own ("mycket liten" … "mycket stor") more
    # often than not; without one, both columns share avvikelsegrader as before.
    recurrence_grades: tuple[Choice, ...] | None = sv(
        "upprepningsgrader",
        "Egen skala för risk för upprepning, lägst först, t.ex. mycket liten, liten, stor, "
        "mycket stor; utan den gäller avvikelsegrader även för risk för upprepning.",
        default=None,
        min_length=1,
    )
    partners: tuple[Choice, ...] = sv(
        "samverkan_med",
        "Vilka avvikelser i samverkan skickas till eller kommer från (motpart), t.ex. "
        "{id: regionen, namn: regionen} och {id: andra-forvaltningar, namn: andra förvaltningar}; "
        "den första gäller när en rad inte anger motpart.",
        default=DEFAULT_PARTNERS,
        min_length=1,
    )
    sarah: SarahSettings = sv("lex_sarah", "Kategorier och mål för utredningstid, lex Sarah.")
    maria: MariaSettings = sv(
        "lex_maria", "Mål för utredningstid, lex Maria.", default_factory=MariaSettings
    )
    reviews: ReviewSettings = sv("granskningar", "Slag av granskningar.")
    indicators: IndicatorSettings = sv("indikatorer", "Källor för indikatorer.")
    key_figures: tuple[str, ...] = Field(
        default=(), alias="nyckeltal", description="Figurnamn som visas överst i berättelsen."
    )
    levels: ReportLevels = sv(
        "redovisningsnivå",
        "Nivån i organisationen som varje avsnitt redovisar per, t.ex. klagomål: avdelning.",
        default_factory=ReportLevels,
    )
    small_base: int = sv(
        "små_tal_under",
        "Under detta värde visas en förändring som 'från 1 till 2', aldrig i procent.",
        default=10,
        ge=1,
    )
    counted: tuple[CountedThing, ...] = sv(
        "räknas",
        "Vad figurerna räknar: ett tal direkt före eller efter ordet i en text ska vara en figur.",
        default=(),
    )

    groups: tuple[UnitGroup, ...] = sv("enhetsgrupper", GROUPS_HELP, default=())
    own: tuple[OwnKind, ...] = sv(
        "egna_uppgifter",
        "Egna räknade uppgifter, t.ex. domar: namn, ord, kolumner, summor och avsnitt.",
        default=(),
    )

    @model_validator(mode="after")
    def _kinds_unique(self) -> ReportConfig:
        _unique(
            tuple(Choice.model_construct(id=k.id, name=k.name) for k in self.deviations),
            "avvikelser",
        )
        _unique(
            tuple(Choice.model_construct(id=k.id, name=k.name) for k in self.own), "egna_uppgifter"
        )
        _unique(
            tuple(Choice.model_construct(id=g.id, name=g.name) for g in self.groups),
            "enhetsgrupper",
        )
        self._own_words_apart()
        return self

    def groups_of(self, year: int) -> tuple[UnitGroup, ...]:
        """The enhetsgrupper that apply to `year` (från_år)."""
        return groups_of_year(self.groups, year)

    def taken_words(self) -> dict[str, str]:
        """Word (casefolded) → the figure it counts, from räknas and the avvikelse kinds."""
        taken = {w.casefold(): t.figure for t in self.counted for w in t.words}
        return taken | {k.label.casefold(): f"avvikelser.{k.id}.total" for k in self.deviations}

    def _own_words_apart(self) -> None:
        """Each word of an own kind names only its figure: "12 domar" has one figure to offer."""
        taken = self.taken_words()
        for kind in self.own:
            mine = f"{kind.id}.total"
            for word in kind.words:
                other = taken.setdefault(word.casefold(), mine)
                if other != mine:
                    raise PydanticCustomError(
                        "sv_word_clash",
                        f'ordet "{word}" i {kind.id} räknas redan av figuren {other}',
                        {"field": "egna_uppgifter"},
                    )

    def deviation_kind(self, kind_id: str) -> DeviationKind | None:
        return next((k for k in self.deviations if k.id == kind_id), None)

    @property
    def recurrence_scale(self) -> tuple[Choice, ...]:
        """The scale of risk för upprepning: upprepningsgrader, else avvikelsegrader."""
        return self.recurrence_grades or self.grades


def names(choices: tuple[Choice, ...]) -> dict[str, str]:
    """{id: namn} of a configured list, in its order."""
    return {c.id: c.name for c in choices}
