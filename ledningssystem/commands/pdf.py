"""`pdf`: print a year's kvalitetsberättelse as a tagged PDF (or every year into the site)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.pdf.adapter import (
    load_year_views,
    pdf_site_path,
    report_to_pdf_document,
)
from ledningssystem.pdf.engine import SystemLibrariesMissing, render_pdf
from ledningssystem.pdf.markdown_config import MarkdownConfigMissing, site_markdown_extensions
from ledningssystem.render.format import format_number


def _arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--year", "--år", type=int, dest="year", help="året, t.ex. 2024")
    which.add_argument(
        "--all", "--alla", action="store_true", dest="all", help="alla år (med --site-dir)"
    )
    parser.add_argument(
        "--out", type=Path, help="PDF-filen (standard: kvalitetsberattelse-ÅÅÅÅ.pdf)"
    )
    parser.add_argument(
        "--site-dir", type=Path, help="byggd webbplats att lägga PDF:erna i (med --all)"
    )


@command("pdf", _arguments)
def pdf(args: argparse.Namespace) -> int:
    if args.all and args.site_dir is None:
        raise UserError("--all kräver --site-dir, t.ex. --site-dir site")
    content, views = load_year_views(args.root)
    if args.all:
        targets = {year: args.site_dir / pdf_site_path(year) for year in views}
    elif args.year in views:
        targets = {args.year: args.out or Path(f"kvalitetsberattelse-{args.year}.pdf")}
    else:
        found = ", ".join(str(y) for y in views) or "inga"
        raise UserError(
            f"det finns ingen berättelse för {args.year} (finns: {found}). "
            f"Lägg den i reports/{args.year}/report.yml."
        )
    municipality = content.organisation.municipality
    try:
        extensions = site_markdown_extensions(args.root)
    except MarkdownConfigMissing as error:
        raise UserError(str(error)) from None
    for year, target in targets.items():
        doc = report_to_pdf_document(
            views[year], today=content.today, markdown=extensions, municipality=municipality
        )
        started = time.perf_counter()
        try:
            data = render_pdf(doc)
        except SystemLibrariesMissing as error:
            raise UserError(str(error)) from error
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        seconds = time.perf_counter() - started
        size = format_number(len(data) / 1e6, 1)
        print(f"Skrev {target} ({size} MB) på {format_number(seconds, 1)} s.")
    return 0
