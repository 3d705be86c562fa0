"""`export-docs`: the complete site source for an engine without hooks or macros (e.g. Zensical)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.website.export import ExportError, export_docs


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", type=Path, help="en ny, tom mapp, t.ex. export")
    parser.add_argument(
        "--config", default="mkdocs.yml", help="konfigurationen att exportera (mkdocs.public.yml)"
    )


@command("export-docs", _arguments)
def export(args: argparse.Namespace) -> int:
    try:
        result = export_docs(args.root, args.target, args.config)
    except ExportError as error:
        raise UserError(str(error)) from None
    print(
        f"Skrev {result.generated} genererade sidor, {len(result.expanded)} sidor med makron "
        f"och {result.copied} andra filer till {result.target}."
    )
    print(
        f"Bygg med: mkdocs build -f {result.target / 'mkdocs.yml'} (ingen sökning och inga PDF:er; "
        "sökindexet: python -m ledningssystem search-index <byggd mapp>)."
    )
    return 0
