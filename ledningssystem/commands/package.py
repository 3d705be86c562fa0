"""`paket`: pack the built site (site/) into one archive for the intranet's web server."""

from __future__ import annotations

import argparse
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.website.archive import ArchiveError, write_site_archive

DEFAULT_ARCHIVE = "ledningssystem-webbplats.zip"


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, default=Path("site"), help="den byggda webbplatsen")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(DEFAULT_ARCHIVE),
        help=f"arkivet (standard: {DEFAULT_ARCHIVE})",
    )


@command("paket", _arguments)
def package(args: argparse.Namespace) -> int:
    root = Path(args.root)
    site, target = root / args.site, root / args.out
    try:
        count = write_site_archive(site, target)
    except ArchiveError as error:
        raise UserError(str(error)) from None
    print(
        f"Skrev {target} ({count} filer, {target.stat().st_size // 1024} kB). Packa upp den i "
        "webbserverns mapp för webbplatsen; se guiden Kom igång i er förvaltning › Publicera."
    )
    return 0
