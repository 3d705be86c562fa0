"""python -m ledningssystem …: the commands process owners and CI run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ledningssystem.commands import COMMANDS, UserError
from ledningssystem.core.errors import ContentErrors


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ledningssystem", description="Verktyg för ledningssystemet."
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="mappen med innehållet (standard: aktuell mapp)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    for name, registered in sorted(COMMANDS.items()):
        sub_parser = sub.add_parser(
            name, help=registered.help_text, description=registered.help_text
        )
        registered.arguments(sub_parser)
        sub_parser.set_defaults(func=registered.func)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except UserError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1
