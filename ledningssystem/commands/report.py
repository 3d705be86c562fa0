"""`nyckeltal` (the computed figures of a year) and `ny-berattelse` (start a new year)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.core.file_names import REPORTS_DIR
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.export import figures_csv, figures_json
from ledningssystem.report.scaffold import actions_yaml, new_year_meta, open_actions


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ar", nargs="?", type=int, metavar="ÅR", help="året (standard: senaste)")
    parser.add_argument(
        "--format", choices=["text", "csv", "json"], default="text", help="utdata (standard: text)"
    )


@command("nyckeltal", _arguments)
def key_figures(args: argparse.Namespace) -> int:
    reports = load_ledningssystem(args.root).reports
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
            print(f"{figure.name}\t{figure.cell()}" + (f"\t({change})" if change else ""))
    return 0


def _new_year_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ar", type=int, metavar="ÅR", help="året som den nya berättelsen gäller")


@command("ny-berattelse", _new_year_arguments)
def new_year(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    content = load_ledningssystem(root)
    reports = content.reports
    folder = root / REPORTS_DIR / str(args.ar)
    if folder.exists():
        raise UserError(f"{folder.relative_to(root)} finns redan")
    earlier = [y for y in (reports.years if reports else {}) if y < args.ar]
    last = reports.years[max(earlier)] if reports and earlier else None
    (folder / "text").mkdir(parents=True)
    (folder / "report.yml").write_text(new_year_meta(content, args.ar, last), encoding="utf-8")
    carried = open_actions(last)
    if last is not None and last.actions is not None:
        (folder / "atgarder.yml").write_text(actions_yaml(args.ar, carried), encoding="utf-8")
    load_ledningssystem(root)  # what was written must validate with everything else
    print(
        f"Skapade {folder.relative_to(root)}/ med report.yml (utkast)"
        + (f" och {len(carried)} öppna åtgärder från {last.year}" if last else "")
        + ". Lägg till datafilerna och texterna; se Kvalitetsberättelsen i skrivguiden."
    )
    return 0
