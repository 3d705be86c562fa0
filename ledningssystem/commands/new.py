"""`new rutin|process "Titel"`: scaffold a valid file with an unused id and today's date."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path, PurePosixPath

from ledningssystem.commands.registry import UserError, command
from ledningssystem.core.messages import did_you_mean_named
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.slug import slugify, unused_id
from ledningssystem.doccontrol.codeowners import CODEOWNERS_FILE, render_codeowners
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.render.templating import render_template


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["rutin", "process"], help="vad som ska skapas")
    parser.add_argument("title", help='rubrik eller namn, t.ex. "Hantera nyckelkvittens"')
    parser.add_argument("--agare", "--ägare", dest="owner", help="rollen som äger dokumentet")
    parser.add_argument(
        "--typ",
        dest="kind_of",
        help="rutin: rutin, checklista, …; process: styrprocess, huvudprocess eller stödprocess",
    )
    parser.add_argument(
        "--process",
        dest="process",
        help="rutin: processen (eller process/steg) som rutinen stöder; filen hamnar i dess mapp",
    )


@command("new", _arguments)
def new(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    content = load_ledningssystem(root)
    owner = args.owner or _default_owner(content)
    if owner not in content.roles:
        raise UserError(f'rollen "{owner}" finns inte; välj en av: {", ".join(content.roles)}')
    taken = set(content.routines) if args.kind == "rutin" else set(content.processes)
    new_id = unused_id(slugify(args.title), taken)
    supports = _supported_process(content, args) if args.kind == "rutin" else ""
    folder = root / (routine_folder(content, supports) if args.kind == "rutin" else "processes")
    path = folder / (f"{new_id}.md" if args.kind == "rutin" else f"{new_id}.yml")
    if path.exists():
        raise UserError(f"{path.relative_to(root)} finns redan")
    values = dict(
        id=new_id,
        title=args.title.replace('"', "'"),
        owner=owner,
        today=content.settings.today or dt.date.today(),
        unit=content.organisation.administration.id,
        kind_of=args.kind_of or ("rutin" if args.kind == "rutin" else "stödprocess"),
        performer=_performer(content, owner),
        supports=supports,
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(render_template(f"scaffold/{args.kind}.jinja", **values), encoding="utf-8")
    content = load_ledningssystem(root)  # the new file must validate with everything else
    print(
        f"Skapade {path.relative_to(root)} (id: {new_id}). Fyll i texten, kör make check och "
        "skicka in en ändringsbegäran när den är klar."
    )
    if (root / CODEOWNERS_FILE).exists():  # the new file's owner reviews its changes
        (root / CODEOWNERS_FILE).write_text(render_codeowners(content), encoding="utf-8")
        print(f"Uppdaterade {CODEOWNERS_FILE}.")
    return 0


def _supported_process(content: Ledningssystem, args: argparse.Namespace) -> str:
    """The `process` or `process/steg` the rutin supports: given, asked for, or none."""
    target = args.process
    if target is None and sys.stdin.isatty() and content.processes:
        print("Vilken process stöder rutinen? Skriv dess id (Enter för ingen):")
        for candidate in content.processes.values():
            print(f"  {candidate.id} – {candidate.name}")
        target = input("> ")
    target = (target or "").strip().lower()
    process_id, _, step_id = target.partition("/")
    if not process_id:
        return ""
    process = content.processes.get(process_id)
    if process is None:
        names = {p.id: p.name for p in content.processes.values()}
        raise UserError(
            f'processen "{process_id}" finns inte.{did_you_mean_named(process_id, names)} '
            f"Processerna: {', '.join(names)}"
        )
    if step_id and process.step(step_id) is None:
        steps = {s.id: s.name for s in process.steps}
        raise UserError(
            f'steget "{step_id}" finns inte i processen {process_id}.'
            f"{did_you_mean_named(step_id, steps)} Stegen: {', '.join(steps)}"
        )
    return target


def routine_folder(content: Ledningssystem, supports: str) -> str:
    """Where a new rutin goes: the folder most of its process's rutiner are in.

    A process with no rutiner yet gets a folder named after it; no process, routines/.
    """
    process_id = supports.partition("/")[0]
    if not process_id:
        return "routines"
    folders = Counter(
        str(PurePosixPath(doc.meta.origin.file).parent) for doc in content.routines_for(process_id)
    )
    return folders.most_common(1)[0][0] if folders else f"routines/{process_id}"


def _default_owner(content: Ledningssystem) -> str:
    return "kvalitetschef" if "kvalitetschef" in content.roles else next(iter(content.roles))


def _performer(content: Ledningssystem, owner: str) -> str:
    """A role other than the owner to perform the first step (a step needs both R and A)."""
    candidates: list[str] = ["medarbetare", "enhetschef", *content.roles, owner]
    return next(r for r in candidates if r in content.roles and r != owner or r == owner)
