"""Where a sealed file changed: the first changed line against the commit that sealed the year.

The lock file holds only digests, so without Git a changed file can be named but not its
line; with Git the sealing commit (the last one that wrote faststalld.lock) holds the file
as it was fastställd, and the author is told the line and the commands that show and undo it.
"""

from __future__ import annotations

from pathlib import Path

from ledningssystem.doccontrol.git import GitUnavailable, run_git


def first_changed_line(root: Path, commit: str, file: str) -> int | None:
    """The first line of `file` (relative to `root`) that differs from `commit`'s; None when
    Git does not hold it there or the file is a folder or gone."""
    path = root / file
    if not commit or not path.is_file():
        return None
    try:
        before = run_git(root, "show", f"{commit}:./{file}")
    except GitUnavailable:
        return None
    old = before.replace(b"\r\n", b"\n").split(b"\n")
    new = path.read_bytes().replace(b"\r\n", b"\n").split(b"\n")
    for number, (was, now) in enumerate(zip(old, new, strict=False), 1):
        if was != now:
            return number
    return min(len(old), len(new)) if len(old) != len(new) else None


def undo_hint(commit: str, file: str) -> str:
    """How to see and undo the change, when the sealing commit is known."""
    if not commit:
        return (
            " Vilken rad som ändrats går inte att säga utan Git-historik: jämför filen med "
            "versionen från när året fastställdes."
        )
    short = commit[:10]
    return (
        f" git diff {short} -- {file} visar vad som ändrats sedan förseglingen; "
        f"git checkout {short} -- {file} ångrar det."
    )
