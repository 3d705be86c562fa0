"""The sub-commands of `python -m ledningssystem`: a table of names, each module imported on use.

A command's module is imported only when that command runs, by its name in COMMANDS
(importlib): importing every command module cost each command ~0.4 s before it began. A
command that answers from a memo (`check`) names a second module for its full run, imported
only when the memo cannot answer: a warm check pays for no loader, model or renderer.
The modules register their function and arguments with @command; the table holds the help
text, so `--help` lists every command without importing any.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass

Command = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Listed:
    module: str  # the module under ledningssystem.commands that registers the command
    help_text: str  # Swedish, for --help
    # A command that can answer from a memo first: the module of its full run, imported only
    # when the memo cannot answer (it registers the run with @full_run).
    full: str | None = None


@dataclass(frozen=True)
class Registered:
    func: Command
    arguments: Arguments


COMMANDS: dict[str, Listed] = {
    "changes": Listed(
        "changes",
        "sammanfatta en gren för granskaren (Markdown); fel om versionsreglerna inte följs",
    ),
    "check": Listed("check", "granska allt innehåll och visa alla fel på en gång", "check_run"),
    "codeowners": Listed("codeowners", "skriv CODEOWNERS: dokumentens ägare granskar ändringar"),
    "export-docs": Listed(
        "export",
        "skriv hela webbplatsens källa med färdiga sidor och makron (bygger utan hooks och makron)",
    ),
    "faststall": Listed("faststall", "samma som fastställ (utan å, ä och ö)"),
    "fastställ": Listed(
        "faststall", "försegla en fastställd berättelse, eller registrera en rättelse av den"
    ),
    "import": Listed(
        "import_data", "importera avvikelser eller klagomål från verksamhetssystemets export"
    ),
    "import-bpmn": Listed(
        "import_bpmn", "skapa en process ur en BPMN 2.0-fil (2c8, Canea, Camunda)"
    ),
    "import-word": Listed("import_word", "importera Word-dokument (.docx) som rutiner (utkast)"),
    "new": Listed("new", "skapa en ny rutin eller process med alla fält ifyllda"),
    "ny-berattelse": Listed(
        "report", "lägg upp ett nytt års berättelse (utkast) med förra årets öppna åtgärder"
    ),
    "ny-organisation": Listed(
        "new_organisation",
        "byt exemplet mot er egen organisation (exemplet tas bort, roller och lagkrav blir kvar)",
    ),
    "nyckeltal": Listed("report", "visa alla beräknade figurer för ett års kvalitetsberättelse"),
    "paket": Listed("package", "packa den byggda webbplatsen som en zip-fil att ladda upp"),
    "pdf": Listed("pdf", "skriv ut kvalitetsberättelsen som PDF"),
    "review-due": Listed(
        "doccontrol",
        "lista försenade och kommande revideringar och dokument som berörs av lagändring "
        "(Markdown)",
    ),
    "schema": Listed("schema", "skriv JSON-scheman för innehållsfilerna (för förslag i VS Code)"),
    "search-index": Listed("search", "bygg sökindexet (Pagefind) för en byggd webbplats"),
    "show": Listed("doccontrol", "visa den version av ett dokument som gällde ett visst datum"),
}
PACKAGE = "ledningssystem.commands"
REGISTERED: dict[str, Registered] = {}
FULL_RUNS: dict[str, Command] = {}


def command(name: str, arguments: Arguments = lambda p: None):
    """Register the function of the command `name` (listed in COMMANDS) and its arguments."""

    def register(func: Command) -> Command:
        REGISTERED[name] = Registered(func, arguments)
        return func

    return register


def full_run(name: str):
    """Register the full run of the command `name` (whose Listed names this module `full`)."""

    def register(func: Command) -> Command:
        FULL_RUNS[name] = func
        return func

    return register


def load_command(name: str) -> Registered:
    """The command `name`, its module imported now (the only import by name in the engine)."""
    importlib.import_module(f"{PACKAGE}.{COMMANDS[name].module}")
    return REGISTERED[name]


def load_full_run(name: str) -> Command:
    """The full run of the command `name`, its module (Listed.full) imported now."""
    importlib.import_module(f"{PACKAGE}.{COMMANDS[name].full}")
    return FULL_RUNS[name]


class UserError(Exception):
    """A problem with how a command was called, told in Swedish."""
