"""`check`: validate all content without building the site."""

from __future__ import annotations

import argparse
import sys

from ledningssystem.cli import command
from ledningssystem.errors import ContentErrors
from ledningssystem.law_watch import law_watch_warnings
from ledningssystem.load import load_ledningssystem


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strikt",
        action="store_true",
        help="avsluta med fel även när gällande dokument hänvisar till upphävda lagkrav",
    )


@command("check", "granska allt innehåll och visa alla fel på en gång", _arguments)
def check(args: argparse.Namespace) -> int:
    content = load_ledningssystem(args.root)
    warnings = law_watch_warnings(content)
    if warnings and args.strikt:
        raise ContentErrors(warnings)
    if warnings:
        # A law change does not stop the build: the documents still apply until revised.
        count = len(warnings)
        noun = "hänvisning" if count == 1 else "hänvisningar"
        print(
            f"Lagbevakning: {count} {noun} i gällande dokument till lagkrav som har upphört "
            "(make check STRIKT=ja stoppar på dem):",
            file=sys.stderr,
        )
        for warning in warnings:
            print(f"  {warning.format()}", file=sys.stderr)
    print(
        f"Innehållet är korrekt: {len(content.processes)} processer, "
        f"{len(content.routines)} rutiner, {len(content.roles)} roller, "
        f"{len(content.requirements)} lagkrav."
    )
    return 0
