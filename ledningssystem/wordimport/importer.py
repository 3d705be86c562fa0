"""Import Word documents as rutiner (utkast): read → map metadata → check → write, per file.

A file is refused, and nothing of it written, when it cannot be read, was already imported,
or holds something that looks like a personnummer (never echoed). Nothing is overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.routine import Routine
from ledningssystem.core.privacy import contains_personal_number
from ledningssystem.core.slug import slugify, unused_id
from ledningssystem.render.templating import render_template
from ledningssystem.wordimport.docx_reader import WordDocument, WordReadError, read_word
from ledningssystem.wordimport.html_markdown import element_to_markdown, parse_fragment
from ledningssystem.wordimport.mapping import MappedMetadata, map_metadata
from ledningssystem.wordimport.metadata import (
    add_header_metadata,
    add_properties,
    take_body_metadata,
)

DEFAULT_FOLDER = "routines/importerade"
PERSONAL_NUMBER_REFUSAL = (
    "innehåller något som ser ut som ett personnummer eller samordningsnummer. Inget "
    "importerades från filen. Ta bort numret i Word-filen och importera den igen."
)
# Fields that may be dropped when the document's value does not validate (the rest are ours).
_OPTIONAL = ("gäller_från", "fastställd_av", "fastställd_datum", "revideras_senast", "version")


@dataclass
class ImportedFile:
    """What became of one Word file: the rutin written, fields found, warnings, or why not."""

    source: str  # as recorded in importerad_från: relative to the folder imported
    target: str = ""  # the rutin file, relative to the repository
    routine_id: str = ""
    found: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    refused: str = ""


@dataclass
class _Planned:
    result: ImportedFile
    text: str
    images: dict[Path, bytes]


def import_word_files(
    root: Path, sources: list[tuple[Path, str]], content: Ledningssystem, folder: str
) -> list[ImportedFile]:
    """Import each (file, recorded name) into `folder` under `root`; one result per file."""
    taken = set(content.routines) | {p.stem for p in (root / folder).glob("*.md")}
    # By file name: the same Word file imported from its folder or on its own is one document.
    imported = {
        _file_name(d.meta.imported_from): d.meta.origin.file
        for d in content.routines.values()
        if d.meta.imported_from
    }
    results = []
    for path, recorded in sources:
        if _file_name(recorded) in imported:
            results.append(
                ImportedFile(
                    recorded,
                    refused=f"är redan importerad som {imported[_file_name(recorded)]}; ta bort "
                    "den filen "
                    "först om den ska importeras på nytt",
                )
            )
            continue
        planned = _plan(root, path, recorded, content, folder, taken)
        if not planned.result.refused:
            _write(root / planned.result.target, planned)
            taken.add(planned.result.routine_id)
        results.append(planned.result)
    return results


def _plan(
    root: Path, path: Path, recorded: str, content: Ledningssystem, folder: str, taken: set[str]
) -> _Planned:
    result = ImportedFile(recorded)
    try:
        document = read_word(path)
    except WordReadError as error:
        result.refused = str(error)
        return _Planned(result, "", {})
    body = parse_fragment(document.html)
    raw = take_body_metadata(body)
    add_header_metadata(raw, document.header_rows)
    add_properties(raw, document.properties)
    mapped = map_metadata(raw, content, path.stem.replace("_", " "))
    routine_id = unused_id(slugify(str(mapped.values["titel"])), taken)
    names = {img.src: f"{routine_id}-bild-{n}.{img.extension}" for n, img in _numbered(document)}
    shift = 1 if body.find("h1") is not None else 0  # a rutin's sections are ## and below
    markdown, missing_alt = element_to_markdown(body, names, shift)
    front = _front_matter(routine_id, mapped, content, recorded)
    result.routine_id, result.target = routine_id, f"{folder}/{routine_id}.md"
    result.found = [f"{k} ({mapped.sources[k]})" for k in mapped.found if k in mapped.sources]
    result.warnings = [*mapped.warnings, *_validated(front), *document.messages]
    result.warnings += [
        f"bilden {name} saknar alternativtext; skriv vad den visar" for name in missing_alt
    ]
    text = render_template(
        "scaffold/imported_rutin.jinja", source=recorded, front_matter=_yaml(front), body=markdown
    )
    if contains_personal_number("\n".join([text, recorded, *result.warnings])):
        # Not even the file's name is shown when the number is in it.
        shown = re.sub(r"\d", "x", recorded) if contains_personal_number(recorded) else recorded
        return _Planned(ImportedFile(shown, refused=PERSONAL_NUMBER_REFUSAL), "", {})
    images = {root / folder / names[img.src]: img.data for img in document.images}
    result.images = sorted(p.name for p in images)
    clash = [p for p in [root / result.target, *images] if p.exists()]
    if clash:
        result.refused = f"{clash[0].relative_to(root)} finns redan och skrivs aldrig över"
    return _Planned(result, text, images)


def _file_name(recorded: str) -> str:
    return recorded.rpartition("/")[2].casefold()


def _numbered(document: WordDocument) -> list[tuple[int, Any]]:
    return list(enumerate(document.images, start=1))


def _front_matter(
    routine_id: str, mapped: MappedMetadata, content: Ledningssystem, recorded: str
) -> dict[str, Any]:
    values = mapped.values
    owner = values.get("ägare") or _default_owner(content, mapped)
    unit = owner.partition("@")[2] or content.organisation.administration.id
    front: dict[str, Any] = {
        "id": routine_id,
        "titel": values["titel"],
        "typ": values["typ"],
        "ägare": owner,
        "status": "utkast",
        "version": values.get("version", "0.1"),
    }
    for key in ("gäller_från", "fastställd_av", "fastställd_datum", "revideras_senast"):
        if key in values:
            front[key] = values[key]
    front["enheter"] = [unit]
    front["nyckelord"] = values.get("nyckelord", [])
    front["sammanfattning"] = values.get("sammanfattning", "")
    front["importerad_från"] = recorded
    return front


def _default_owner(content: Ledningssystem, mapped: MappedMetadata) -> str:
    owner = content.settings.review.default_reviewer
    if owner not in content.roles:
        owner = next(iter(content.roles), "kvalitetschef")
    mapped.warnings.append(f"ingen ansvarig hittades; ägare är satt till {owner}")
    return owner


def _validated(front: dict[str, Any]) -> list[str]:
    """Drop document values the model refuses (e.g. revideras before fastställd), saying so."""
    warnings: list[str] = []
    for _ in _OPTIONAL:
        try:
            Routine.model_validate(front)
            return warnings
        except ValidationError as error:
            dropped = _field_to_drop(error, front)
            if dropped is None:
                break
            warnings.append(f"{dropped} ({front.pop(dropped)}) togs bort: {_reason(error)}")
    return warnings


def _field_to_drop(error: ValidationError, front: dict[str, Any]) -> str | None:
    for problem in error.errors():
        for name in [*problem["loc"], (problem.get("ctx") or {}).get("field")]:
            if name in _OPTIONAL and name in front:
                return str(name)
    return None


def _reason(error: ValidationError) -> str:
    return error.errors()[0]["msg"]


def _yaml(front: dict[str, Any]) -> str:
    return yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)


def _write(target: Path, planned: _Planned) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    for path, data in planned.images.items():
        with path.open("xb") as stream:  # "x": never overwrite, even if the file just appeared
            stream.write(data)
    with target.open("x", encoding="utf-8") as stream:
        stream.write(planned.text)
