"""`check`: every content, link, version-rule and CODEOWNERS problem at once, without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledningssystem.commands.registry import command
from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.parse_cache import PARSE_CACHE_FOLDER, use_parse_cache
from ledningssystem.legal.law_watch import law_watch_warnings
from ledningssystem.website.check_memo import (
    Recorded,
    check_key,
    recall,
    recording,
    remember,
    replay,
)
from ledningssystem.website.readiness import check_ready


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strikt",
        action="store_true",
        help="avsluta med fel även när gällande dokument hänvisar till upphävda lagkrav",
    )
    parser.add_argument(
        "--base",
        default=None,
        help="grenen ändringen ska in i (standard: origin/main, main, origin/master eller master)",
    )


@command("check", _arguments)
def check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    # Nothing changed since the last check: its result, as it was (keyed on every input).
    key = check_key(root, args.strikt, args.base)
    remembered = recall(root, key)
    if remembered is not None:
        return replay(remembered)
    with recording() as (out, err):
        code = _check(args)
    remember(root, key, Recorded(out.copy.getvalue(), err.copy.getvalue(), code))
    return code


def _check(args: argparse.Namespace) -> int:
    # Warm checks read unchanged files' parses from disk (keyed on content, never stale).
    use_parse_cache(Path(args.root) / PARSE_CACHE_FOLDER)
    result = check_ready(args.root, args.base)
    for note in result.notes:
        print(note, flush=True)
    warnings = law_watch_warnings(result.content)
    errors = result.errors + (warnings if args.strikt else [])
    if errors:
        print(ContentErrors(errors).report(), file=sys.stderr)
        return 1
    if warnings:
        _print_law_watch(warnings)
    content = result.content
    print(
        f"Innehållet är korrekt och klart för granskning: {len(content.processes)} processer, "
        f"{len(content.routines)} rutiner, {len(content.roles)} roller, "
        f"{len(content.requirements)} lagkrav; CODEOWNERS är aktuell."
    )
    return 0


def _print_law_watch(warnings: list[ContentError]) -> None:
    # A law change does not stop the build: the documents still apply until revised.
    count = len(warnings)
    noun = "hänvisning" if count == 1 else "hänvisningar"
    print(
        f"Lagbevakning: {count} {noun} i gällande dokument till lagkrav som har upphört "
        "(make check STRIKT=ja stoppar på dem):",
        file=sys.stderr,
    )
    for warning in warnings:
        print(f"  {warning.format()}", file=sys.stderr)
