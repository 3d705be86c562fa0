"""What a branch does to the berättelse's figures: the section of the reviewer's summary.

The figures registry is computed at the merge base and at the branch, each from reports/
as Git has it (one `git ls-tree` and one `git cat-file --batch` per side, never a call per
file), with the same loader as the build; then the two are compared by figure name.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path

from ledningssystem.core.file_names import ORGANISATION_FILE, REPORTS_DIR
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.organisation import Organisation
from ledningssystem.core.model.settings import Settings
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.doccontrol.changes import ChangeSet
from ledningssystem.doccontrol.git import GitUnavailable, read_blobs, run_git
from ledningssystem.doccontrol.summary_section import Section
from ledningssystem.render.markdown_table import markdown_table
from ledningssystem.report.data import Reports, YearData
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.load import load_reports
from ledningssystem.report.meta import ReportStatus
from ledningssystem.report.seal import correction_command, year_manifest

TITLE = "Nyckeltal i kvalitetsberättelsen"


def figures_section(changes: ChangeSet) -> Section | None:
    """Per year, every figure whose value the branch changes (old → new); None without reports/."""
    touched = [f for f in changes.files if _in_reports(f.path) or _in_reports(f.old_path or "")]
    if not touched:
        return None
    try:
        before, before_prints = reports_at(changes.root, changes.base_sha)
        after, after_prints = reports_at(changes.root, changes.head_sha)
    except GitUnavailable as exc:
        return Section(TITLE, f"Nyckeltalen kan inte jämföras: {exc}.")
    parts = [figure_changes_markdown(before.figures, after.figures)]
    for year in sorted(set(before.years) & set(after.years)):
        if before_prints[year] != after_prints[year]:  # sealing alone changes nothing
            parts += _frozen_note(before.years[year], after.years[year])
    return Section(TITLE, "\n\n".join(parts))


def reports_at(root: Path, sha: str) -> tuple[Reports, dict[int, str]]:
    """The berättelser as commit `sha` has reports/ (errors do not stop the count), and the
    fingerprint of each year's content (report/seal.py)."""
    listing = run_git(root, "ls-tree", "-r", "-z", sha, "--", REPORTS_DIR, ORGANISATION_FILE)
    entries = []
    for item in listing.decode("utf-8", "replace").split("\0"):
        info, _, path = item.partition("\t")
        parts = info.split()
        if path and len(parts) == 3 and parts[1] == "blob":
            entries.append((path, parts[2]))
    blobs = read_blobs(root, [oid for _, oid in entries])
    with tempfile.TemporaryDirectory(prefix="ledningssystem-") as folder:
        tree = Path(folder)
        for (path, _), blob in zip(entries, blobs, strict=True):
            target = tree / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob or b"")
        reports, _ = load_reports(tree, _content(tree))
        prints = {y: year_manifest(tree / d.folder).fingerprint for y, d in reports.years.items()}
    return reports, prints


def figure_changes_markdown(before: Mapping[int, FigureSet], after: Mapping[int, FigureSet]) -> str:
    """The Swedish Markdown: new and removed years, then a table År, Nyckeltal, Före, Efter."""
    lines = []
    for year in sorted(set(after) - set(before)):
        lines.append(f"- {year} är ett nytt år med {len(after[year].figures)} nyckeltal.")
    for year in sorted(set(before) - set(after)):
        lines.append(f"- {year} finns inte längre ({len(before[year].figures)} nyckeltal).")
    rows = [
        row for year in sorted(set(before) & set(after)) for row in _rows(before[year], after[year])
    ]
    if rows:
        years = len({row[0] for row in rows})
        lines.append(f"{len(rows)} nyckeltal ändras i {years} år.")
        lines += ["", markdown_table("", ("År", "Nyckeltal", "Före", "Efter"), rows)]
    elif not lines:
        lines.append("Ändringarna i reports/ ändrar inga nyckeltal.")
    return "\n".join(lines)


def _frozen_note(before: YearData, after: YearData) -> list[str]:
    """For a year fastställd at the base whose content changes: the rättelse, or a warning."""
    if before.meta.status is not ReportStatus.APPROVED:
        return []
    new = after.meta.corrections[len(before.meta.corrections) :]
    if not new:
        return [
            f"**{before.year} är fastställt** och grenen ändrar det utan en registrerad rättelse; "
            f"`make check` stoppar. Är det en rättelse: kör `{correction_command(before.year)}`."
        ]
    return [
        f"**{before.year} är fastställt**; grenen registrerar en rättelse: "
        + "; ".join(f"{c.date.isoformat()}, {c.reason} ({c.change})" for c in new)
    ]


def _rows(before: FigureSet, after: FigureSet) -> list[tuple[str, str, str, str]]:
    names = list(after.figures) + [n for n in before.figures if n not in after.figures]
    rows = []
    for name in names:
        old, new = before.get(name), after.get(name)
        old_text = old.text() if old else "–"
        new_text = new.text() if new else "–"
        if old_text != new_text:
            label = (new or old).label  # type: ignore[union-attr]
            label = label[:1].upper() + label[1:]
            rows.append((str(after.year), f"{label} (`{name}`)", old_text, new_text))
    return rows


def _content(tree: Path) -> Ledningssystem:
    """Just enough of a ledningssystem to compute figures: the organisation's unit names."""
    organisation = None
    path = tree / ORGANISATION_FILE
    if path.is_file():
        try:
            data, _ = parse_yaml(path.read_text("utf-8-sig", "replace"))
            organisation = Organisation.model_validate(data)
        except (YamlProblem, ValueError):
            organisation = None
    return Ledningssystem(
        root=str(tree),
        settings=Settings(),
        organisation=organisation or Organisation.empty(),
        roles={},
        processes={},
        routines={},
        requirement_sources=(),
    )


def _in_reports(path: str) -> bool:
    return path.startswith(f"{REPORTS_DIR}/")
