"""`changes --base REF`: the reviewer's summary of a branch; fails on broken version rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.doccontrol.change_summary import summarise
from ledningssystem.doccontrol.changes import collect_changes
from ledningssystem.doccontrol.git import GitUnavailable


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base", required=True, help="grenen ändringen ska in i, t.ex. origin/main"
    )
    parser.add_argument("--head", default="HEAD", help="grenen som granskas (standard: HEAD)")
    parser.add_argument(
        "--output", type=Path, default=None, help="skriv sammanfattningen också till en fil"
    )


@command(
    "changes",
    "sammanfatta en gren för granskaren (Markdown); fel om versionsreglerna inte följs",
    _arguments,
)
def changes(args: argparse.Namespace) -> int:
    try:
        change_set = collect_changes(args.root, args.base, args.head)
    except GitUnavailable as exc:
        raise UserError(f"ändringarna kan inte läsas ur Git: {exc}.") from None
    summary = summarise(change_set)
    print(summary.markdown, end="")
    if args.output:
        args.output.write_text(summary.markdown, encoding="utf-8")
    if not summary.ok:
        print(
            f"\n{len(summary.problems)} fel i dokumentstyrningen; se ”Måste rättas” ovan.",
            file=sys.stderr,
        )
        return 1
    return 0
