"""`check` for raw HTML in authors' Markdown that the site would remove (see sanitise.py).

Told before any build, with file and line, so an author learns why a table or an
embedded video does not appear instead of finding it silently missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.core.errors import ContentError
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process
from ledningssystem.core.sanitise import markup_problems
from ledningssystem.report.data import Reports

HINT = (
    "Portalen tar bort sådant vid bygget. Tillåtet är vanlig Markdown och enkel HTML som "
    "tabeller, <details>/<summary>, <abbr>, <kbd>, <sup>/<sub> och <span>/<div> med class; "
    "bilder och filer ska ligga i portalen. Se Skriva i ledningssystemet."
)


def markdown_errors(file: str, text: str, first_line: int = 1) -> list[ContentError]:
    """Errors for the markup in `text`, whose first line is line `first_line` of `file`."""
    return [
        ContentError(file, first_line + line - 1, "", message, HINT)
        for line, message in markup_problems(text)
    ]


def content_markup_errors(content: Ledningssystem, reports: Reports | None) -> list[ContentError]:
    """Disallowed markup in rutiner, process (and step) descriptions and the berättelse."""
    errors: list[ContentError] = []
    for doc in content.routines.values():
        errors += markdown_errors(doc.meta.origin.file, doc.body, doc.body_line)
    for process in content.processes.values():
        for path, text in _descriptions(process):
            # A block (beskrivning: |) starts on the line after its key.
            start = process.origin.line(*path) + (1 if "\n" in text.strip() else 0)
            errors += markdown_errors(process.origin.file, text, start)
    if reports is not None:
        for year in reports.years.values():
            for narrative in year.narratives.values():
                errors += markdown_errors(narrative.file, narrative.text)
    return errors


def _descriptions(process: Process) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if process.description:
        yield ("beskrivning",), process.description
    for index, step in enumerate(process.steps):
        if step.description:
            yield ("steg", index, "beskrivning"), step.description
