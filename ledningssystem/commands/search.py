"""`search-index`: build the Pagefind search index of an already built site.

The MkDocs hook runs this after every build; the command is for builds without hooks
(e.g. a future Zensical build, which reads mkdocs.yml but not `hooks:`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.website.search_index import SearchIndexError, build_search_index


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="mappen med den byggda webbplatsen, t.ex. site")


@command("search-index", _arguments)
def search_index(args: argparse.Namespace) -> int:
    site = args.site
    if not (site / "index.html").is_file():
        raise UserError(
            f"{site} är ingen byggd webbplats (index.html saknas). Kör make build först."
        )
    try:
        bundle = build_search_index(site)
    except SearchIndexError as error:
        raise UserError(str(error)) from None
    print(f"Sökindexet är byggt i {bundle}.")
    return 0
