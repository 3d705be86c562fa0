"""Content errors: what a process owner sees when a file is wrong."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ledningssystem.core.privacy import mask


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, told in Swedish."""

    file: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    quote: str = ""  # the words of a text that are wrong, shown instead of a field

    def format(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        field = f' – fältet "{self.field}"' if self.field else ""
        if self.quote:
            field = f' – "{self.quote}"'
        hint = f" {_sentence(self.hint)}" if self.hint else ""
        # A message may quote what the author wrote; it never repeats a personnummer.
        return mask(f"{place}{field}: {_sentence(self.message)}{hint}")


class ContentErrors(Exception):
    """All content errors of one run, raised together after everything was checked."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(set(errors), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "fel" if count == 1 else "fel"
        lines = [f"Innehållet har {count} {noun} som måste rättas:"]
        lines += [f"  {e.format()}" for e in self.errors]
        return "\n".join(lines)


def _sentence(text: str) -> str:
    """`text` ending in one full stop (or its own ? or !), without touching what it quotes."""
    return text if text.endswith((".", "?", "!", '."', ".)")) else f"{text}."


def _sort_key(error: ContentError) -> tuple[str, int, str, str]:
    return (error.file, error.line or 0, error.field, error.message)


def field_label(path: tuple[str | int, ...]) -> str:
    """A field path as an author reads it: ("steg", 1, "ansvar") → "steg nr 2 › ansvar"."""
    parts: list[str] = []
    for part in path:
        if isinstance(part, int) and parts:
            parts[-1] += f" nr {part + 1}"
        else:
            parts.append(str(part))
    return " › ".join(parts)
