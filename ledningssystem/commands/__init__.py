"""Every sub-command of `python -m ledningssystem`, one module each.

registry.COMMANDS names each command's module; cli.py lists them all and imports only the
module of the command that runs (registry.load_command).
"""

from ledningssystem.commands.registry import COMMANDS, UserError, load_command

__all__ = ["COMMANDS", "UserError", "load_command"]
