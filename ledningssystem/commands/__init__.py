"""Every sub-command of `python -m ledningssystem`, one module each.

Importing this package imports each command module, which registers itself in
registry.COMMANDS; cli.py builds the argument parser from that registry.
"""

from ledningssystem.commands import (  # noqa: F401 - each module registers its commands
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
from ledningssystem.commands.registry import COMMANDS, UserError

__all__ = ["COMMANDS", "UserError"]
