"""The one mechanism of the handbook's reference checks: an id must name something that exists.

The checker keeps the names an author recognises, so a typo gets "Menade du …" with a title;
validate.py and validate_register.py add the rules of each kind of file.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Set

from ledningssystem.core.errors import ContentError, field_label
from ledningssystem.core.model.base import ContentModel
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.references import unknown_reference


class ReferenceChecker:
    """Records one ContentError for each reference to an id that does not exist."""

    def __init__(self, content: Ledningssystem, organisation_loaded: bool, unusable: Set[str]):
        self.content = content
        self.unusable = unusable
        self.roles = content.roles
        self.units = content.org_names if organisation_loaded else None
        self.requirements = content.requirements
        self.errors: list[ContentError] = []
        # Ids with the names an author recognises: "Menade du "genomfora" – Utföra insatsen?"
        self.names: dict[int, Mapping[str, str]] = {
            id(content.roles): {r.id: r.name for r in content.roles.values()},
            id(content.processes): {p.id: p.name for p in content.processes.values()},
            id(content.routines): {r: d.meta.title for r, d in content.routines.items()},
        }

    def ref(
        self,
        model: ContentModel,
        path: tuple[str | int, ...],
        value: str,
        known: Iterable[str] | None,
        what: str,
        where: str,
    ) -> None:
        # An empty id is a salvaged file's missing value (salvage.py), already reported.
        if known is None or not value or value in self.unusable:
            return
        if isinstance(known, Collection) and not isinstance(known, str) and value in known:
            return  # the common case, without building the names of a "Menade du …"
        names = self.names.get(id(known))
        if (
            names is None
            and isinstance(known, Mapping)
            and all(isinstance(v, str) for v in known.values())
        ):
            names = known  # already id → name, e.g. a process's steps
        error = unknown_reference(
            model, path, field_label(path), value, known, what, where, names=names
        )
        if error is not None:
            self.errors.append(error)

    def listed(
        self,
        model: ContentModel,
        key: str,
        values: Iterable[str],
        known: Iterable[str] | None,
        what: str,
        where: str,
    ) -> None:
        for i, value in enumerate(values):
            self.ref(model, (key, i), value, known, what, where)
