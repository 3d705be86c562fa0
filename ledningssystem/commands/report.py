"""`nyckeltal`: the computed figures of a year's berättelse, for checking and for diffs."""

from __future__ import annotations

import argparse
import sys

from ledningssystem.cli import UserError, command
from ledningssystem.load import load_ledningssystem
from ledningssystem.report import reports_of
from ledningssystem.report.export import figures_csv, figures_json


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ar", nargs="?", type=int, metavar="ÅR", help="året (standard: senaste)")
    parser.add_argument(
        "--format", choices=["text", "csv", "json"], default="text", help="utdata (standard: text)"
    )


@command("nyckeltal", "visa alla beräknade figurer för ett års kvalitetsberättelse", _arguments)
def key_figures(args: argparse.Namespace) -> int:
    reports = reports_of(load_ledningssystem(args.root))
    if reports is None or not reports.years:
        raise UserError("det finns ingen kvalitetsberättelse i reports/")
    year = args.ar if args.ar is not None else reports.latest
    if year not in reports.figures:
        years = ", ".join(str(y) for y in reports.years)
        raise UserError(f"det finns ingen berättelse för {year}; det finns för {years}")
    if args.format == "csv":
        sys.stdout.write(figures_csv(reports, year).lstrip("\ufeff"))
    elif args.format == "json":
        sys.stdout.write(figures_json(reports, year))
    else:
        for figure in reports.figures[year]:
            change = figure.change_text()
            print(f"{figure.name}\t{figure.text()}" + (f"\t({change})" if change else ""))
    return 0
