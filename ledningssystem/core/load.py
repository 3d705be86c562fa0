"""Read the content root from disk: the only module that opens content files.

Everything is read, parsed and validated in one pass; all problems are
collected and raised together as ContentErrors.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

from ledningssystem.core.errors import ContentError
from ledningssystem.core.facts import fact_errors
from ledningssystem.core.file_names import (
    CALENDAR_FILE,
    ORGANISATION_FILE,
    ROLES_FILE,
    SETTINGS_FILE,
)
from ledningssystem.core.file_scan import scan_files
from ledningssystem.core.model.base import ContentModel, Source
from ledningssystem.core.model.calendar import Activity
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.organisation import Organisation
from ledningssystem.core.model.process import Process
from ledningssystem.core.model.requirement import Requirement, RequirementSource
from ledningssystem.core.model.role import Role
from ledningssystem.core.model.routine import Routine, RoutineDocument
from ledningssystem.core.model.settings import Settings
from ledningssystem.core.reading import (
    ContentReader,
    renders_macros,
    split_front_matter,
    sub_lines,
)
from ledningssystem.core.salvage import salvage
from ledningssystem.core.validate import validate_references
from ledningssystem.core.yaml_lines import LineMap

M = TypeVar("M", bound=ContentModel)
_ID_LINE = re.compile(r"^id:\s*[\"']?([a-z0-9-]+)", re.M)


def read_handbook(root: Path) -> tuple[Ledningssystem, HandbookReader]:
    """The handbook's files read and their references checked; problems on reader.errors.

    portal.load adds the berättelse, facts and links to the same list of problems.
    """
    reader = HandbookReader(root)
    settings = reader.settings()
    organisation = reader.one(ORGANISATION_FILE, Organisation)
    content = Ledningssystem(
        root=str(root),
        settings=settings,
        organisation=organisation or Organisation.empty(),
        roles=reader.keyed(reader.listed(ROLES_FILE, "roller", Role)),
        processes=reader.keyed(reader.each("processes", "*.yml", Process)),
        routines=reader.routines(),
        requirement_sources=reader.requirement_sources(),
        activities=tuple(reader.listed(CALENDAR_FILE, "aktiviteter", Activity, optional=True)),
        unusable_ids=frozenset(reader.unusable_ids),  # last: after every file was read
    )
    # personnummer (exempted by hash with the portal's salt), links out, markup in docs/
    scan_files(reader, SETTINGS_FILE, settings)
    reader.errors.extend(
        validate_references(
            content,
            organisation_loaded=organisation is not None,
            unusable_ids=reader.unusable_ids,
            salvaged=reader.salvaged,
        )
    )
    return content, reader


class HandbookReader(ContentReader):
    """Reads the handbook's files relative to the root, collecting every error."""

    def __init__(self, root: Path):
        super().__init__(root)
        # Ids of files that failed validation: references to them are not reported again.
        self.unusable_ids: set[str] = set()
        # Models of files that failed validation, rebuilt from what validated (salvage.py),
        # so their references are checked in the same run.
        self.salvaged: list[ContentModel] = []

    def build(
        self,
        model: type[M],
        data: Any,
        file: str,
        lines: LineMap,
        prefix: tuple[str | int, ...] = (),
    ) -> M | None:
        built = self.validate(model, data, file, lines, prefix)
        if built is None and isinstance(data, dict) and isinstance(data.get("id"), str):
            self.unusable_ids.add(data["id"])
        if built is None:
            salvaged = salvage(model, data)
            if salvaged is not None:  # still check its references in this run
                self.salvaged.append(salvaged.with_source(Source(file, sub_lines(lines, prefix))))
        return built

    def one(self, name: str, model: type[M], optional: bool = False) -> M | None:
        path = self.root / name
        if not path.exists():
            if not optional:
                self.add(name, None, "", "filen saknas", f"Skapa {name}.")
            return None
        parsed = self.yaml(path)
        return self.build(model, parsed[0], name, parsed[1]) if parsed else None

    def listed(self, name: str, key: str, model: type[M], optional: bool = False) -> list[M]:
        """Models from a file holding `key:` with a list, each item validated on its own."""
        path = self.root / name
        if not path.exists():
            if not optional:
                self.add(name, None, "", "filen saknas", f"Skapa {name} med en lista under {key}:.")
            return []
        parsed = self.yaml(path)
        if parsed is None:
            return []
        data, lines = parsed
        items = _list_under(data, key)
        if items is None:
            self.add(
                name,
                lines.line(),
                key,
                f"filen ska ha en lista under {key}:",
                f'Börja filen med raden "{key}:" och skriv ett objekt per "- ".',
            )
            return []
        built = (self.build(model, item, name, lines, (key, i)) for i, item in enumerate(items))
        return [m for m in built if m is not None]

    def each(self, folder: str, pattern: str, model: type[M]) -> list[M]:
        found = []
        for path in sorted((self.root / folder).glob(pattern)):
            parsed = self.yaml(path)
            if parsed is None:
                self.unreadable(path)
            else:
                built = self.build(model, parsed[0], self.rel(path), parsed[1])
                if built is not None:
                    found.append(built)
        return found

    def unreadable(self, path: Path, text: str | None = None) -> None:
        """A file that could not be parsed: references to its id are not reported again."""
        self.unusable_ids.add(path.stem)
        found = _ID_LINE.search(text if text is not None else self.text(path) or "")
        if found:
            self.unusable_ids.add(found.group(1))

    def keyed(self, models: list[M]) -> dict[str, M]:
        """Models by id; the first wins, duplicates are reported by validate_references."""
        keyed: dict[str, M] = {}
        for model in models:
            keyed.setdefault(model.id, model)  # type: ignore[attr-defined]
        self.errors.extend(_duplicates(models))
        return keyed

    def check_facts(self, known: dict[str, str]) -> None:
        """Every {{ fakta("…") }} in processes, rutiner and macro pages of docs/ must exist."""
        files = sorted((self.root / "processes").glob("*.yml"))
        files += sorted((self.root / "routines").rglob("*.md"))
        files += [p for p in sorted((self.root / "docs").rglob("*.md")) if _renders_macros(p)]
        for path in files:
            text = self.text(path)
            if text and "fakta" in text:
                self.errors.extend(fact_errors(self.rel(path), text, known))

    def docs_markdown(self) -> dict[str, str | None]:
        """Every file of docs/ by its path inside docs/; the text of Markdown pages, else None."""
        docs = self.root / "docs"
        files = [p for p in sorted(docs.rglob("*")) if p.is_file()] if docs.is_dir() else []
        return {
            p.relative_to(docs).as_posix(): self.text(p) if p.suffix == ".md" else None
            for p in files
        }

    def settings(self) -> Settings:
        return self.one(SETTINGS_FILE, Settings, optional=True) or Settings()

    def routines(self) -> dict[str, RoutineDocument]:
        docs = [d for d in map(self.routine, sorted((self.root / "routines").rglob("*.md"))) if d]
        self.errors.extend(_duplicates([d.meta for d in docs]))
        keyed: dict[str, RoutineDocument] = {}
        for doc in docs:
            keyed.setdefault(doc.meta.id, doc)
        return keyed

    def routine(self, path: Path) -> RoutineDocument | None:
        text = self.text(path)
        if text is None:
            return None
        split = split_front_matter(text)
        if split is None:
            self.unreadable(path, text)
            unclosed = text.lstrip("\ufeff").split("\n", 1)[0].strip() == "---"
            self.add(
                self.rel(path),
                1,
                "",
                "metadata överst i filen avslutas aldrig med en rad ---"
                if unclosed
                else "rutinen saknar metadata överst i filen",
                "Skriv en rad med bara --- efter sista metadataraden (före rutinens text)."
                if unclosed
                else "Börja filen med en rad ---, metadata (id, titel, …) och en rad ---.",
            )
            return None
        front, body, body_line = split
        parsed = self.yaml(path, line_offset=1, text=front)
        if parsed is None:
            self.unreadable(path, front)
            return None
        meta = self.build(Routine, parsed[0], self.rel(path), parsed[1])
        return RoutineDocument(meta, body, body_line) if meta else None

    def requirement_sources(self) -> tuple[RequirementSource, ...]:
        sources = [
            s
            for s in map(
                self.requirement_source, sorted((self.root / "requirements").glob("*.yml"))
            )
            if s
        ]
        self.errors.extend(_duplicates([r for s in sources for r in s.requirements]))
        return tuple(sources)

    def requirement_source(self, path: Path) -> RequirementSource | None:
        parsed = self.yaml(path)
        if parsed is None:
            return None
        data, lines = parsed
        file = self.rel(path)
        if not isinstance(data, dict):
            return self.build(RequirementSource, data, file, lines)
        items = _list_under(data, "krav") or []
        built = [
            self.build(Requirement, item, file, lines, ("krav", i)) for i, item in enumerate(items)
        ]
        # Already validated items pass through; the header is validated here.
        source = self.build(
            RequirementSource, {**data, "krav": [r for r in built if r]}, file, lines
        )
        if source is None:  # its krav are unusable: citations of them are not reported again
            self.unusable_ids.update(r.id for r in built if r)
            if isinstance(data.get("källa"), str):
                self.unusable_ids.add(data["källa"].strip())  # its name, for ersätts_av
        return source


def _renders_macros(path: Path) -> bool:
    # Only pages that opt in to mkdocs-macros run {{ fakta(…) }}; others show it as text.
    try:
        return renders_macros(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


def _list_under(data: Any, key: str) -> list[Any] | None:
    if isinstance(data, dict) and isinstance(data.get(key), list):
        return data[key]
    return None


def _duplicates(models: list[Any]) -> list[ContentError]:
    seen: dict[str, Any] = {}
    errors = []
    for model in models:
        first = seen.setdefault(model.id, model)
        if first is not model:
            errors.append(
                ContentError(
                    model.origin.file,
                    model.origin.line("id"),
                    "id",
                    f'id "{model.id}" används redan i '
                    f"{first.origin.file}:{first.origin.line('id')}",
                    "Varje id måste vara unikt; byt id på den ena.",
                )
            )
    return errors


__all__ = ["HandbookReader", "read_handbook", "split_front_matter"]
