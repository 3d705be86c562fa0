"""Ten years of kvalitetsberättelser for the synthetic city, in the portal's own format.

The city's socialförvaltning is the example's: its organisation, roles, processes and rutiner
join the synthetic ones, and every year is the example's fastställd year moved to another
year (dates shifted), sealed with the portal's own `fastställ` command, followed by the
example's draft. So the bench follows the report format wherever it goes, with no second
copy of it here, and a year reads the way the example's does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_REPORTS = REPO / "reports"
HISTORY_FILE = "historik.yml"
HISTORY_YEAR = re.compile(r"\b(20\d\d):")
DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
YEAR_FIELD = re.compile(r"((?:^år:\s*|\byear\s*=\s*|\bår\s*=\s*))(20\d\d)\b", re.MULTILINE)


def example_years() -> tuple[int, int]:
    """(the example's fastställd year, its draft year)."""
    years = sorted(int(p.name) for p in EXAMPLE_REPORTS.iterdir() if p.name.isdigit())
    return years[0], years[-1]


def join_example(root: Path) -> None:
    """Add the example's organisation, roles, processes and rutiner to the city at `root`."""
    shutil.copytree(REPO / "processes", root / "processes", dirs_exist_ok=True)
    shutil.copytree(REPO / "routines", root / "routines", dirs_exist_ok=True)
    shutil.rmtree(root / "requirements", ignore_errors=True)
    shutil.copytree(REPO / "requirements", root / "requirements")
    city = _yaml(root / "roles/organisation.yml")
    example = _yaml(REPO / "roles/organisation.yml")
    example["avdelningar"] = list(example.get("avdelningar") or []) + city["avdelningar"]
    _dump(root / "roles/organisation.yml", example)
    roles = _yaml(REPO / "roles/roller.yml")
    known = {role["id"] for role in roles["roller"]}
    extra = [r for r in _yaml(root / "roles/roller.yml")["roller"] if r["id"] not in known]
    roles["roller"] = list(roles["roller"]) + extra
    _dump(root / "roles/roller.yml", roles)


def requirement_ids(root: Path) -> list[str]:
    """Ids of the krav in force in the register at `root` (none that has ended)."""
    ids = []
    for path in sorted((root / "requirements").glob("*.yml")):
        data = _yaml(path)
        if data.get("upphör"):
            continue
        ids += [k["id"] for k in data.get("krav") or [] if not k.get("upphör")]
    return ids


def write_years(root: Path, years: int) -> list[int]:
    """Write `years` berättelser ending with the example's draft year; return the years."""
    sealed, draft = example_years()
    target = root / "reports"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(
        EXAMPLE_REPORTS,
        target,
        ignore=lambda folder, names: [
            n for n in names if n.isdigit() and Path(folder) == EXAMPLE_REPORTS
        ],
    )
    written = list(range(draft - years + 1, draft + 1))
    _shift_history_file(target / HISTORY_FILE, written[0] - 1)
    for year in written:
        source = EXAMPLE_REPORTS / str(draft if year == draft else sealed)
        _shifted_copy(source, target / str(year), year - (draft if year == draft else sealed))
    # fastställ renders the PDF from the whole content, which loads only when every fastställd
    # year is sealed: seal them all first, then archive each (as for seals made before).
    for year in written[:-1]:
        _seal(root, year, "--utan-pdf")
    for year in written[:-1]:
        _seal(root, year)
    return written


def _shift_history_file(path: Path, last_year: int) -> None:
    """Move the history file's years to before the first year folder (none may overlap)."""
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    years = [int(y) for y in HISTORY_YEAR.findall(text)]
    if years:
        shift = last_year - max(years)
        text = HISTORY_YEAR.sub(lambda m: f"{int(m.group(1)) + shift}:", text)
        path.write_text(text, encoding="utf-8")


def _shifted_copy(source: Path, dest: Path, shift: int) -> None:
    """Copy a year folder with every year in it moved by `shift` (its seal left behind)."""
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source)
        if relative.name == "faststalld.lock" or relative.suffix == ".pdf":
            continue  # the seal and the archived PDF: fastställ writes them for the new year
        text = path.read_text(encoding="utf-8")
        text = DATE.sub(lambda m: _date(m, shift), text)
        text = YEAR_FIELD.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + shift}", text)
        if relative.name == "report.yml":
            text = _unsealed(text)
        (dest / relative).parent.mkdir(parents=True, exist_ok=True)
        (dest / relative).write_text(text, encoding="utf-8")


def _unsealed(text: str) -> str:
    """report.yml without its seal and rättelser: the copy is sealed anew for its own year."""
    data = yaml.safe_load(text)
    data.pop("rättelser", None)
    if isinstance(data.get("fastställd"), dict):
        data["fastställd"].pop("fingeravtryck", None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _date(match: re.Match[str], shift: int) -> str:
    year, month, day = int(match.group(1)) + shift, match.group(2), match.group(3)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return f"{year}-{month}-{'28' if (month, day) == ('02', '29') and not leap else day}"


def _seal(root: Path, year: int, *options: str) -> None:
    command = [sys.executable, "-m", "ledningssystem", "--root", str(root), "fastställ"]
    command += [str(year), *options]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    if result.returncode:
        raise RuntimeError(f"fastställ {year} misslyckades:\n{result.stdout}{result.stderr}")


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
