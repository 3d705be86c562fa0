"""`ny-organisation`: from the example to a förvaltning's own, empty ledningssystem."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ledningssystem.adoption.adopt import (
    Adoption,
    AdoptionRefused,
    NewOrganisation,
    adopt,
    check_can_adopt,
    git_links,
)
from ledningssystem.commands.registry import UserError, command
from ledningssystem.portal.load import load_ledningssystem

_QUESTIONS = (
    ("municipality", "--kommun", "Kommunens namn (t.ex. Nykommun)"),
    ("board", "--nämnd", "Nämndens namn (t.ex. Omsorgsnämnden)"),
    ("administration", "--förvaltning", "Förvaltningens namn (t.ex. Omsorgsförvaltningen)"),
)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kommun", dest="municipality", help='t.ex. "Nykommun"')
    parser.add_argument("--nämnd", "--namnd", dest="board", help='t.ex. "Omsorgsnämnden"')
    parser.add_argument(
        "--förvaltning", "--forvaltning", dest="administration", help='t.ex. "Omsorgsförvaltningen"'
    )
    parser.add_argument(
        "--git-url",
        dest="git_url",
        help="förrådets adress på er Git-tjänst, t.ex. https://gitlab.nykommun.se/omsorg/ls",
    )
    parser.add_argument(
        "--git-tjänst",
        "--git-tjanst",
        dest="git_host",
        choices=["gitlab", "github"],
        help="vilken sorts Git-tjänst (gissas annars från adressen)",
    )
    parser.add_argument(
        "--ja",
        action="store_true",
        help="fråga inget: det som inte anges lämnas tomt eller stoppar",
    )


@command("ny-organisation", _arguments)
def new_organisation(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    try:
        check_can_adopt(root)
        new = NewOrganisation(**_answers(args))
        git_links(new.git_url, new.git_host)  # a wrong address stops before anything changes
        done = adopt(root, new, dt.date.today())
    except AdoptionRefused as refused:
        raise UserError(str(refused)) from None
    content = load_ledningssystem(root)  # raises ContentErrors if the result does not validate
    print(_summary(new, done, len(content.roles), len(content.requirements)))
    return 0


def _answers(args: argparse.Namespace) -> dict[str, str]:
    answers: dict[str, str] = {}
    for key, option, question in _QUESTIONS:
        value = (getattr(args, key) or "").strip() or ("" if args.ja else _ask(question))
        if not value:
            raise UserError(f'ange {option}, t.ex. {option} "{question.split("t.ex. ")[1][:-1]}"')
        answers[key] = value
    git_url = args.git_url
    if git_url is None and not args.ja:
        git_url = _ask("Adress till förrådet på er Git-tjänst (tomt: fyll i senare)")
    answers["git_url"] = (git_url or "").strip()
    answers["git_host"] = args.git_host or ""
    return answers


def _ask(question: str) -> str:
    try:
        return input(f"{question}: ").strip()
    except EOFError:
        return ""


def _summary(new: NewOrganisation, done: Adoption, roles: int, requirements: int) -> str:
    removed = done.removed
    years = f" ({', '.join(done.years)})" if done.years else ""
    git_step = (
        "Länkarna till Git-tjänsten står i ledningssystem.yml."
        if new.git_url
        else "Fyll i adressen till Git-tjänsten i ledningssystem.yml (git: redigera_url, "
        "ändring_url)."
    )
    return "\n".join(
        [
            "Klart: det här är nu ledningssystemet för "
            f"{new.administration}, {new.board}, {new.municipality}.",
            f"Tog bort exemplets {removed['processer']} processer, {removed['rutiner']} rutiner "
            f"och {removed['år']} kvalitetsberättelser{years}.",
            f"Behöll {roles} standardroller, lagkravsregistret ({requirements} krav), "
            "berättelsens inställningar och årshjulet.",
            "Nya utkast att utgå från: processes/mall-process.yml och routines/mall-rutin.md.",
            "Innehållet är korrekt (check).",
            "",
            "Nästa steg (guiden Kom igång i er förvaltning, docs/kom-igang.md):",
            "  1. Lägg in avdelningar och enheter i roles/organisation.yml.",
            "  2. Skriv Git-användare (git:) för rollerna i roles/roller.yml; kör make codeowners.",
            f"  3. {git_step}",
            '  4. Importera era Word-rutiner: make import-word FIL="mappen med rutiner"',
            "  5. Granska: make check och make serve (http://127.0.0.1:8000).",
            '  6. Checka in: git add -A && git commit -m "Vårt eget ledningssystem"',
            "  7. Publicera på intranätet: make paket (se guiden för IIS, nginx och Sitevision).",
        ]
    )
