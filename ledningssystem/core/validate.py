"""Cross-reference checks: every id a file names must exist."""

from __future__ import annotations

from collections.abc import Iterator, Sequence, Set
from typing import TypeVar

from ledningssystem.core.errors import ContentError, field_label
from ledningssystem.core.model.base import ContentModel
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.document import ControlledDocument
from ledningssystem.core.model.process import Process
from ledningssystem.core.model.routine import Routine
from ledningssystem.core.validate_register import RegisterChecks

ORG_WHERE = "roles/organisation.yml"
T = TypeVar("T")


def validate_references(
    content: Ledningssystem,
    organisation_loaded: bool = True,
    unusable_ids: Set[str] = frozenset(),
    salvaged: Sequence[ContentModel] = (),
) -> list[ContentError]:
    """All broken references in the content, each pointing at the file and line that names it.

    `salvaged` are models of files that failed validation, rebuilt from what validated: their
    references are checked too, so one run tells everything (see salvage.py)."""
    check = _Checker(content, organisation_loaded, unusable_ids)
    for process in [*content.processes.values(), *_of(salvaged, Process)]:
        check.process(process)
    for routine in [*(doc.meta for doc in content.routines.values()), *_of(salvaged, Routine)]:
        check.routine(routine)
    check.register()
    for role in content.roles.values():
        check.listed(
            role, "git_per_enhet", role.unit_handles, check.units, "organisationsdelen", ORG_WHERE
        )
    check.default_reviewer(content)
    for activity in content.activities:
        check.ref(
            activity, ("ansvarig",), activity.responsible, check.roles, "rollen", "roles/roller.yml"
        )
        if activity.process:
            check.ref(
                activity,
                ("process",),
                activity.process,
                content.processes,
                "processen",
                "processes/",
            )
    return check.errors


def _of(models: Sequence[ContentModel], kind: type[T]) -> list[T]:
    return [m for m in models if isinstance(m, kind)]


class _Checker(RegisterChecks):
    def document(self, doc: ControlledDocument) -> None:
        self.ref(doc, ("ägare",), doc.owner, self.roles, "rollen", "roles/roller.yml")
        if doc.owner_unit:
            self.ref(doc, ("ägare",), doc.owner_unit, self.units, "organisationsdelen", ORG_WHERE)
        if doc.approved_by:
            self.ref(
                doc, ("fastställd_av",), doc.approved_by, self.roles, "rollen", "roles/roller.yml"
            )

    def default_reviewer(self, content: Ledningssystem) -> None:
        """The configured default reviewer must be a role (the built-in default may be absent)."""
        settings = content.settings
        if "review" in settings.model_fields_set:
            path = ("granskning", "standardgranskare")
            reviewer = settings.review.default_reviewer
            self.ref(settings, path, reviewer, self.roles, "rollen", "roles/roller.yml")

    def process(self, process) -> None:  # noqa: ANN001 - Process
        self.document(process)
        self.listed(
            process,
            "enheter",
            process.units,
            self.units,
            "organisationsdelen",
            "roles/organisation.yml",
        )
        self.listed(
            process,
            "lagkrav",
            process.requirements,
            self.requirements,
            "lagkravet",
            "requirements/",
        )
        step_ids = {s.id: s.name for s in process.steps}
        step_list = [s.id for s in process.steps]
        for dup in _repeated(step_list):
            index = step_list.index(dup, step_list.index(dup) + 1)
            self.errors.append(
                ContentError(
                    process.origin.file,
                    process.origin.line("steg", index, "id"),
                    field_label(("steg", index, "id")),
                    f'steget "{dup}" finns två gånger i processen',
                    "Ge stegen olika id.",
                )
            )
        for i, step in enumerate(process.steps):
            base = ("steg", i)
            self.ref(
                process,
                (*base, "utförare"),
                step.performer,
                self.roles,
                "rollen",
                "roles/roller.yml",
            )
            for role_id in step.responsibility:
                self.ref(
                    process,
                    (*base, "ansvar", role_id),
                    role_id,
                    self.roles,
                    "rollen",
                    "roles/roller.yml",
                )
            for j, routine_id in enumerate(step.routines):
                self.ref(
                    process,
                    (*base, "rutiner", j),
                    routine_id,
                    self.content.routines,
                    "rutinen",
                    "routines/",
                )
            self.flows(process, base, step.next, step_ids, step.id)

    def flows(self, process, base, flows, step_ids, own) -> None:  # noqa: ANN001 - Process, FlowTo
        """`nästa`: steps of this process, other processes (not itself)."""
        for j, flow in enumerate(flows):
            path = (*base, "nästa", j)
            if flow.step == own:
                self.errors.append(
                    ContentError(
                        process.origin.file,
                        process.origin.line(*path),
                        field_label(path),
                        f'steget "{own}" pekar på sig självt',
                        "Skriv vilket steg som kommer efter, eller ta bort raden.",
                    )
                )
            elif flow.step is not None:
                where = f"stegen i {process.origin.file}"
                self.ref(process, path, flow.step, step_ids, "steget", where)
            elif flow.process == process.id:
                self.errors.append(
                    ContentError(
                        process.origin.file,
                        process.origin.line(*path),
                        field_label(path),
                        "en process kan inte lämna över till sig själv",
                        "Peka på ett steg i processen med {steg: id} i stället.",
                    )
                )
            elif flow.process is not None:
                known = self.content.processes
                self.ref(process, path, flow.process, known, "processen", "processes/")

    def routine(self, routine) -> None:  # noqa: ANN001 - Routine
        self.document(routine)
        self.listed(
            routine,
            "enheter",
            routine.units,
            self.units,
            "organisationsdelen",
            "roles/organisation.yml",
        )
        self.listed(
            routine,
            "lagkrav",
            routine.requirements,
            self.requirements,
            "lagkravet",
            "requirements/",
        )
        for i, target in enumerate(routine.supports):
            process_id, _, step_id = target.partition("/")
            process = self.content.processes.get(process_id)
            if process is None:
                self.ref(
                    routine,
                    ("processer", i),
                    process_id,
                    self.content.processes,
                    "processen",
                    "processes/",
                )
            elif step_id:
                self.ref(
                    routine,
                    ("processer", i),
                    step_id,
                    {s.id: s.name for s in process.steps},
                    f'steget i processen "{process_id}":',
                    process.origin.file,
                )


def _repeated(values: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for value in values:
        if value and value in seen:  # empty: a salvaged step's missing id, already reported
            yield value
        seen.add(value)
