"""The ids an imported value may take: from the organisation, config.yml and the data model."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.slug import slugify
from ledningssystem.report.case_process import Handling, IvoOutcome
from ledningssystem.report.importer.mapping import ImportKind
from ledningssystem.report.own_kinds import OwnKind
from ledningssystem.report.unenforced import Gender, Law

UNKNOWN = "okänt"
# Fields whose ids are fixed by the data model; okänt where the model accepts an unknown.
CHOICES: dict[str, tuple[str, ...]] = {
    "lagrum": (*(law.value for law in Law), UNKNOWN),
    "kön": (*(gender.value for gender in Gender), UNKNOWN),
    "hantering": tuple(h.value for h in Handling),
    "ivo_beslut": (*(o.value for o in IvoOutcome), UNKNOWN),
    "samverkan": ("skickad", "mottagen"),
}
# Fields that may be left empty in an export: the data file then leaves them out too.
OPTIONAL_IDS = {
    "hantering",
    "ivo_beslut",
    "slag",
    "allvarlighetsgrad",
    "risk_för_upprepning",
    "samverkan",
    "motpart",
}


@dataclass(frozen=True)
class Known:
    """The ids an imported value may take: units, kinds, categories and sources."""

    units: frozenset[str]
    deviation_kinds: dict[str, tuple[str, ...]]  # kind id → its categories
    complaint_sources: tuple[str, ...]
    complaint_categories: tuple[str, ...]
    sarah_categories: tuple[str, ...] = ()
    sarah_assessments: tuple[str, ...] = ()
    complaint_kinds: tuple[str, ...] = ("klagomal", "synpunkt", "forslag", "berom")
    deviation_grades: tuple[str, ...] = ("lag", "medel", "hog")
    recurrence_grades: tuple[str, ...] | None = None  # upprepningsgrader; else deviation_grades
    partners: tuple[str, ...] = ("regionen",)
    own_kinds: tuple[OwnKind, ...] = ()  # egna_uppgifter, imported by importer/own.py

    def ids(
        self, name: str, event: dict[str, object], kind: ImportKind | None = None
    ) -> tuple[str, ...] | None:
        if kind is ImportKind.SARAH and name in {"kategori", "bedömning"}:
            if name == "kategori":
                return (*self.sarah_categories, UNKNOWN)
            return (*self.sarah_assessments, UNKNOWN)
        if name in CHOICES:
            return CHOICES[name]
        by_name: dict[str, tuple[str, ...]] = {
            "enhet": (*sorted(self.units), UNKNOWN),
            "fler_enheter": tuple(sorted(self.units)),
            "typ": (*self.deviation_kinds, UNKNOWN),
            "kategori": (*self._categories_of(str(event.get("typ"))), UNKNOWN),
            "från": (*self.complaint_sources, UNKNOWN),
            "kategorier": (*self.complaint_categories, UNKNOWN),
            "slag": (*self.complaint_kinds, UNKNOWN),
            "allvarlighetsgrad": (*self.deviation_grades, UNKNOWN),
            "risk_för_upprepning": (*(self.recurrence_grades or self.deviation_grades), UNKNOWN),
            "motpart": self.partners,
        }
        return by_name.get(name)

    def _categories_of(self, kind: str) -> tuple[str, ...]:
        """The kind's categories; for typ okänt those of every kind (its category may be known)."""
        if kind in self.deviation_kinds:
            return self.deviation_kinds[kind]
        every = (c for ids in self.deviation_kinds.values() for c in ids)
        return tuple(dict.fromkeys(every)) if kind == UNKNOWN else ()


def spelled_id(name: str, value: str, ids: tuple[str, ...]) -> str | None:
    """The id an export writes as a word ("Klagomål", "Hög", "För kännedom"), if any.

    Only for fields whose ids are a short fixed list (not units or categories, which
    a mapping names one by one), so that the common spellings need no value table.
    """
    if name not in OPTIONAL_IDS and name not in CHOICES:
        return None
    wanted = slugify(value)
    return next((i for i in ids if slugify(i) == wanted), None)
