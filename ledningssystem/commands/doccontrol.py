"""`show --as-of` (the version in force on a date) and `review-due` (reviews to do)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.doccontrol.as_of import version_in_force
from ledningssystem.doccontrol.changes import roles_at
from ledningssystem.doccontrol.git import read_blobs
from ledningssystem.doccontrol.history import History, read_history
from ledningssystem.doccontrol.review_due_report import render_review_due
from ledningssystem.doccontrol.review_radar import overview
from ledningssystem.legal.law_watch import affected_documents
from ledningssystem.portal.load import load_ledningssystem


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" är inte ett datum ÅÅÅÅ-MM-DD') from None


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="dokumentets fil, t.ex. routines/rapportera-avvikelse.md")
    parser.add_argument(
        "--as-of", type=_date, default=None, help="datumet ÅÅÅÅ-MM-DD (standard: dagens datum)"
    )


@command("show", _show_arguments)
def show(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    path = _relative(root, args.file)
    day = args.as_of or dt.date.today()
    history = read_history(root)
    if not history.available:
        raise UserError(f"historik saknas: {history.problem}.")
    answer = version_in_force(history, history.current_path(path), day)
    pending = answer.pending
    note = (
        f"Obs: version {pending.meta.version} var incheckad {pending.date} men gäller först "
        f"från {pending.meta.valid_from}."
        if pending and pending.meta and pending.meta.valid_from
        else ""
    )
    rev = answer.revision
    if rev is None:
        raise UserError(f"{answer.explanation}.{' ' + note if note else ''}")
    meta = rev.meta
    assert meta is not None  # a revision in force was read
    text = (read_blobs(root, [f"{rev.commit.sha}:{rev.path}"])[0] or b"").decode("utf-8-sig")
    roles = roles_at(root, rev.commit.sha)

    def role(role_id: str) -> str:
        return roles[role_id].name if role_id in roles else role_id or "–"

    print(f"# {meta.title or path} – gällande {day}")
    print()
    for label, value in (
        ("Version", meta.version),
        ("Status", meta.status),
        ("Gäller från", meta.valid_from),
        ("Fastställd av", f"{role(meta.approved_by)}, {meta.approved_on or '–'}"),
        ("Ägare", role(meta.owner)),
        ("Revideras senast", meta.review_by),
        ("Ur Git", f'{rev.commit.short} {rev.date} av {rev.commit.author}: "{rev.commit.subject}"'),
        ("Fil", rev.path),
    ):
        print(f"- {label}: {value or '–'}")
    if note:
        print(f"\n{note}")
    print("\n---\n")
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


def _relative(root: Path, file: str) -> str:
    candidate = Path(file)
    absolute = (candidate if candidate.is_absolute() else Path.cwd() / candidate).resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        if not candidate.is_absolute():
            return candidate.as_posix()
        raise UserError(f"{file} ligger inte i {root}.") from None


def _review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site-url", default="", help="portalens adress, för länkar till dokumenten"
    )


@command("review-due", _review_arguments)
def review_due(args: argparse.Namespace) -> int:
    content = load_ledningssystem(args.root)
    control = overview(content, History())
    law_changes = affected_documents(content)
    print(render_review_due(content, control, args.site_url, law_changes), end="")
    return 0
