"""Write an imported data file: CSV or YAML exactly as ledningssystem/report loads it."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.report.importer.aggregate import HEADERS
from ledningssystem.report.importer.mapping import ImportKind

YAML_KEYS = {
    ImportKind.DEVIATIONS: "avvikelser",
    ImportKind.COMPLAINTS: "klagomål",
    ImportKind.INCIDENTS: "incidenter",
    ImportKind.SARAH: "utredningar",
    ImportKind.MARIA: "händelser",
    ImportKind.UNENFORCED: "beslut",
}


def import_note(kind: str, export: str, mapping: str | None) -> list[str]:
    """The comment an imported YAML file starts with: where it came from, how to change it.

    No date: importing the same export again gives the same file, byte for byte.
    """
    how = (
        f"och mappningen {mapping}." if mapping else "utan mappning (kolumnerna heter som fälten)."
    )
    return [
        f"# Importerad med make import TYP={kind} ur {export}",
        f"# {how}",
        "# Rätta i exporten eller mappningen och importera igen (FORCE=ja): importen skriver",
        "# över ändringar för hand. Ändra för hand bara det exporten inte har, och importera",
        "# sedan inte igen.",
    ]


def data_text(
    kind: ImportKind, rows: list[dict[str, Any]], suffix: str, note: list[str] | None = None
) -> str:
    """The file's text: semicolon CSV with a header row, or a YAML list under its key.

    `note` (comment lines) heads a YAML file; CSV has no comments, so it gets none.
    """
    header = [h for h in HEADERS[kind] if not rows or h in rows[0]]
    if suffix == ".yml":
        lines = [*(note or []), f"{YAML_KEYS[kind]}:"]
        for row in rows:
            # An empty value is left out: in YAML it would read as null, not as "not given".
            given = [h for h in header if row[h] not in ("", ())]
            cells = ", ".join(f"{h}: {_yaml_value(row[h])}" for h in given)
            lines.append(f"  - {{{cells}}}")
        return "\n".join(lines if rows else [*(note or []), f"{YAML_KEYS[kind]}: []"]) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(row[h]) for h in header])
    return out.getvalue()


def _csv_value(value: Any) -> str:
    return ",".join(value) if isinstance(value, tuple) else str(value)


def _yaml_value(value: Any) -> str:
    if isinstance(value, tuple):
        return f"[{', '.join(_yaml_scalar(v) for v in value)}]"
    return _yaml_scalar(value)


_PLAIN = re.compile(r"[\w][\w .()/-]*", re.UNICODE)


def _yaml_scalar(value: Any) -> str:
    """A value as YAML reads it back: text with , : # { or a line break (an export's free
    text) in double quotes, as is everything YAML would read as a number or ja/nej."""
    text = str(value)
    if not isinstance(value, str) or (_PLAIN.fullmatch(text) and _reads_back(text)):
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON's string is YAML's double-quoted


def _reads_back(text: str) -> bool:
    try:
        data, _ = parse_yaml(f"{{x: {text}}}")
    except YamlProblem:
        return False
    return bool(data == {"x": text})


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a reader never sees half a file."""
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temp_name, _mode(path))  # mkstemp makes 0600; data files are ordinary files
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
