"""One loader per content file kind, for property tests at volume (make fuzz).

load_ledningssystem reads the whole portal (about a second for the example); these read
only the file under test, through the same reader methods, so Hypothesis can run ten
thousand examples per loader in minutes. tests/test_loaders_fuzz.py also runs the whole
load on fewer examples, with cross-references.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.load import (
    CALENDAR_FILE,
    ORGANISATION_FILE,
    ROLES_FILE,
    _Reader,
)
from ledningssystem.core.model.calendar import Activity
from ledningssystem.core.model.organisation import Organisation
from ledningssystem.core.model.process import Process
from ledningssystem.core.model.role import Role
from ledningssystem.report.data import KINDS
from ledningssystem.report.files import FileReader
from ledningssystem.report.importer import load_mapping
from ledningssystem.report.importer.convert import Known, convert
from ledningssystem.report.importer.mapping import ImportKind, identity
from ledningssystem.report.importer.reading import read_table
from ledningssystem.report.meta import ReportMeta

Loader = Callable[[Path], Any]


def _raising(reader: FileReader, result: Any) -> Any:
    if reader.errors:
        raise ContentErrors(reader.errors)
    return result


def handbook(read: Callable[[_Reader], Any]) -> Loader:
    """A loader that runs one method of the handbook's reader."""

    def load(root: Path) -> Any:
        reader = _Reader(root)
        return _raising(reader, read(reader))

    return load


SETTINGS = handbook(lambda r: r.settings())
ORGANISATION = handbook(lambda r: r.one(ORGANISATION_FILE, Organisation))
ROLES = handbook(lambda r: r.listed(ROLES_FILE, "roller", Role))
PROCESSES = handbook(lambda r: r.each("processes", "*.yml", Process))
ROUTINES = handbook(lambda r: r.routines())
REQUIREMENTS = handbook(lambda r: r.requirement_sources())
CALENDAR = handbook(lambda r: r.listed(CALENDAR_FILE, "aktiviteter", Activity, optional=True))


def report_rows(stem: str) -> Loader:
    """The rows of one data file of reports/2025 (CSV or YAML, as it exists)."""
    _, _, key, model = next(kind for kind in KINDS if kind[1] == stem)

    def load(root: Path) -> Any:
        reader = FileReader(root)
        return _raising(reader, reader.rows(root / "reports" / "2025", stem, key, model))

    return load


def report_meta(root: Path) -> Any:
    reader = FileReader(root)
    parsed = reader.yaml(root / "reports" / "2025" / "report.yml")
    built = (
        reader.validate(ReportMeta, parsed[0], "reports/2025/report.yml", parsed[1])
        if parsed
        else None
    )
    return _raising(reader, built)


KNOWN = Known(
    units=frozenset({"hemtjanst-norr", "barn-och-unga"}),
    deviation_kinds={"sol": ("fall", "bemotande"), "hsl": ("fall",)},
    complaint_sources=("brukare", "narstaende"),
    complaint_categories=("bemotande", "utforande"),
)
EXPORT = "export.csv"


def csv_import(root: Path) -> Any:
    """An export without a mapping, read, converted and checked for personnummer."""
    table = read_table(root / EXPORT, EXPORT)
    return convert(table, identity(ImportKind.DEVIATIONS, table.header), KNOWN, 2025)


MAPPING = "reports/mappningar/treserva-avvikelser.yml"


def mapping_file(root: Path) -> Any:
    return load_mapping(root / MAPPING, root)
