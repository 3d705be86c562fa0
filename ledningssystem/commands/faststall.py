"""`fastställ <år> [--rättelse ORSAK --ändring VAD]`: seal a fastställd year, or record a rättelse.

Writes fastställd › fingeravtryck (or appends to rättelser) in report.yml and rewrites
faststalld.lock, so nobody computes a hash by hand. Only the two blocks are rewritten;
the rest of report.yml keeps its comments and layout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ledningssystem.commands.faststall_archive import seal_with_archive, seal_without_archive
from ledningssystem.commands.registry import UserError, command
from ledningssystem.core.file_names import REPORTS_DIR
from ledningssystem.core.messages import translate
from ledningssystem.core.model.settings import Settings
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.report.meta import ReportMeta, ReportStatus
from ledningssystem.report.seal import (
    LOCK_FILE,
    META_FILE,
    correction_command,
    read_lock,
    seal_command,
    seal_holds,
    sealed_fingerprint,
    uncovered_inputs,
    year_manifest,
)
from ledningssystem.report.seal_archive import archive_name

_PLACEHOLDER = "sha256:ny"
_TOP_LEVEL_KEY = re.compile(r"^[^\s#\-]")


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("year", type=int, metavar="år", help="året som är fastställt, t.ex. 2024")
    parser.add_argument("--rättelse", "--rattelse", dest="reason", help="varför det rättas")
    parser.add_argument("--ändring", "--andring", dest="change", help="vad som ändrades")
    parser.add_argument(
        "--datum", dest="date", type=dt.date.fromisoformat, help="rättelsens datum (standard: idag)"
    )
    parser.add_argument(
        "--utan-pdf",
        dest="no_pdf",
        action="store_true",
        help="försegla utan att arkivera PDF:en (den skrivs då vid varje bygge)",
    )


@command("faststall", _arguments)
@command("fastställ", _arguments)
def faststall(args: argparse.Namespace) -> int:
    if bool(args.reason) != bool(args.change):
        raise UserError('en rättelse behöver både --rättelse "varför" och --ändring "vad"')
    folder = Path(args.root).resolve() / REPORTS_DIR / str(args.year)
    path = folder / META_FILE
    rel = f"{REPORTS_DIR}/{args.year}/{META_FILE}"
    if not path.is_file():
        raise UserError(f"{rel} finns inte")
    text = path.read_text(encoding="utf-8-sig")
    data, meta = _meta(text, rel)
    if meta.status is not ReportStatus.APPROVED or meta.approval is None:
        raise UserError(
            f"berättelsen för {args.year} är inte fastställd. Skriv först status: fastställd och "
            "fastställd: {datum, av, paragraf, dnr} i " + rel
        )
    sealed = sealed_fingerprint(meta)
    current = _unarchived_fingerprint(folder, text)
    lock = read_lock(folder)
    archived = lock is not None and archive_name(args.year) in lock.files
    if args.reason:
        if not sealed:
            raise UserError(
                f"{args.year} är inte förseglat ännu; kör först {seal_command(args.year)}"
            )
        if seal_holds(folder, sealed, text):
            raise UserError(f"inget i {args.year} har ändrats sedan det förseglades")
        entry = {
            "datum": (args.date or Settings().effective_today()).isoformat(),
            "orsak": args.reason,
            "ändring": args.change,
            "fingeravtryck": current,
        }
        found = data.get("rättelser")
        earlier: list[Any] = found if isinstance(found, list) else []
        text = replace_block(text, "rättelser", [*earlier, entry])
        done = f"Rättelsen av {args.year} är registrerad i {rel} och {LOCK_FILE}."
    elif sealed and (archived or args.no_pdf) and year_manifest(folder, text).fingerprint == sealed:
        print(f"{args.year} är redan förseglat och oförändrat; inget att göra.")
        return 0
    elif sealed and seal_holds(folder, sealed, text):
        # An older seal that holds on what it covered: widen it to all the year reads.
        archive = [] if args.no_pdf else [f"{rel_folder(args.year)}/{archive_name(args.year)}"]
        added = ", ".join([*uncovered_inputs(folder), *archive])
        text = text.replace(sealed, current)
        done = (
            f"Förseglingen av {args.year} omfattar nu också {added}. Inget i berättelsen har "
            "ändrats."
        )
    elif sealed:
        raise UserError(
            f"{args.year} är redan fastställt och innehållet har ändrats. Registrera ändringen som "
            f"en rättelse: {correction_command(args.year)}"
        )
    else:
        approval = dict(data["fastställd"])
        text = replace_block(text, "fastställd", {**approval, "fingeravtryck": _PLACEHOLDER})
        # The fingerprint leaves itself out, so it can be computed from the text it goes into.
        text = text.replace(_PLACEHOLDER, _unarchived_fingerprint(folder, text))
        done = f"{args.year} är förseglat: ändringar efter beslutet stoppar nu check och bygget."
    if args.no_pdf:
        seal_without_archive(Path(args.root), args.year, text)
        print(done)
        return 0
    seal_with_archive(Path(args.root), args.year, text)
    print(done)
    print(
        f"PDF:en av den fastställda berättelsen är arkiverad i {rel_folder(args.year)}/"
        f"{archive_name(args.year)}: bygget publicerar den som den är. Checka in den med "
        "report.yml och faststalld.lock."
    )
    return 0


def _unarchived_fingerprint(folder: Path, text: str) -> str:
    """The fingerprint without the archived PDF: it is rendered from what is sealed, and then
    sealed too (faststall_archive)."""
    return year_manifest(folder, text, archive=False).fingerprint


def rel_folder(year: int) -> str:
    return f"{REPORTS_DIR}/{year}"


def _meta(text: str, rel: str) -> tuple[dict[str, Any], ReportMeta]:
    try:
        data, lines = parse_yaml(text)
    except YamlProblem as problem:
        raise UserError(f"{rel}:{problem.line}: {problem.message}") from None
    try:
        meta = ReportMeta.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(e.format() for e in translate(exc, rel, lines, ReportMeta, ()))
        raise UserError(f"rätta först {rel}: {problems}") from None
    return data, meta


class _Dumper(yaml.SafeDumper):
    """Writes 2025-02-20 unquoted: parse_yaml reads dates as text, and pydantic parses them."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def replace_block(text: str, key: str, value: object) -> str:
    """`text` with the top-level `key:` block replaced by `value` (appended when absent)."""
    block = yaml.dump(
        {key: value},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    lines = text.splitlines(keepends=True)
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if re.match(rf"^[\"']?{re.escape(key)}[\"']?\s*:", line)
        ),
        None,
    )
    if start is None:
        prefix = "".join(lines)
        if prefix and not prefix.endswith("\n"):
            prefix += "\n"
        return prefix + block
    end = start + 1
    while end < len(lines) and not _TOP_LEVEL_KEY.match(lines[end]):
        end += 1
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].lstrip()[:1] == "#"):
        end -= 1  # comments and blank lines before the next key belong to it
    return "".join(lines[:start]) + block + "".join(lines[end:])
