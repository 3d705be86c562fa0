"""`import-word FIL.docx|MAPP`: Word rutiner, riktlinjer and checklistor as rutin drafts."""

from __future__ import annotations

import argparse
from pathlib import Path

from ledningssystem.commands.registry import UserError, command
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.wordimport.importer import DEFAULT_FOLDER, import_word_files
from ledningssystem.wordimport.report import summary_markdown, summary_text

DEFAULT_REPORT = "importrapport-word.md"


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "källa", type=Path, metavar="FIL_ELLER_MAPP", help="en .docx-fil eller en mapp"
    )
    parser.add_argument(
        "--mapp", default=DEFAULT_FOLDER, help=f"var rutinerna skrivs (standard: {DEFAULT_FOLDER})"
    )
    parser.add_argument(
        "--rapport",
        type=Path,
        default=None,
        help=f"rapporten vid import av en mapp (standard: {DEFAULT_REPORT})",
    )


@command("import-word", _arguments)
def import_word(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    source: Path = args.källa
    if not source.exists():
        raise UserError(f"{source} finns inte; ange en .docx-fil eller en mapp med .docx-filer")
    folder = args.mapp.strip("/")
    if not folder.startswith("routines"):
        raise UserError(f"--mapp {folder}: rutiner ligger under routines/, t.ex. {DEFAULT_FOLDER}")
    files = _word_files(source)
    if not files:
        raise UserError(f"{source} innehåller inga Word-dokument (.docx)")
    content = load_ledningssystem(root)  # refuses to import into content that has errors
    results = import_word_files(root, files, content, folder)
    print(summary_text(results))
    if source.is_dir() or args.rapport:
        report = args.rapport or root / DEFAULT_REPORT
        report.write_text(summary_markdown(results, folder), encoding="utf-8")
        print(f"\nRapporten för granskningen: {report}")
    refused = sum(1 for r in results if r.refused)
    print(f"\nImporterade {len(results) - refused} av {len(results)} filer som utkast.")
    if not refused:
        load_ledningssystem(root)  # what was written validates with everything else
    return 1 if refused else 0


def _word_files(source: Path) -> list[tuple[Path, str]]:
    """(file, name recorded in importerad_från): relative to the folder, with the folder's name."""
    if source.is_file():
        return [(source, source.name)]
    found = [
        p
        for p in sorted(source.rglob("*"))
        if p.suffix.lower() in {".docx", ".doc"} and p.is_file() and not p.name.startswith("~$")
    ]
    return [(p, f"{source.resolve().name}/{p.relative_to(source).as_posix()}") for p in found]
