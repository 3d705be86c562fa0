"""What a fastställd year reads outside its own folder, beyond reports/config.yml and the names.

The engine's standard settings (ledningssystem/report/standard.yml) fill every key that
reports/config.yml does not set, the previous year's folder gives the comparison columns,
and the section template the year names (`mall:`, shipped in report/builtin_templates/ or
the organisation's own in reports/mallar/) gives its headings and order: a change to any of
them changes how the year reads, so all take part in its seal. A template's `lagrum:` list
takes part as the year shows it, with the legal register's dates (report.legal_basis).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from ledningssystem.core.reading import parsed_yaml
from ledningssystem.core.yaml_lines import YamlProblem
from ledningssystem.report.legal_basis import Periods, legal_basis
from ledningssystem.report.unit_groups import GROUPS_KEY

OWN_KEY = "egna_uppgifter"  # the organisation's own counted kinds, each with an optional från_år
STANDARD_FILE = Path(__file__).parent / "standard.yml"
BUILTIN_TEMPLATES = Path(__file__).parent / "builtin_templates"
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


def template_input(root: Path, folder: Path) -> tuple[str, str] | None:
    """(manifest entry, sha256) of the section template the year's report.yml names.

    Only the sections the year has count: a section added later with `från_år` after the
    year leaves its seal as it was (section_templates.Section.applies_to)."""
    name = _mapping(folder / "report.yml").get("mall")
    if not isinstance(name, str) or not folder.name.isdigit():
        return None
    own = sorted((root / "reports" / "mallar").glob("*.yml"))
    candidates = [
        (p, f"../../ledningssystem/report/builtin_templates/{p.name}")
        for p in sorted(BUILTIN_TEMPLATES.glob("*.yml"))
    ]
    candidates += [(p, f"../mallar/{p.name}") for p in own]
    for path, entry in candidates:  # the shipped one first, as the reader finds them
        data = _mapping(path)
        if data.get("id") == name.strip():
            year = int(folder.name)
            used = _lagrum_of_year(_sections_of_year(data, year), year, _register_periods(root))
            text = json.dumps(used, sort_keys=True, ensure_ascii=False, default=str)
            return entry, hashlib.sha256(text.encode()).hexdigest()
    return None


def is_template_entry(path: str) -> bool:
    return path.startswith(("../mallar/", "../../ledningssystem/report/builtin_templates/"))


def _sections_of_year(value: Any, year: int) -> Any:
    if isinstance(value, dict):
        return {str(k): _sections_of_year(v, year) for k, v in value.items()}
    if isinstance(value, list):
        return [_sections_of_year(v, year) for v in value if not _later(v, year)]
    return value


def _lagrum_of_year(value: Any, year: int, periods: Periods) -> Any:
    """A list `lagrum:` as the year shows it: a register date that changes what a sealed
    year cites changes its seal, and text the year does not show leaves it as it was."""
    if isinstance(value, dict):
        return {
            k: legal_basis(tuple(map(str, v)), year, periods)
            if k == "lagrum" and isinstance(v, list)
            else _lagrum_of_year(v, year, periods)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_lagrum_of_year(v, year, periods) for v in value]
    return value


def _register_periods(root: Path) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """källa → (gäller_från, upphör) from requirements/*.yml as written (read before the
    register is validated, as the seal is checked on what is on disk)."""
    periods = {}
    for path in sorted((root / "requirements").glob("*.yml")):
        data = _mapping(path)
        law = data.get("källa")
        start, end = _date(data.get("gäller_från")), _date(data.get("upphör"))
        if isinstance(law, str) and (start or end):
            periods[law.strip()] = (start, end)
    return periods


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None  # the register's own check says what is wrong with it


def own_kinds_of_year(config: Any, year: int) -> Any:
    """reports/config.yml without the own kinds and enhetsgrupper that start after `year`
    (their key gone when none is left), so that one added for later years does not change
    an earlier seal."""
    for key in (OWN_KEY, GROUPS_KEY):
        if isinstance(config, dict) and isinstance(config.get(key), list):
            kept = [entry for entry in config[key] if not _later(entry, year)]
            rest = {k: value for k, value in config.items() if k != key}
            config = {**rest, key: kept} if kept else rest
    return config


def _later(value: Any, year: int) -> bool:
    start = value.get("från_år") if isinstance(value, dict) else None
    return isinstance(start, int) and start > year


def _mapping(path: Path) -> dict[Any, Any]:
    if not path.is_file():
        return {}
    try:
        data, _ = parsed_yaml(path.read_text("utf-8-sig", "replace"))
    except YamlProblem:
        return {"<oläslig>": path.read_text("utf-8-sig", "replace")}
    return data if isinstance(data, dict) else {}


def canonical_config(path: Path, year: str) -> bytes:
    """A YAML file as sorted JSON; b"" when missing. Comments, layout and own kinds whose
    från_år is after `year` do not count (adding one for later years keeps older seals)."""
    if not path.is_file():
        return b""
    text = path.read_text("utf-8-sig", "replace")
    try:
        data, _ = parsed_yaml(text)
    except YamlProblem:
        return text.replace("\r\n", "\n").encode()
    if year.isdigit():
        data = own_kinds_of_year(data, int(year))
    return json.dumps(keys_as_text(data), sort_keys=True, ensure_ascii=False).encode()


def keys_as_text(value: Any) -> Any:
    """Mapping keys as text, so JSON of YAML with date or number keys is stable."""
    if isinstance(value, dict):
        return {str(k): keys_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keys_as_text(v) for v in value]
    return value
