"""Ids from Swedish titles: "Hantera klagomål" → "hantera-klagomal"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

_REPLACE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def slugify(text: str) -> str:
    lowered = text.casefold().translate(_REPLACE)
    ascii_text = "".join(map(_ascii, unicodedata.normalize("NFKD", lowered)))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:60].rstrip("-") or "ny"


def _ascii(char: str) -> str:
    """`char` if ASCII; Word's dashes and odd spaces become a separator, not nothing
    ("rapportera—avvikelse" → "rapportera-avvikelse"); accents, other letters and
    zero-width characters are dropped."""
    if char.isascii():
        return char
    kind = unicodedata.category(char)
    return "" if kind[0] in "LM" or kind == "Cf" else "-"


def unused_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is free."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
