"""Ten years of Git history for the synthetic city, written in seconds with `git fast-import`.

A real ledningssystem is built from a repository with years of commits: the build reads all of
them (Versionshistorik, Ändringslogg, the version rule), so a benchmark without history skips
one of the most expensive parts of `make build`. Each commit revises one to three rutiner or
processes (an earlier version number, an earlier wording); the last commit is the content as
generated, so the work tree is clean.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import subprocess
from pathlib import Path

FIRST_DAY = dt.datetime(2016, 1, 4, 9, 0, tzinfo=dt.UTC)
DAYS = 3650
AUTHORS = ("Anna Andersson", "Bengt Berg", "Cecilia Carlsson", "David Dahl", "Eva Ek")
FINAL_DATE = "1767225600 +0000"  # 2026-01-01, the bench's SOURCE_DATE_EPOCH


def write_history(root: Path, commits: int, seed: int) -> int:
    """Make `root` a Git repository with `commits` commits; return how many it has."""
    rng = random.Random(seed)
    files = sorted(
        p.relative_to(root).as_posix()
        for folder in ("routines", "processes")
        for p in (root / folder).rglob("*")
        if p.is_file()
    )
    _git(root, "init", "-q", "-b", "main")
    stream = _stream(root, files, commits - 1, rng)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=stream, check=True)
    _git(root, "reset", "-q")
    _git(root, "add", "-A")
    env = {"GIT_AUTHOR_DATE": FINAL_DATE, "GIT_COMMITTER_DATE": FINAL_DATE}
    _git(root, "commit", "-q", "-m", "Ledningssystemet som det ser ut i dag", env=env)
    return int(_git(root, "rev-list", "--count", "HEAD").strip())


def _stream(root: Path, files: list[str], commits: int, rng: random.Random) -> bytes:
    """A fast-import stream: every file's first version, then revisions over ten years."""
    out: list[bytes] = []
    revision = dict.fromkeys(files, 0)
    for n in range(commits):
        when = FIRST_DAY + dt.timedelta(days=DAYS * n // max(1, commits))
        changed = files if n == 0 else rng.sample(files, min(len(files), rng.randint(1, 3)))
        author = rng.choice(AUTHORS)
        stamp = (
            f"{author} <{author.split()[0].lower()}@storstad.invalid> {int(when.timestamp())} +0100"
        )
        message = "Första versionerna" if n == 0 else f"Revidering av {', '.join(changed)}"
        out.append(f"commit refs/heads/main\ncommitter {stamp}\n".encode())
        out.append(_data(message.encode()))
        for path in changed:
            revision[path] += 1
            text = _earlier(root / path, revision[path])
            out.append(f"M 100644 inline {path}\n".encode() + _data(text))
        out.append(b"\n")
    return b"".join(out)


def _earlier(path: Path, number: int) -> bytes:
    """The file as it read in an earlier revision: its version then and a sentence since removed."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^version: .*$", f"version: '0.{number}'", text, count=1, flags=re.M)
    extra = f"Lydelse i revidering {number}."
    if path.suffix == ".md":
        return (text + f"\n{extra}\n").encode()
    return text.replace("\nsyfte: ", f"\nsyfte: {extra} ", 1).encode()


def _data(payload: bytes) -> bytes:
    return f"data {len(payload)}\n".encode() + payload + b"\n"


def _git(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    full_env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@invalid"}
    full_env |= {"GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@invalid"}
    result = subprocess.run(
        ["git", *args],
        cwd=root,
        env={**full_env, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr}")
    return result.stdout
