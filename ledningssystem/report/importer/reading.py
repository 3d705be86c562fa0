"""Reading exports from case systems: CSV (; , or tab, UTF-8 or Windows-1252) and XLSX.

Swedish case systems (Treserva, Lifecare, Viva, Procapita …) export with Excel's
habits: semicolons, decimal comma, UTF-8 with BOM or Windows-1252. Every problem
is a ContentError with file and row; nothing here writes anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledningssystem.core.csv_problems import csv_reason
from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.report.importer.cells import Problems
from ledningssystem.report.importer.cleaning import CONTROL_HINT, clean_cell, control_character

DELIMITERS = {";": "semikolon", ",": "komma", "\t": "tabb"}
_PLAUSIBLE_EXTRA = set("åäöÅÄÖéÉèüÜæøÆØ€–—’‘“”•…«»§½°´")


@dataclass(frozen=True)
class Table:
    """The header and the data rows of one export, with the row number of each."""

    file: str
    header: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    description: str  # e.g. "CSV, Windows-1252, semikolon"


def read_table(path: Path, file: str, header_row: int = 1, sheet: str = "") -> Table:
    """The rows of a CSV or XLSX export; raises ContentErrors when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(file, None, f"filen kan inte läsas ({exc.strerror})") from None
    if not data.strip():
        raise _fail(file, 1, "filen är tom", "Gör om exporten; den ska ha en rubrikrad.")
    if data.startswith(b"PK\x03\x04"):
        lines, description = _xlsx_lines(data, file, sheet)
    elif path.suffix.casefold() in {".xlsx", ".xlsm"}:
        raise _fail(file, 1, "filen är inte en Excel-fil (xlsx)", "Spara om den från Excel.")
    elif path.suffix.casefold() == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fail(
            file,
            1,
            "det gamla Excel-formatet (xls) kan inte läsas",
            'Spara om exporten i Excel som "Excel-arbetsbok (xlsx)" eller "CSV UTF-8".',
        )
    else:
        lines, description = _csv_lines(data, file, header_row)
    return _table(file, lines, header_row, description)


def _table(
    file: str, lines: list[tuple[int, tuple[str, ...]]], header_row: int, description: str
) -> Table:
    header_at = next((i for i, (n, _) in enumerate(lines) if n >= header_row), None)
    if header_at is None or not any(lines[header_at][1]):
        raise _fail(
            file,
            header_row,
            "rubrikraden saknas",
            f"Rad {header_row} ska ha kolumnernas namn (rubrikrad i mappningen).",
        )
    cleaned = [(n, tuple(clean_cell(c) for c in cells)) for n, cells in lines[header_at:]]
    number, header = cleaned[0]
    while header and not header[-1]:
        header = header[:-1]
    lines = [(n, cells) for n, cells in cleaned[1:] if any(cells)]
    rows, errors = [], _controls(file, cleaned[0], lines, header)
    for row_number, cells in lines:
        cells = cells + ("",) * (len(header) - len(cells))
        problem = _row_problem(cells, len(header))
        if problem:
            errors.append(ContentError(file, row_number, "", *problem))
        else:
            rows.append((row_number, cells[: len(header)]))
    if errors:
        raise ContentErrors(errors)
    if not rows:
        raise _fail(file, number + 1, "filen har inga rader under rubrikraden", "Gör om exporten.")
    return Table(file, header, number, tuple(rows), description)


def _controls(
    file: str,
    header_line: tuple[int, tuple[str, ...]],
    lines: list[tuple[int, tuple[str, ...]]],
    header: tuple[str, ...],
) -> list[ContentError]:
    """A control character in any cell (grouped by column), which no data file may hold;
    one in the header is named by the column's number."""
    found = Problems(file)
    for row_number, cells in [header_line, *lines]:
        for index, cell in enumerate(cells):
            if code := control_character(cell):
                name = header[index] if index < len(header) and row_number > header_line[0] else ""
                message = f"cellen har ett styrtecken ({code})"
                found.add(row_number, name or f"kolumn {index + 1}", message, CONTROL_HINT)
    return found.errors()


def _row_problem(cells: tuple[str, ...], columns: int) -> tuple[str, str] | None:
    """(message, hint) for a row that cannot be read value by value, or None."""
    if other := _other_delimiter(cells, columns):
        return (
            f"raden har {other} mellan värdena, men rubrikraden har en annan avgränsare",
            "Spara om exporten så att alla rader har samma avgränsare som rubrikraden.",
        )
    if any(cells[columns:]):
        return (
            f"raden har fler värden än rubrikraden har kolumner ({columns})",
            "Kontrollera avgränsaren; text som innehåller avgränsaren ska stå inom citattecken.",
        )
    return None


