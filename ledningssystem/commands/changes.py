"""`changes --base REF`: the reviewer's summary of a branch; fails on broken version rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.doccontrol.change_summary import SECTION_PROVIDERS, summarise
from ledningssystem.doccontrol.changes import collect_changes
from ledningssystem.doccontrol.git import GitUnavailable
from ledningssystem.report.review import figures_section

# The handbook's sections, then what a data change does to the berättelse's figures.
REVIEW_SECTIONS = (*SECTION_PROVIDERS, figures_section)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base", required=True, help="grenen ändringen ska in i, t.ex. origin/main"
    )
    parser.add_argument("--head", default="HEAD", help="grenen som granskas (standard: HEAD)")
    parser.add_argument(
        "--output", type=Path, default=None, help="skriv sammanfattningen också till en fil"
    )


@command("changes", _arguments)
def changes(args: argparse.Namespace) -> int:
    try:
        change_set = collect_changes(args.root, args.base, args.head)
    except GitUnavailable as exc:
        raise UserError(f"ändringarna kan inte läsas ur Git: {exc}.") from None
    summary = summarise(change_set, REVIEW_SECTIONS)
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
