"""python -m ledningssystem …: the commands process owners and CI run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ledningssystem.commands import COMMANDS, UserError, load_command
from ledningssystem.core.errors import ContentErrors


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
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
    chosen = _chosen(argv)
    for name, listed in sorted(COMMANDS.items()):
        sub_parser = sub.add_parser(name, help=listed.help_text, description=listed.help_text)
        if name == chosen:  # only the command that runs has its module imported
            registered = load_command(name)
            registered.arguments(sub_parser)
            sub_parser.set_defaults(func=registered.func)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except UserError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1


def _chosen(argv: list[str]) -> str | None:
    """The command named on the line: the first word that is one, not the value of --root."""
    for i, word in enumerate(argv):
        if word in COMMANDS and (i == 0 or argv[i - 1] != "--root"):
            return word
    return None
