"""`check`: every content, link, version-rule and CODEOWNERS problem at once, without building."""

from __future__ import annotations

import argparse
import sys

from ledningssystem.cli import command
from ledningssystem.errors import ContentErrors
from ledningssystem.readiness import check_ready


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base",
        default=None,
        help="grenen ändringen ska in i (standard: origin/main, main, origin/master eller master)",
    )


@command("check", "granska allt innehåll och visa alla fel på en gång", _arguments)
def check(args: argparse.Namespace) -> int:
    result = check_ready(args.root, args.base)
    for note in result.notes:
        print(note, flush=True)
    if result.errors:
        print(ContentErrors(result.errors).report(), file=sys.stderr)
        return 1
    content = result.content
    print(
        f"Innehållet är korrekt och klart för granskning: {len(content.processes)} processer, "
        f"{len(content.routines)} rutiner, {len(content.roles)} roller, "
        f"{len(content.requirements)} lagkrav; CODEOWNERS är aktuell."
    )
    return 0
