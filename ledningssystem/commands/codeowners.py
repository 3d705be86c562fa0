"""`codeowners`: write (or check) CODEOWNERS so a change to a document asks its owner for review."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledningssystem.commands.registry import command
from ledningssystem.doccontrol.codeowners import CODEOWNERS_FILE, render_codeowners
from ledningssystem.portal.load import load_ledningssystem


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help="skriv inget; avsluta med fel om filen inte stämmer med innehållet",
    )
    parser.add_argument(
        "--output", type=Path, default=None, help=f"filen att skriva (standard: {CODEOWNERS_FILE})"
    )


@command("codeowners", _arguments)
def codeowners(args: argparse.Namespace) -> int:
    target = args.output or Path(args.root) / CODEOWNERS_FILE
    expected = render_codeowners(load_ledningssystem(args.root))
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if args.check:
        if current == expected:
            print(f"{target} stämmer med dokumentens ägare.")
            return 0
        print(
            f"{target} stämmer inte med dokumentens ägare. "
            "Kör make codeowners och checka in filen.",
            file=sys.stderr,
        )
        return 1
    if current != expected:
        target.write_text(expected, encoding="utf-8")
        print(f"Skrev {target}.")
    else:
        print(f"{target} var redan aktuell.")
    return 0
