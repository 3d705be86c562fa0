"""The sub-commands of `python -m ledningssystem`: each command module registers its own."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

Command = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Registered:
    func: Command
    arguments: Arguments
    help_text: str


COMMANDS: dict[str, Registered] = {}


def command(name: str, help_text: str, arguments: Arguments = lambda p: None):
    """Register a sub-command under `name`, with its arguments and its Swedish help text."""

    def register(func: Command) -> Command:
        COMMANDS[name] = Registered(func, arguments, help_text)
        return func

    return register


class UserError(Exception):
    """A problem with how a command was called, told in Swedish."""
