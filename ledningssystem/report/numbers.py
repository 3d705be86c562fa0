"""Numbers as the berättelse writes them, and the sums figures are made from."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ledningssystem.render.format import format_number


def rounded(value: float, decimals: int = 0) -> float:
    """Round half up, as people do (12,5 → 13), not half to even."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def share(part: int, whole: int) -> float | None:
    """part/whole in per cent with one decimal, or None when whole is 0."""
    return rounded(100 * part / whole, 1) if whole else None


def swedish(value: float, decimals: int = 0) -> str:
    """A number as Swedes write it: 1 234,5 (no-break space, decimal comma)."""
    return format_number(rounded(value, decimals), decimals)


def slug(text: str) -> str:
    """A figure-name segment from a Swedish word: "ej godkänd" → "ej-godkand"."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", " ": "-"})
    return text.casefold().translate(table)


@dataclass(frozen=True)
class Tally:
    """A sum of known amounts, and how many data rows had an unknown amount (antal: okänt)."""

    known: int
    missing: int = 0
    unknown_choice: int = 0  # of `missing`, the items whose choice (slag, kategori) is unknown
    above: int = 0  # of `missing`, items registered higher up (an avdelning, no enhet given)

    @property
    def value(self) -> int | None:
        """The sum as a figure's value: None when nothing of it is known."""
        return None if self.missing and not self.known else self.known

    def text(self) -> str:
        """ "12", "12 (uppgift saknas för 1)", or "uppgift saknas för 1" when nothing is known."""
        if not self.missing:
            return swedish(self.known)
        missing = f"uppgift saknas för {swedish(self.missing)}"
        return f"{swedish(self.known)} ({missing})" if self.known else missing
