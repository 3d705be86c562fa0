"""What a fastställd year reads outside its own folder, beyond reports/config.yml and the names.

The engine's standard settings (ledningssystem/report/standard.yml) fill every key that
reports/config.yml does not set, and the previous year's folder gives the comparison
columns: a change to either changes how the year reads, so both take part in its seal.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml

STANDARD_FILE = Path(__file__).parent / "standard.yml"
# Entries of the manifest, as paths relative to the year folder (normalised in messages).
STANDARD_ENTRY = "../../ledningssystem/report/standard.yml"
ADDITIONS_KEY = "lägg_till"  # keys listed here extend the standard value, so it still counts
# Settings that only decide what `check` refuses in new text, never what a year shows: a new
# portal version may add counted words without breaking every fastställd year's seal.
CHECK_ONLY_KEYS = {"räknas"}


def previous_year_entry(year: int) -> str:
    return f"../{year - 1}/"


def is_previous_year_entry(path: str) -> bool:
    return path.startswith("../") and path.endswith("/") and path[3:-1].isdigit()


def standard_digest(root: Path) -> str:
    """sha256 of the standard settings the organisation's reports/config.yml does not replace."""
    standard = _mapping(STANDARD_FILE)
    own = _mapping(root / "reports" / "config.yml")
    replaced = {key for key in own if key != ADDITIONS_KEY} | CHECK_ONLY_KEYS
    used = {str(key): value for key, value in standard.items() if key not in replaced}
    text = json.dumps(used, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _mapping(path: Path) -> dict[Any, Any]:
    if not path.is_file():
        return {}
    try:
        data, _ = parse_yaml(path.read_text("utf-8-sig", "replace"))
    except YamlProblem:
        return {"<oläslig>": path.read_text("utf-8-sig", "replace")}
    return data if isinstance(data, dict) else {}
