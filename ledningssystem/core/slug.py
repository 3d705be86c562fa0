"""Ids from Swedish titles: "Hantera klagomål" → "hantera-klagomal"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

_REPLACE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def slugify(text: str) -> str:
    lowered = text.casefold().translate(_REPLACE)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:60].rstrip("-") or "ny"


def unused_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is free."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
