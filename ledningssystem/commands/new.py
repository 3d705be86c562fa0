"""`new rutin|process "Titel"`: scaffold a valid file with an unused id and today's date."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ledningssystem.cli import UserError, command
from ledningssystem.load import load_ledningssystem
from ledningssystem.model.content import Ledningssystem
from ledningssystem.render.templating import render_template
from ledningssystem.slug import slugify, unused_id


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["rutin", "process"], help="vad som ska skapas")
    parser.add_argument("title", help='rubrik eller namn, t.ex. "Hantera nyckelkvittens"')
    parser.add_argument("--agare", "--ägare", dest="owner", help="rollen som äger dokumentet")
    parser.add_argument(
        "--typ",
        dest="kind_of",
        help="rutin: rutin, checklista, …; process: styrprocess, huvudprocess eller stödprocess",
    )


@command("new", "skapa en ny rutin eller process med alla fält ifyllda", _arguments)
def new(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    content = load_ledningssystem(root)
    owner = args.owner or _default_owner(content)
    if owner not in content.roles:
        raise UserError(f'rollen "{owner}" finns inte; välj en av: {", ".join(content.roles)}')
    taken = set(content.routines) if args.kind == "rutin" else set(content.processes)
    new_id = unused_id(slugify(args.title), taken)
    folder = root / ("routines" if args.kind == "rutin" else "processes")
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
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(render_template(f"scaffold/{args.kind}.jinja", **values), encoding="utf-8")
    load_ledningssystem(root)  # the new file must validate with everything else
    print(
        f"Skapade {path.relative_to(root)} (id: {new_id}). Fyll i texten och skicka in en "
        "ändringsbegäran när den är klar."
    )
    return 0


def _default_owner(content: Ledningssystem) -> str:
    return "kvalitetschef" if "kvalitetschef" in content.roles else next(iter(content.roles))


def _performer(content: Ledningssystem, owner: str) -> str:
    """A role other than the owner to perform the first step (a step needs both R and A)."""
    candidates: list[str] = ["medarbetare", "enhetschef", *content.roles, owner]
    return next(r for r in candidates if r in content.roles and r != owner or r == owner)
