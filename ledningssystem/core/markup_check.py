"""`check` for raw HTML in authors' Markdown that the site would remove (see sanitise.py).

Told before any build, with file and line, so an author learns why a table or an
embedded video does not appear instead of finding it silently missing.
"""

from __future__ import annotations

import functools

from ledningssystem.core.errors import ContentError
from ledningssystem.core.sanitise import markup_problems

HINT = (
    "Portalen tar bort sådant vid bygget. Tillåtet är vanlig Markdown och enkel HTML som "
    "tabeller, <details>/<summary>, <abbr>, <kbd>, <sup>/<sub> och <span>/<div> med class; "
    "bilder och filer ska ligga i portalen. Se Skriva i ledningssystemet."
)


def markdown_errors(file: str, text: str, first_line: int = 1) -> list[ContentError]:
    """Errors for the markup in `text`, whose first line is line `first_line` of `file`."""
    return [
        ContentError(file, first_line + line - 1, "", message, HINT)
        for line, message in _problems(text)
    ]


@functools.lru_cache(maxsize=16384)
def _problems(text: str) -> tuple[tuple[int, str], ...]:
    """markup_problems, remembered by text: a preview rebuild scans only the texts that changed
    (the result depends on the text alone; a tuple, so no caller can change it)."""
    return tuple(markup_problems(text))
