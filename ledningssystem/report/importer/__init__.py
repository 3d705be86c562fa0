"""Import exports from case systems (Treserva, Lifecare, Viva, Procapita …) into reports/<år>/.

read (CSV/XLSX) → convert (mapping, privacy, year) → aggregate → write atomically.
Nothing is written unless every row could be read; content problems raise ContentErrors,
a refused import (file exists, no year folder) raises ImportRefused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.file_names import MAPPINGS_DIR, ORGANISATION_FILE, REPORTS_DIR
from ledningssystem.core.messages import translate
from ledningssystem.core.model.organisation import Organisation
from ledningssystem.core.privacy import personal_number_lines
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.report.files import FileReader
from ledningssystem.report.importer.aggregate import aggregate, per_category
from ledningssystem.report.importer.convert import Known, convert
from ledningssystem.report.importer.mapping import FIELDS, ImportKind, Mapping, identity, kind_name
from ledningssystem.report.importer.mapping_check import check_fields
from ledningssystem.report.importer.own import (
    aggregate_own,
    check_mapping,
    convert_own,
    own_fields,
    own_per_category,
    own_text,
)
from ledningssystem.report.importer.reading import read_table
from ledningssystem.report.importer.writing import data_text, import_note, write_atomically
from ledningssystem.report.load import load_report_config
from ledningssystem.report.meta import ReportStatus
from ledningssystem.report.model import SARAH_SPELLINGS, SarahAssessment
from ledningssystem.report.own_kinds import OwnKind
from ledningssystem.report.seal import LOCK_FILE, META_FILE


class ImportRefused(Exception):
    """The import was not done (the file exists, the year is missing …), told in Swedish."""


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, for the user to check against the case system."""

    source: str
    description: str
    rows_read: int
    counted: int
    per_category: dict[str, int]
    skipped: dict[str, list[int]]
    target: str
    rows_written: int
    per: str = ""  # what per_category counts per, when the kind decides it (own kinds)


def known_ids(root: Path) -> Known:
    """The ids that imported values are checked against: organisation and report settings.

    Only these two files are read, so that a year whose data file is still missing
    (and whose texts therefore name figures that do not exist yet) can be imported.
    """
    config, errors = load_report_config(root)
    reader = FileReader(root)
    parsed = reader.yaml(root / ORGANISATION_FILE) if (root / ORGANISATION_FILE).exists() else None
    organisation = (
        reader.validate(Organisation, parsed[0], ORGANISATION_FILE, parsed[1]) if parsed else None
    )
    if errors or reader.errors:
        raise ContentErrors([*errors, *reader.errors])
    units = organisation.node_names() if organisation else {}
    return Known(
        units=frozenset(units),
        deviation_kinds={k.id: tuple(c.id for c in k.categories) for k in config.deviations},
        complaint_sources=tuple(c.id for c in config.complaints.sources),
        complaint_categories=tuple(c.id for c in config.complaints.categories),
        sarah_categories=tuple(c.id for c in config.sarah.categories),
        sarah_assessments=(*(a.value for a in SarahAssessment), *SARAH_SPELLINGS),
        complaint_kinds=tuple(k.id for k in config.complaints.kinds),
        deviation_grades=tuple(g.id for g in config.grades),
        recurrence_grades=tuple(g.id for g in config.recurrence_scale),
        partners=tuple(p.id for p in config.partners),
        own_kinds=config.own,
    )


