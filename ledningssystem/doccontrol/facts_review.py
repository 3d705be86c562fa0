"""What a branch does to the facts written once: the reviewer's summary lists changed facts.

A fact changes the text of every document that cites it without a new version of those
documents, so the summary names each changed fact (before → after) and the documents that
show it, for the reviewer and the documents' owners to see.
"""

from __future__ import annotations

from typing import Any

from ledningssystem.core.facts import FACT_CALL
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.doccontrol.changes import ChangeSet
from ledningssystem.doccontrol.git import GitUnavailable, read_blobs, run_git

SETTINGS_FILE = "ledningssystem.yml"
CITING_FOLDERS = ("processes", "routines", "docs")


def fact_changes_markdown(changes: ChangeSet) -> str | None:
    """A table Fakta, Före, Efter, Visas i; None when the branch changes no fact."""
    if not any(SETTINGS_FILE in (f.path, f.old_path) for f in changes.files):
        return None
    before = _facts(changes.read("base", SETTINGS_FILE))
    after = _facts(changes.read("head", SETTINGS_FILE))
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    if not changed:
        return None
    try:
        citing = _citing_files(changes, set(changed))
    except GitUnavailable as exc:
        return f"Fakta har ändrats, men dokumenten som visar dem kan inte tas fram: {exc}."
    lines = [
        "Texten i dokumenten nedan ändras utan att deras version ändras. Ägarna bör se över dem.",
        "",
        "| Fakta | Före | Efter | Visas i |",
        "|---|---|---|---|",
    ]
    for key in changed:
        files = ", ".join(f"`{f}`" for f in citing.get(key, [])) or "–"
        lines.append(
            f"| `{key}` | {_cell(before.get(key, '–'))} | {_cell(after.get(key, '–'))} | {files} |"
        )
    return "\n".join(lines)


def _facts(blob: bytes | None) -> dict[str, str]:
    if not blob:
        return {}
    try:
        data, _ = parse_yaml(blob.decode("utf-8-sig", "replace"))
    except YamlProblem:
        return {}
    groups: Any = data.get("fakta") if isinstance(data, dict) else None
    if not isinstance(groups, dict):
        return {}
    return {
        f"{group}.{key}": str(value)
        for group, values in groups.items()
        if isinstance(values, dict)
        for key, value in values.items()
    }


def _citing_files(changes: ChangeSet, keys: set[str]) -> dict[str, list[str]]:
    listing = run_git(
        changes.root, "ls-tree", "-r", "--name-only", "-z", changes.head_sha, "--", *CITING_FOLDERS
    )
    paths = [
        p for p in listing.decode("utf-8", "replace").split("\0") if p.endswith((".md", ".yml"))
    ]
    blobs = read_blobs(changes.root, [f"{changes.head_sha}:{p}" for p in paths])
    found: dict[str, list[str]] = {}
    for path, blob in zip(paths, blobs, strict=True):
        text = (blob or b"").decode("utf-8", "replace")
        for key in sorted({m.group("key") for m in FACT_CALL.finditer(text)} & keys):
            found.setdefault(key, []).append(path)
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
