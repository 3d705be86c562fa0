"""`check`'s full run: load and check everything, when its memo (commands.check) cannot answer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledningssystem.commands.registry import full_run
from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.core.parse_cache import PARSE_CACHE_FOLDER, use_parse_cache
from ledningssystem.legal.law_watch import law_watch_warnings
from ledningssystem.report.legal_basis_check import undated_lagrum_warnings
from ledningssystem.report.seal_archive import unarchived_notes
from ledningssystem.website.readiness import check_ready


@full_run("check")
def check(args: argparse.Namespace) -> int:
    # Warm checks read unchanged files' parses from disk (keyed on content, never stale).
    use_parse_cache(Path(args.root) / PARSE_CACHE_FOLDER)
    result = check_ready(args.root, args.base)
    for note in result.notes + unarchived_notes(result.content):
        print(note, flush=True)
    warnings = law_watch_warnings(result.content)
    lagrum = undated_lagrum_warnings(result.content)
    errors = result.errors + (warnings + lagrum if args.strikt else [])
    if errors:
        print(ContentErrors(errors).report(), file=sys.stderr)
        return 1
    if warnings:
        _print_law_watch(warnings)
    if lagrum:
        print("Lagrum utan datum (make check STRIKT=ja stoppar på dem):", file=sys.stderr)
        for warning in lagrum:
            print(f"  {warning.format()}", file=sys.stderr)
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
