"""`check`: validate all content without building the site."""

from __future__ import annotations

import argparse

from ledningssystem.cli import command
from ledningssystem.load import load_ledningssystem


@command("check", "granska allt innehåll och visa alla fel på en gång")
def check(args: argparse.Namespace) -> int:
    content = load_ledningssystem(args.root)
    print(
        f"Innehållet är korrekt: {len(content.processes)} processer, "
        f"{len(content.routines)} rutiner, {len(content.roles)} roller, "
        f"{len(content.requirements)} lagkrav."
    )
    return 0
