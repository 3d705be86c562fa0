"""python -m ledningssystem …: the commands process owners and CI run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ledningssystem.core.errors import ContentErrors

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, tuple[Command, Callable[[argparse.ArgumentParser], None], str]] = {}


def command(
    name: str, help_text: str, arguments: Callable[[argparse.ArgumentParser], None] = lambda p: None
):
    """Register a sub-command; each feature module adds its own."""

    def register(func: Command) -> Command:
        _COMMANDS[name] = (func, arguments, help_text)
        return func

    return register


def main(argv: Sequence[str] | None = None) -> int:
    _import_commands()
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
    for name, (func, arguments, help_text) in sorted(_COMMANDS.items()):
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        arguments(sub_parser)
        sub_parser.set_defaults(func=func)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except UserError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1


class UserError(Exception):
    """A problem with how a command was called, told in Swedish."""


def _import_commands() -> None:
    # Each module registers its commands with @command when imported.
    from ledningssystem.commands import (  # noqa: F401
        changes,
        check,
        codeowners,
        doccontrol,
        export,
        faststall,
        import_bpmn,
        import_data,
        import_word,
        new,
        new_organisation,
        package,
        pdf,
        report,
        schema,
        search,
    )
