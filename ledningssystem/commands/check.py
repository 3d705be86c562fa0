"""`check`: every content, link, version-rule and CODEOWNERS problem at once, without building.

This module answers from the memo of the last check (website.check_memo) and imports nothing
that loads content: a warm check of unchanged content pays for no loader, model or renderer.
The check itself is in check_run, imported by name only when the memo cannot answer.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ledningssystem.commands.registry import command, load_full_run
from ledningssystem.website.check_memo import (
    Recorded,
    check_key,
    recall,
    recording,
    remember,
    replay,
)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strikt",
        action="store_true",
        help="avsluta med fel även när gällande dokument hänvisar till upphävda lagkrav",
    )
    parser.add_argument(
        "--base",
        default=None,
        help="grenen ändringen ska in i (standard: origin/main, main, origin/master eller master)",
    )


@command("check", _arguments)
def check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    # Nothing changed since the last check: its result, as it was (keyed on every input).
    key = check_key(root, args.strikt, args.base)
    remembered = recall(root, key)
    if remembered is not None:
        return replay(remembered)
    with recording() as (out, err):
        code = load_full_run("check")(args)
    remember(root, key, Recorded(out.copy.getvalue(), err.copy.getvalue(), code))
    return code