def import_export(
    root: Path,
    kind: ImportKind | OwnKind,
    export: Path,
    year: int,
    known: Known,
    mapping_path: Path | None = None,
    force: bool = False,
) -> ImportSummary:
    """Read `export`, map and sum it, and write reports/<year>/<kind>.csv (or .yml)."""
    folder = root / REPORTS_DIR / str(year)
    if not (folder / "report.yml").is_file():
        raise ImportRefused(
            f"det finns ingen berättelse för {year} ({REPORTS_DIR}/{year}/report.yml saknas); "
            f"skapa den först med make ny-berattelse YEAR={year}"
        )
    name = kind_name(kind) if isinstance(kind, ImportKind) else kind.id
    target = _target(folder, name)
    target_name = _shown(target, root)
    if _is_sealed(folder):
        raise ImportRefused(
            f"berättelsen för {year} är fastställd och dess data ändras inte genom en import; "
            f'en rättelse görs med python -m ledningssystem fastställ {year} --rättelse "varför" '
            '--ändring "vad"'
        )
    if target.exists() and not force:
        raise ImportRefused(
            f"{target_name} finns redan och skrivs inte över; "
            "lägg till --force om den ska ersättas med importen"
        )
    mapping = load_mapping(mapping_path, root, kind) if mapping_path else None
    shown = _shown(export, root)
    header_row, sheet = (mapping.header_row, mapping.sheet) if mapping else (1, "")
    table = read_table(export, shown, header_row, sheet)
    fields = own_fields(kind) if isinstance(kind, OwnKind) else None
    mapping = mapping or identity(name, table.header, fields)
    converted = (
        convert_own(table, mapping, kind, known, year)
        if isinstance(kind, OwnKind)
        else convert(table, mapping, known, year)
    )
    if not converted.events and target.exists():
        raise ImportRefused(
            f"importen räknade inga rader ur {shown}, så {target_name} ersätts inte med en tom "
            "fil; kontrollera exporten, året och mappningen"
        )
    note = import_note(name, shown, _shown(mapping_path, root) if mapping_path else None)
    if isinstance(kind, OwnKind):
        rows = aggregate_own(kind, converted.events)
        text = own_text(kind, rows, target.suffix, note)
        per = own_per_category(kind, converted.events)
    else:
        rows = aggregate(kind, converted.events)
        text = data_text(kind, rows, target.suffix, note)
        per = per_category(kind, converted.events)
    leaks = personal_number_lines(text)
    if leaks:  # cannot happen with ids and counts, but nothing personal may ever be written
        raise ContentErrors(
            ContentError(target_name, line, "", "ser ut att innehålla ett personnummer")
            for line in leaks
        )
    write_atomically(target, text)
    return ImportSummary(
        source=shown,
        description=table.description,
        rows_read=len(table.rows),
        counted=len(converted.events),
        per_category=per,
        skipped=dict(converted.skipped),
        target=target_name,
        rows_written=len(rows),
        per=(kind.columns[0].name.lower() if kind.columns else "enhet")
        if isinstance(kind, OwnKind)
        else "",
    )


def _is_sealed(folder: Path) -> bool:
    """A fastställd year: sealed by its lock, or marked fastställd in report.yml."""
    if (folder / LOCK_FILE).exists():
        return True
    try:
        data, _ = parse_yaml((folder / META_FILE).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return False  # check reports the broken report.yml itself
    return isinstance(data, dict) and data.get("status") == ReportStatus.APPROVED.value


def export_problems(
    root: Path, kind: str, export: Path, mapping_path: Path | None
) -> list[ContentError]:
    """What is wrong with the mapping and the export that needs no reports/config.yml.

    With config.yml broken the import cannot run, but one run still tells all that can be
    told: the mapping's fields (built-in kinds) and whether the export can be read."""
    if kind not in {k.value for k in ImportKind} or not export.is_file():
        return []  # an own kind's fields are in the broken config.yml
    errors: list[ContentError] = []
    header_row, sheet = 1, ""
    try:
        if mapping_path is not None:
            mapping = load_mapping(mapping_path, root, ImportKind(kind))
            header_row, sheet = mapping.header_row, mapping.sheet
    except ContentErrors as found:
        errors += found.errors
    try:
        read_table(export, _shown(export, root), header_row, sheet)
    except ContentErrors as found:
        errors += found.errors
    return errors


def load_mapping(path: Path, root: Path, kind: ImportKind | OwnKind | None = None) -> Mapping:
    """A mapping file, validated (for `kind` when given); ContentErrors with line and field."""
    shown = _shown(path, root)
    try:
        data, lines = parse_yaml(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise _one(shown, None, f"filen kan inte läsas ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise _one(shown, None, "filen är inte sparad som UTF-8") from None
    except YamlProblem as problem:
        raise _one(shown, problem.line, problem.message) from None
    try:
        mapping = Mapping.model_validate(data)
    except ValidationError as exc:
        raise ContentErrors(translate(exc, shown, lines, Mapping)) from None
    name = kind_name(kind) if isinstance(kind, ImportKind) else kind.id if kind else None
    if name is not None and kind_name(mapping.kind) != name:
        raise _one(
            shown,
            lines.line(("typ",)),
            f"mappningen gäller {kind_name(mapping.kind)}, men importen är {name}",
            f"Välj en mappning med typ: {name}, eller importera med TYP={kind_name(mapping.kind)}.",
            "typ",
        )
    if isinstance(kind, OwnKind):
        check_mapping(mapping, kind, shown, lines)
    elif isinstance(mapping.kind, ImportKind):  # an own kind's fields need reports/config.yml
        check_fields(mapping, FIELDS[mapping.kind], mapping.kind.value, shown, lines)
    return mapping


def _one(
    file: str, line: int | None, message: str, hint: str = "", field: str = ""
) -> ContentErrors:
    return ContentErrors([ContentError(file, line, field, message, hint)])


def _target(folder: Path, name: str) -> Path:
    # Keep the format the year already uses; a new file is CSV like the example.
    yml = folder / f"{name}.yml"
    return (
        yml if yml.exists() and not (folder / f"{name}.csv").exists() else yml.with_suffix(".csv")
    )


def _shown(path: Path, root: Path) -> str:
    """A path as the user knows it: relative to the content root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


__all__ = ["MAPPINGS_DIR", "ImportKind", "ImportRefused", "ImportSummary", "import_export"]
