"""The whole ledningssystem as one validated model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ledningssystem.core.model.calendar import Activity
from ledningssystem.core.model.organisation import Organisation
from ledningssystem.core.model.process import Process, ProcessType
from ledningssystem.core.model.requirement import Requirement, RequirementSource
from ledningssystem.core.model.role import Role
from ledningssystem.core.model.routine import RoutineDocument
from ledningssystem.core.model.settings import Settings

if TYPE_CHECKING:
    # Type only: the berättelse (report/) is loaded after the handbook and builds on this
    # model, so the core never imports it at run time.
    from ledningssystem.report.data import Reports


@dataclass(frozen=True)
class RegisteredRequirement:
    """A requirement together with the law or regulation it comes from."""

    requirement: Requirement
    source: RequirementSource

    @property
    def id(self) -> str:
        return self.requirement.id

    @property
    def reference(self) -> str:
        return self.requirement.reference(self.source.source)

    @property
    def ends(self) -> dt.date | None:
        """The krav's own end date, else its law's: a repealed law ends every krav in it."""
        return self.requirement.ends or self.source.ends

    @property
    def starts(self) -> dt.date | None:
        return self.requirement.valid_from or self.source.valid_from

    def ended(self, today: dt.date) -> bool:
        return self.ends is not None and self.ends <= today


@dataclass(frozen=True)
class Ledningssystem:
    """Everything loaded from a content root, in stable (sorted) order."""

    root: str
    settings: Settings
    organisation: Organisation
    roles: dict[str, Role]
    processes: dict[str, Process]
    routines: dict[str, RoutineDocument]
    requirement_sources: tuple[RequirementSource, ...]
    activities: tuple[Activity, ...] = ()
    # The yearly kvalitetsberättelser (reports/); None when loaded without them.
    reports: Reports | None = None
    # Ids of files that could not be read or validated: their own errors are reported, so
    # references to them are not reported again.
    unusable_ids: frozenset[str] = frozenset()

    @cached_property
    def requirements(self) -> dict[str, RegisteredRequirement]:
        return {
            req.id: RegisteredRequirement(req, src)
            for src in self.requirement_sources
            for req in src.requirements
        }

    def processes_of_type(self, kind: ProcessType) -> list[Process]:
        found = [p for p in self.processes.values() if p.type is kind]
        return sorted(found, key=lambda p: (p.order, p.name))

    @cached_property
    def routines_by_step(self) -> dict[tuple[str, str | None], list[str]]:
        """Rutin ids per (process, step) and per (process, None), from both link directions."""
        links: dict[tuple[str, str | None], set[str]] = {}
        for process in self.processes.values():
            for step in process.steps:
                for routine_id in step.routines:
                    links.setdefault((process.id, step.id), set()).add(routine_id)
                    links.setdefault((process.id, None), set()).add(routine_id)
        for routine_id, doc in self.routines.items():
            for target in doc.meta.supports:
                process_id, _, step_id = target.partition("/")
                links.setdefault((process_id, None), set()).add(routine_id)
                if step_id:
                    links.setdefault((process_id, step_id), set()).add(routine_id)
        return {key: sorted(ids) for key, ids in sorted(links.items(), key=_link_key)}

    def routines_for(self, process_id: str, step_id: str | None = None) -> list[RoutineDocument]:
        ids = self.routines_by_step.get((process_id, step_id), [])
        return [self.routines[i] for i in ids if i in self.routines]

    @cached_property
    def handovers_by_target(self) -> dict[str, list[tuple[str, str]]]:
        """Process id → (process id, step id) of every step that hands its flow over to it.

        One pass over every flow: each process map asks who starts it, and a scan of all
        processes per map made a full build quadratic in the number of processes."""
        found: dict[str, list[tuple[str, str]]] = {}
        for process in self.processes.values():
            for step in process.steps:
                targets = dict.fromkeys(f.process for f in step.next if f.process is not None)
                for target in targets:
                    found.setdefault(target, []).append((process.id, step.id))
        return found

    @cached_property
    def org_names(self) -> dict[str, str]:
        return self.organisation.node_names()

    @property
    def today(self):  # noqa: ANN201 - a date
        return self.settings.effective_today()


def _link_key(item: tuple[tuple[str, str | None], set[str]]) -> tuple[str, str]:
    (process_id, step_id), _ = item
    return process_id, step_id or ""
