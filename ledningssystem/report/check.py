"""Cross-checks of one year's data as a table of rules: ids that must exist, scales, unique ids.

Each data file has its rules in ROW_RULES; a new field that names something adds a rule
there. The reference mechanism itself is shared with the handbook
(ledningssystem/core/references.py).
"""

from __future__ import annotations

from typing import Any

from ledningssystem.core.errors import ContentError
from ledningssystem.core.file_names import ORGANISATION_FILE
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.check_rules import CONFIG, Rule, YearChecker, ids, one, reference, role
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData

SUM_WORDS = {"summa", "totalt", "total", "alla"}


def unit(check: YearChecker, row: Any) -> None:
    if row.unit in SUM_WORDS:
        check.fail(
            row,
            "enhet",
            "en summerad rad hör inte hemma i datafilen; portalen räknar summorna själv",
            "Ta bort raden. Vill du kontrollera en summa, skriv den under kontrollsummor "
            "i report.yml.",
        )
        return
    check.known(row, "enhet", row.unit, check.units, "enheten", ORGANISATION_FILE)


def process_step(check: YearChecker, row: Any) -> None:
    """The row's process (and step, if any) must exist; a row without a process passes."""
    if row.process is None:
        return
    processes = check.content.processes
    check.known(row, "process", row.process, processes, "processen", "processes/")
    process = processes.get(row.process)
    step = getattr(row, "step", None)
    if process is not None and step is not None:
        steps = [s.id for s in process.steps]
        what = f'steget i processen "{row.process}":'
        check.known(row, "steg", step, steps, what, process.origin.file)


def deviation_category(check: YearChecker, row: Any) -> None:
    kind = check.config.deviation_kind(row.kind)
    if kind is not None:
        categories = [c.id for c in kind.categories]
        what = f'kategorin för "{kind.id}"'
        check.known(row, "kategori", row.category, categories, what, "avvikelser i " + CONFIG)


def risk_scale(check: YearChecker, row: Any) -> None:
    """Likelihood and consequence on the configured scale; a high risk needs an action."""
    scale = check.config.risk
    on_scale = True
    for field, value, steps in (
        ("sannolikhet", row.likelihood, scale.likelihood),
        ("konsekvens", row.consequence, scale.consequence),
    ):
        if not 1 <= value <= len(steps):
            on_scale = False
            check.fail(
                row,
                field,
                f"{field} {value} ligger utanför skalan 1–{len(steps)}",
                f"Skalan är {', '.join(f'{i} {s}' for i, s in enumerate(steps, 1))}.",
            )
    high = on_scale and scale.action_from and row.value >= scale.action_from
    if high and not row.action and row.accepted is None:  # an accepted risk needs no action
        check.fail(
            row,
            "åtgärd",
            f"risken har riskvärde {row.value} och måste ha en åtgärd eller ett beslut "
            "att acceptera den",
            f"Risker med värde {scale.action_from} eller mer kräver en åtgärd, eller "
            "accepterad: {beslut: …, av: …, datum: ÅÅÅÅ-MM-DD, motivering: …}.",
        )


def _same_body(field: str, attribute: str, what: str) -> Rule:
    """report.yml must name the nämnd or förvaltning of roles/organisation.yml."""

    def rule(check: YearChecker, meta: Any) -> None:
        body = getattr(check.content.organisation, attribute)
        if body.id and getattr(meta, attribute) != body.id:
            check.fail(
                meta,
                field,
                f'{what} "{getattr(meta, attribute)}" finns inte',
                f'{what[:1].upper()}{what[1:]} i {ORGANISATION_FILE} har id "{body.id}".',
            )

    return rule


META_RULES: tuple[Rule, ...] = (
    _same_body("nämnd", "board", "nämnden"),
    _same_body("förvaltning", "administration", "förvaltningen"),
    role("sammanställd_av", "compiled_by"),
)

