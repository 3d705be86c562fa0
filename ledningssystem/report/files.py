"""Reading report files with line numbers: text, YAML, and data rows from CSV or YAML.

Every problem is collected as a ContentError (file, line, field), never raised.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ledningssystem.errors import ContentError
from ledningssystem.messages import translate
from ledningssystem.model.base import Source
from ledningssystem.yaml_lines import LineMap, YamlProblem, parse_yaml


@dataclass
class Row:
    data: dict[str, Any]
    lines: LineMap


class FileReader:
    """Reads files under the content root and collects every problem."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        self.config_origin: tuple[str, LineMap] = ("ledningssystem/report/standard.yml", LineMap())

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def add(self, file: str, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.errors.append(ContentError(file, line, field, message, hint))

    def text(self, path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            self.add(
                self.rel(path),
                None,
                "",
                "filen är inte sparad som UTF-8",
                "Spara om filen med teckenkodningen UTF-8.",
            )
        except OSError as exc:
            self.add(self.rel(path), None, "", f"filen kan inte läsas ({exc.strerror})")
        return None

    def yaml(self, path: Path, file: str | None = None) -> tuple[Any, LineMap] | None:
        text = self.text(path)
        if text is None:
            return None
        try:
            return parse_yaml(text)
        except YamlProblem as problem:
            self.add(file or self.rel(path), problem.line, "", problem.message)
            return None

    def validate(
        self,
        model: type[BaseModel],
        data: Any,
        file: str,
        lines: LineMap,
        prefix: tuple[str | int, ...] = (),
    ) -> Any:
        try:
            built = model.model_validate(data)
        except ValidationError as exc:
            self.errors += translate(exc, file, lines, model, prefix)
            return None
        built.with_source(Source(file, _sub_lines(lines, prefix)))  # type: ignore[attr-defined]
        return built

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
        if csv_path.exists():
            file, found = self.rel(csv_path), self.csv_rows(csv_path)
        elif yml_path.exists():
            file, found = self.rel(yml_path), self.yaml_rows(yml_path, key)
        else:
            return None
        if found is None:
            return ()
        built = (self.validate(model, row.data, file, row.lines) for row in found)
        return tuple(b for b in built if b is not None)

    def csv_rows(self, path: Path) -> list[Row] | None:
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
        rows: list[Row] = []
        start = reader.line_num + 1
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                self.add(
                    file,
                    line,
                    "",
                    f"raden har {len(cells)} värden men rubrikraden bara {len(header)} kolumner",
                    f'Kontrollera avgränsaren "{delimiter}"; sätt text med '
                    f"{delimiter} inom citattecken.",
                )
                continue
            data = {h: c.strip() for h, c in zip(header, cells, strict=False) if c.strip()}
            lines = LineMap(lines={(): line, **{(h,): line for h in header}})
            rows.append(Row(data, lines))
        return rows

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
        return [Row(item, _prefixed(lines, (key, i))) for i, item in enumerate(data[key])]


def _prefixed(lines: LineMap, prefix: tuple[str | int, ...]) -> LineMap:
    """The line map of one list item, addressed from the item itself."""
    return _sub_lines(lines, prefix)


def _sub_lines(lines: LineMap, prefix: tuple[str | int, ...]) -> LineMap:
    if not prefix:
        return lines
    n = len(prefix)
    sub = {path[n:]: line for path, line in lines.lines.items() if path[:n] == prefix}
    return LineMap(offset=lines.offset, lines=sub)
