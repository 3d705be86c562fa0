"""Reading report files with line numbers: text, YAML, and data rows from CSV or YAML.

Every problem is collected as a ContentError (file, line, field), never raised.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ledningssystem.core.csv_problems import csv_reason
from ledningssystem.core.reading import ContentReader, sub_lines
from ledningssystem.core.yaml_lines import LineMap


@dataclass
class Row:
    data: dict[str, Any]
    lines: LineMap


class FileReader(ContentReader):
    """Reads the berättelse's files under the content root and collects every problem."""

    def __init__(self, root: Path):
        super().__init__(root)
        self.config_origin: tuple[str, LineMap] = ("ledningssystem/report/standard.yml", LineMap())
        self.counted_origin: tuple[str, LineMap] = self.config_origin  # where räknas was set
        self.lost_own_kinds: frozenset[str] = frozenset()  # own kinds left out for their errors

    def rows(self, folder: Path, stem: str, key: str, model: type[BaseModel]) -> tuple | None:  # type: ignore[type-arg]
        csv_path, yml_path = folder / f"{stem}.csv", folder / f"{stem}.yml"
        if csv_path.exists() and yml_path.exists():
            self.add(
                self.rel(yml_path),
                None,
                "",
                f"både {stem}.csv och {stem}.yml finns",
                "Skriv uppgifterna i en av filerna och ta bort den andra.",
            )
            return None
        unknown = getattr(model, "UNKNOWN_WHEN_ABSENT", ())
        empty = (*unknown, *getattr(model, "UNKNOWN_WHEN_EMPTY", ()))
        if csv_path.exists():
            file, found = self.rel(csv_path), self.csv_rows(csv_path, empty)
        elif yml_path.exists():
            file, found = self.rel(yml_path), self.yaml_rows(yml_path, key)
        else:
            return None
        if found is None:
            return ()
        _absent_is_unknown(found, unknown)
        built = (self.validate(model, row.data, file, row.lines) for row in found)
        return tuple(b for b in built if b is not None)

    def csv_rows(self, path: Path, empty_is_unknown: tuple[str, ...] = ()) -> list[Row] | None:
        """The file's rows; an empty cell of a column in `empty_is_unknown` is okänt."""
        text = self.text(path)
        if text is None:
            return None
        file = self.rel(path)
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") >= first.count(",") else ","
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        try:
            header = [h.strip().casefold() for h in next(reader)]
        except StopIteration:
            return []
        except csv.Error as exc:
            self.add(file, 1, "", f"rubrikraden går inte att läsa som CSV: {csv_reason(exc)}")
            return None
        rows: list[Row] = []
        start = reader.line_num + 1
        try:
            for cells in reader:
                line = start
                start = reader.line_num + 1
                row = self._csv_row(file, line, header, cells, delimiter)
                if row is not None:
                    _empty_is_unknown(row, header, empty_is_unknown)
                    rows.append(row)
        except csv.Error as exc:
            self.add(file, start, "", f"raden går inte att läsa som CSV: {csv_reason(exc)}")
            return None
        return rows

    def _csv_row(
        self, file: str, line: int, header: list[str], cells: list[str], delimiter: str
    ) -> Row | None:
        if not any(c.strip() for c in cells):
            return None
        if len(cells) > len(header):
            self.add(
                file,
                line,
                "",
                f"raden har {len(cells)} värden men rubrikraden bara {len(header)} kolumner",
                f'Kontrollera avgränsaren "{delimiter}"; sätt text med '
                f"{delimiter} inom citattecken.",
            )
            return None
        data = {h: c.strip() for h, c in zip(header, cells, strict=False) if c.strip()}
        return Row(data, LineMap(lines={(): line, **{(h,): line for h in header}}))

    def yaml_rows(self, path: Path, key: str) -> list[Row] | None:
        parsed = self.yaml(path)
        if parsed is None:
            return None
        data, lines = parsed
        file = self.rel(path)
        if not (isinstance(data, dict) and isinstance(data.get(key), list)):
            self.add(
                file,
                lines.line(),
                key,
                f"filen ska ha en lista under {key}:",
                f'Börja filen med raden "{key}:" och skriv en rad per "- ".',
            )
            return None
        return [Row(item, sub_lines(lines, (key, i))) for i, item in enumerate(data[key])]


def _empty_is_unknown(row: Row, header: list[str], columns: tuple[str, ...]) -> None:
    """An empty cell of an export is "not registered": okänt, never the field's default."""
    for column in columns:
        if column in header and column not in row.data:
            row.data[column] = "okänt"


def _absent_is_unknown(rows: list[Row], columns: tuple[str, ...]) -> None:
    """A column no row of the file gives is not known for the year: okänt, never its default.

    A year whose export has no anmälda_imy column would otherwise print "anmälda till
    IMY 0", a false figure; the row model names such columns in UNKNOWN_WHEN_ABSENT.
    """
    for column in columns:
        if not any(column in row.data for row in rows):
            for row in rows:
                row.data[column] = "okänt"
