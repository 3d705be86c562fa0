"""`import`: read an export from the case system into reports/<år>/ (avvikelser, klagomål)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.file_names import REPORT_CONFIG_FILE as CONFIG
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.privacy import mask
from ledningssystem.report.importer import (
    ImportKind,
    ImportRefused,
    ImportSummary,
    export_problems,
    import_export,
    known_ids,
)
from ledningssystem.report.own_kinds import OwnKind


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("typ", help="vilken datafil: en inbyggd sort eller en egen uppgift")
    parser.add_argument("fil", type=Path, metavar="FIL", help="exporten (CSV eller xlsx)")
    parser.add_argument("--year", "--ar", type=int, required=True, dest="year", metavar="ÅR")
    parser.add_argument(
        "--mapping",
        "--mappning",
        type=Path,
        dest="mapping",
        metavar="FIL",
        help="mappningsfil, t.ex. reports/mappningar/treserva-avvikelser.yml",
    )
    parser.add_argument("--force", action="store_true", help="skriv över en befintlig datafil")


@command("import", _arguments)
def import_data(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    try:
        known = known_ids(root)
    except ContentErrors as broken:  # the export's own problems in the same run
        found = export_problems(root, args.typ, args.fil, args.mapping)
        raise ContentErrors([*broken.errors, *found]) from None
    kind = import_kind(args.typ, known.own_kinds)  # a mistyped TYP first: it says the most
    if not args.fil.is_file():
        raise UserError(f"filen {args.fil} finns inte")
    try:
        summary = import_export(root, kind, args.fil, args.year, known, args.mapping, args.force)
    except ImportRefused as refused:
        raise UserError(mask(str(refused))) from None
    print(summary_text(summary))
    return 0


def import_kind(name: str, own: tuple[OwnKind, ...]) -> ImportKind | OwnKind:
    """The built-in kind or own kind (egna_uppgifter) called `name`; a Swedish error if none."""
    if name in {k.value for k in ImportKind}:
        return ImportKind(name)
    found = next((k for k in own if k.id == name), None)
    if found is not None:
        return found
    builtin = ", ".join(k.value for k in ImportKind)
    mine = ", ".join(k.id for k in own) or f"inga (de anges under egna_uppgifter i {CONFIG})"
    guess = did_you_mean(name, [*(k.value for k in ImportKind), *(k.id for k in own)]).strip()
    parts = [
        f'TYP "{name}" finns inte.',
        guess,
        f"Inbyggda: {builtin}.",
        f"Egna uppgifter: {mine}.",
    ]
    raise UserError(" ".join(p for p in parts if p))


# What the per-category lines of the summary are per, for kinds not counted by category.
_PER = {
    "personuppgiftsincidenter": "enhet",
    "lex-maria": "enhet",
    "ej-verkstallda-beslut": "lagrum",
}


def summary_text(summary: ImportSummary) -> str:
    """What the import did, in Swedish, so it can be checked against the case system."""
    lines = [f"Läste {_rows(summary.rows_read)} ur {summary.source} ({summary.description})."]
    # Incidents are counted per unit; the other kinds per category.
    per = summary.per or next((p for k, p in _PER.items() if k in summary.target), "kategori")
    lines.append(f"Räknade {_rows(summary.counted)}. Per {per}:")
    lines += [f"  {name}: {count}" for name, count in summary.per_category.items()]
    skipped = sum(len(rows) for rows in summary.skipped.values())
    if skipped:
        lines.append(f"Hoppade över {_rows(skipped)}:")
        for reason, rows in sorted(summary.skipped.items(), key=lambda item: item[1][0]):
            lines.append(f"  {mask(reason)}: {_row_numbers(rows)}")
    lines.append(f"Skrev {summary.target} ({_rows(summary.rows_written)}).")
    return "\n".join(lines)


def _rows(count: int) -> str:
    return "1 rad" if count == 1 else f"{count} rader"


SHOWN_ROWS = 20  # a 600,000-row export must not print every skipped row number


def _row_numbers(rows: list[int]) -> str:
    """ "rad 3, 7, 9" – or the first SHOWN_ROWS and how many more."""
    shown = ", ".join(str(r) for r in rows[:SHOWN_ROWS])
    more = len(rows) - SHOWN_ROWS
    return f"rad {shown} och {more} till ({len(rows)} rader)" if more > 0 else f"rad {shown}"