def _other_delimiter(cells: tuple[str, ...], columns: int) -> str:
    """The name of the delimiter a row has all its values in its first cell split by, when
    the header has several columns (a line pasted from another export), or ""."""
    if columns < 2 or not cells or any(cells[1:]):
        return ""
    found = [name for d, name in DELIMITERS.items() if cells[0].count(d) >= columns - 1]
    return found[0] if found else ""


# --- CSV ----------------------------------------------------------------------------------


def _csv_lines(data: bytes, file: str, header_row: int) -> tuple[list, str]:
    text, encoding = _decode(data, file)
    lines = text.splitlines()
    first = lines[header_row - 1] if len(lines) >= header_row else ""
    delimiter = max(DELIMITERS, key=lambda d: first.count(d))  # ties: the first, semicolon
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    found: list[tuple[int, tuple[str, ...]]] = []
    start = 1
    try:
        for cells in reader:
            found.append((start, tuple(c.strip() for c in cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _fail(file, start, f"raden går inte att läsa som CSV: {csv_reason(exc)}") from None
    name = DELIMITERS[delimiter] if first.count(delimiter) else "en kolumn"
    return found, f"CSV, {encoding}, {name}"


def _decode(data: bytes, file: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode-text"), or
    Windows-1252 only when the text looks like text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass  # told below, like any other unreadable file
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible(text):
        return text, "Windows-1252"
    raise _fail(
        file,
        bad_line,
        "teckenkodningen går inte att läsa (varken UTF-8, UTF-16 eller Windows-1252)",
        'Spara om exporten från Excel som "CSV UTF-8 (kommaavgränsad)" eller som xlsx.',
    )


def _plausible(text: str) -> bool:
    # cp1252 decodes almost any bytes; real exports hold letters, digits and punctuation.
    odd = sum(
        1
        for ch in text
        if not (ch.isascii() and (ch.isprintable() or ch in "\t\r\n"))
        and not (ch.isalpha() and ord(ch) < 0x250)
        and ch not in _PLAUSIBLE_EXTRA
    )
    return odd <= len(text) // 100


# --- XLSX ---------------------------------------------------------------------------------


def _xlsx_lines(data: bytes, file: str, sheet: str) -> tuple[list, str]:
    from openpyxl import load_workbook  # only needed for Excel files

    unreadable = _fail(
        file, 1, "filen går inte att läsa som Excel-fil (xlsx)", "Spara om den i Excel."
    )
    try:
        with warnings.catch_warnings():
            # Exports from other tools lack Excel's default styles; openpyxl warns about it.
            warnings.simplefilter("ignore")
            # From bytes: openpyxl judges a path by its suffix, and exports are often misnamed.
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - a damaged zip fails in many ways inside openpyxl
        raise unreadable from None
    try:
        if sheet and sheet not in book.sheetnames:
            raise _fail(
                file,
                None,
                f'bladet "{sheet}" finns inte',
                f"Bladen i filen: {', '.join(book.sheetnames)}.",
                "blad",
            )
        worksheet = book[sheet] if sheet else book.worksheets[0]
        rows = worksheet.iter_rows()
        lines = [
            (n, tuple(_cell_text(c.value, getattr(c, "number_format", "")) for c in row))
            for n, row in enumerate(rows, start=1)
        ]
        return lines, f"Excel, bladet {worksheet.title}"
    except ContentErrors:
        raise
    except Exception:  # noqa: BLE001 - read-only mode parses the sheet lazily, here
        raise unreadable from None
    finally:
        book.close()


def _cell_text(value: Any, number_format: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.date) and _month_only(number_format):
        return f"{value.year:04d}-{value.month:02d}"  # Excel keeps a month as its first day
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value).strip()


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _month_only(number_format: str) -> bool:
    """An Excel date format that shows no day (mmm-yy, yyyy-mm, mmmm yyyy): a month."""
    shown = _FORMAT_LITERALS.sub("", number_format or "").casefold()
    return "m" in shown and "y" in shown and "d" not in shown


def _fail(file: str, line: int | None, message: str, hint: str = "", field: str = "") -> Any:
    return ContentErrors([ContentError(file, line, field, message, hint)])
