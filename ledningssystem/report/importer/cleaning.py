"""What an export holds that the berättelse's data must not: personnummer, invisible and
control characters, and HTML pasted into a free-text cell.

Exports are edited by hand in Excel and filled from web forms: a non-breaking space or a
byte order mark makes "Hemtjänst Norr" differ from itself, invisibly; a control character
(NUL from a broken export) or HTML (<b>, <br>) would be copied into the data file as it is.
The invisible ones are removed, the others refused with the cell's row and column.
"""

from __future__ import annotations

import re
import unicodedata

from ledningssystem.core.privacy import contains_personal_number

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
# Spaces and dashes inside a number ("19121212 - 1212", "1912-12-12-1212"), typed by hand.
_DIGIT_GAP = re.compile(r"(?<=\d)[ \u00a0\u202f\-\u2010-\u2015\u2212]{1,3}(?=\d)")
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


def looks_private(text: str) -> bool:
    """Whether `text` holds a personnummer or samordningsnummer, also one typed with spaces
    or dashes inside it: an export may hold anything, and nothing personal may be written."""
    if contains_personal_number(text):
        return True
    joined = _DIGIT_GAP.sub("", text)
    return joined != text and contains_personal_number(joined)
