"""`import-bpmn FIL.bpmn`: a process from a BPMN 2.0 file, as processes/<id>.yml."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from ledningssystem.bpmn.importer import BpmnError, Imported, import_bpmn
from ledningssystem.commands.registry import UserError, command
from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.portal.load import load_ledningssystem


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("fil", type=Path, metavar="FIL", help="BPMN-filen, t.ex. process.bpmn")
    parser.add_argument("--agare", "--ägare", dest="owner", help="rollen som äger processen")
    parser.add_argument(
        "--typ",
        dest="kind",
        default="stödprocess",
        choices=["styrprocess", "huvudprocess", "stödprocess"],
        help="processtyp (standard: stödprocess)",
    )
    parser.add_argument("--force", action="store_true", help="skriv över en befintlig process")


@command("import-bpmn", _arguments)
def import_bpmn_command(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    if not args.fil.is_file():
        raise UserError(f"filen {args.fil} finns inte")
    content = load_ledningssystem(root)
    owner = args.owner or ("kvalitetschef" if "kvalitetschef" in content.roles else "")
    if owner not in content.roles:
        raise UserError(
            f'rollen "{owner}" finns inte; ange --ägare, t.ex. {next(iter(content.roles))}'
        )
    today = content.settings.today or dt.date.today()
    try:
        imported = import_bpmn(args.fil.read_bytes(), content, owner, args.kind, today)
    except BpmnError as error:
        raise UserError(f"{args.fil}: {error}") from None
    path = root / "processes" / f"{imported.data['id']}.yml"
    if path.exists() and not args.force:
        raise UserError(
            f"{path.relative_to(root)} finns redan; ange --force för att skriva över den"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(process_yaml(imported, args.fil.name), encoding="utf-8")
    written = path.relative_to(root).as_posix()
    print(report(imported, written, content))
    try:
        load_ledningssystem(root)  # the new file must validate with everything else
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        print(f"Rätta felen i {written} (eller ta bort filen) och kör make check.", file=sys.stderr)
        return 1
    return 0


def process_yaml(imported: Imported, source: str) -> str:
    """The process file: a comment saying where it came from, then the fields in order."""
    body = yaml.safe_dump(
        imported.data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )
    return f"# Importerad från {source}. Granska texterna och ansvarsfördelningen.\n{body}"


def report(imported: Imported, path: str, content: Ledningssystem) -> str:
    """What was written and, in Swedish, everything that could not be carried over."""
    steps = imported.data["steg"]
    roles = dict.fromkeys(s["utförare"] for s in steps)
    lines = [f"Skrev {path}: {len(steps)} steg i {len(roles)} simbanor ({', '.join(roles)})."]
    if imported.notes:
        lines.append("Kunde inte föras över eller behöver granskas:")
        lines += [f"  - {note}" for note in dict.fromkeys(imported.notes)]
    else:
        lines.append("Allt i filen fördes över.")
    return "\n".join(lines)
