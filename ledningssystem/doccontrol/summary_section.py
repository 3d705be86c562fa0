"""One section of the reviewer's summary: what feature modules hand the summary to print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ledningssystem.doccontrol.changes import ChangeSet


@dataclass(frozen=True)
class Section:
    """A heading and its Markdown; problems are listed first and fail the check."""

    title: str
    markdown: str
    problems: tuple[str, ...] = ()


SectionProvider = Callable[[ChangeSet], Section | None]
