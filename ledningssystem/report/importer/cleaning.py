"""What an export holds that the berättelse's data must not: invisible and control
characters, and HTML pasted into a free-text cell.

Exports are edited by hand in Excel and filled from web forms: a non-breaking space or a
byte order mark makes "Hemtjänst Norr" differ from itself, invisibly; a control character
(NUL from a broken export) or HTML (<b>, <br>) would be copied into the data file as it is.
The invisible ones are removed, the others refused with the cell's row and column.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|<!--")
CONTROL_HINT = (
    "Ta bort tecknet i exporten (det följer ofta med från ett kopierat fält eller en trasig "
    "export) och importera igen."
)
HTML_HINT = (
    "Ta bort märkningen i exporten (klistra in texten utan formatering) och importera igen; "
    "berättelsens data är vanlig text."
)


def clean_cell(text: str) -> str:
    """The cell without invisible characters, its odd spaces as spaces, stripped."""
    return _INVISIBLE.sub("", text.translate(_SPACES)).strip()


def control_character(text: str) -> str | None:
    """U+0000 for the first control character (not tab or line break) in `text`, or None."""
    for char in text:
        if char not in "\t\n\r" and unicodedata.category(char) == "Cc":
            return f"U+{ord(char):04X}"
    return None


def html_tag(text: str) -> str | None:
    """The first HTML tag (or comment) in `text`, e.g. <b>, or None."""
    match = _TAG.search(text)
    return match[0][:40] if match else None