# Per data file (YearData attribute), the rules every row must pass.
ROW_RULES: dict[str, tuple[Rule, ...]] = {
    "complaints": (
        unit,
        reference(
            "från",
            one("source"),
            ids(lambda c: c.complaints.sources),
            "källan",
            f"klagomål › källor i {CONFIG}",
        ),
        reference(
            "kategorier",
            lambda row: row.categories,
            ids(lambda c: c.complaints.categories),
            "kategorin",
            f"klagomål › kategorier i {CONFIG}",
        ),
        reference(
            "slag",
            one("kind"),
            ids(lambda c: c.complaints.kinds),
            "slaget",
            f"klagomål › slag i {CONFIG}",
        ),
        reference(
            "fler_enheter",
            lambda row: row.more_units,
            lambda c: c.units,
            "enheten",
            ORGANISATION_FILE,
        ),
    ),
    "deviations": (
        unit,
        reference(
            "typ",
            one("kind"),
            ids(lambda c: c.deviations),
            "avvikelsetypen",
            "avvikelser i " + CONFIG,
        ),
        deviation_category,
        reference(
            "allvarlighetsgrad",
            one("severity"),
            ids(lambda c: c.grades),
            "graden",
            f"avvikelsegrader i {CONFIG}",
        ),
        reference(
            "risk_för_upprepning",
            one("recurrence"),
            ids(lambda c: c.recurrence_scale),
            "graden",
            f"upprepningsgrader (annars avvikelsegrader) i {CONFIG}",
        ),
        reference(
            "motpart",
            one("partner"),
            ids(lambda c: c.partners),
            "motparten",
            f"samverkan_med i {CONFIG}",
        ),
    ),
    "sarah": (
        unit,
        reference(
            "kategori",
            one("category"),
            ids(lambda c: c.sarah.categories),
            "kategorin",
            f"lex_sarah › kategorier i {CONFIG}",
        ),
    ),
    "maria": (unit,),
    "incidents": (unit,),
    "unenforced": (unit,),
    "risks": (process_step, role("ansvarig", "owner"), risk_scale),
    "self_checks": (process_step,),
    "indicators": (
        reference(
            "källa",
            one("source"),
            ids(lambda c: c.indicators.sources),
            "källan",
            f"indikatorer › källor i {CONFIG}",
        ),
    ),
    "reviews": (
        reference(
            "typ",
            one("kind"),
            ids(lambda c: c.reviews.kinds),
            "granskningstypen",
            f"granskningar › typer i {CONFIG}",
        ),
    ),
    "actions": (role("ansvarig", "owner"), process_step),
}

# Data files whose rows carry an id that must be unique within the file.
UNIQUE_IDS = (
    "risks",
    "self_checks",
    "indicators",
    "reviews",
    "actions",
    "sarah",
    "maria",
    "complaints",
    "unenforced",
)


def check_year(data: YearData, config: ReportConfig, content: Ledningssystem) -> list[ContentError]:
    """Every reference and scale problem in one year's data."""
    check = YearChecker(content, config)
    if check.units is not None:  # a row may name an enhetsgrupp of the year as its unit
        check.units = [*check.units, *(g.id for g in config.groups_of(data.year))]
    for rule in META_RULES:
        rule(check, data.meta)
    for attribute, rules in ROW_RULES.items():
        for row in getattr(data, attribute) or ():
            for rule in rules:
                rule(check, row)
    for attribute in UNIQUE_IDS:
        check.unique(getattr(data, attribute) or ())
    _own_values(check, data, config)
    _earlier_measures(check, data)
    return check.errors


def _earlier_measures(check: YearChecker, data: YearData) -> None:
    """An egenkontroll's earlier value must be from a year before the berättelse's."""
    for row in data.self_checks or ():
        if row.earlier is not None and row.earlier.year >= data.year:
            check.fail(
                row,
                "tidigare",
                f"året för det tidigare värdet ({row.earlier.year}) måste vara före {data.year}",
                f"Skriv t.ex. tidigare: {{år: {data.year - 1}, värde: …}}.",
            )


def _own_values(check: YearChecker, data: YearData, config: ReportConfig) -> None:
    """Each row of an own kind: its unit, and every column value among the configured ones."""
    sections = [s.id for s in data.template.walk()]
    for kind in (k for k in config.own if k.applies_to(data.year)):
        if kind.id in data.own and kind.section_in(sections) is None:  # ingen_data: not shown
            # Told once per template, not per year that uses it (errors are a set).
            check.errors.append(
                ContentError(
                    kind.origin.file,
                    kind.origin.line("avsnitt"),
                    f"egna_uppgifter › {kind.id} › avsnitt",
                    f'mallen "{data.template.id}" har inget av avsnitten '
                    + ", ".join(kind.sections),
                    "Avsnitt i mallen: " + ", ".join(sections) + ".",
                )
            )
        for row in data.own.get(kind.id, ()):
            unit(check, row)
            for column in kind.columns:
                known = [v.id for v in column.values]
                where = f"egna_uppgifter › {kind.id} › kolumner › {column.id} i {CONFIG}"
                check.known(row, column.id, row.value(column.id), known, "värdet", where)
