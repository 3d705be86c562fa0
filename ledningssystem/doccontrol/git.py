"""The few Git calls the engine makes, each a single process (never one per file).

Every failure (Git missing, not a repository, unknown ref) becomes GitUnavailable
with a Swedish reason; callers decide whether that degrades or stops.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path


class GitUnavailable(Exception):
    """Git cannot answer: the reason, in Swedish."""


def run_git(root: Path | str, *args: str, stdin: bytes | None = None) -> bytes:
    """Stdout of `git ARGS` run in `root`; GitUnavailable when Git or the repository is missing."""
    # Fixed, locale-independent output: no pager, no colour, no quoted non-ASCII paths.
    command = ["git", "-c", "core.quotepath=off", "-c", "color.ui=never", *args]
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        result = subprocess.run(
            command, cwd=root, input=stdin, capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise GitUnavailable("programmet git finns inte på datorn") from None
    except OSError as exc:
        raise GitUnavailable(f"git kan inte startas ({exc.strerror})") from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[0] if detail else f"felkod {result.returncode}"
        raise GitUnavailable(_swedish(reason))
    return result.stdout


def repository_state(root: Path | str) -> tuple[bool, bool]:
    """(is inside a work tree, is a shallow clone), from one `git rev-parse`."""
    out = run_git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
    inside, shallow = (out.decode().split() + ["false", "false"])[:2]
    return inside == "true", shallow == "true"


def read_blobs(root: Path | str, specs: Sequence[str]) -> list[bytes | None]:
    """Contents of `rev:path` specs, in order, from one `git cat-file --batch`; None if missing."""
    if not specs:
        return []
    if any("\n" in spec for spec in specs):
        raise ValueError("a blob spec cannot contain a newline")
    out = run_git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in specs).encode())
    blobs: list[bytes | None] = []
    pos = 0
    for _ in specs:
        end = out.index(b"\n", pos)
        line = out[pos:end]
        pos = end + 1
        if line.endswith((b" missing", b" ambiguous")):
            blobs.append(None)
            continue
        _, kind, size = line.split()[:3]
        blobs.append(out[pos : pos + int(size)] if kind == b"blob" else None)
        pos += int(size) + 1  # the content is followed by a newline
    return blobs


def resolve(root: Path | str, ref: str) -> str:
    """The full commit id of `ref`; GitUnavailable with a Swedish reason if it does not exist."""
    try:
        return (
            run_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
        )
    except GitUnavailable:
        raise GitUnavailable(f'Git-referensen "{ref}" finns inte') from None


def merge_base(root: Path | str, base: str, head: str) -> str:
    """The commit where `head` branched off `base` (what a pull request is compared with)."""
    try:
        return (
            run_git(root, "merge-base", resolve(root, base), resolve(root, head)).decode().strip()
        )
    except GitUnavailable as exc:
        if "finns inte" in str(exc):
            raise
        raise GitUnavailable(
            f'"{base}" och "{head}" har ingen gemensam historik (grund klon? hämta med '
            "fetch-depth: 0)"
        ) from None


_REASONS = {
    "not a git repository": "mappen är inte ett Git-arkiv",
    "does not have any commits yet": "Git-arkivet har inga incheckningar ännu",
    "dubious ownership": (
        "Git vägrar läsa arkivet eftersom mappen ägs av en annan användare "
        "(lägg till den med git config --global --add safe.directory)"
    ),
}


def _swedish(reason: str) -> str:
    for english, swedish in _REASONS.items():
        if english in reason:
            return swedish
    return reason
