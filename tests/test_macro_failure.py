"""A macro that breaks unforeseen tells the author the page and what to do, never a repr."""

from __future__ import annotations

import re
from pathlib import Path

from ledningssystem.website.macro_api import macro_failure

REPO = Path(__file__).resolve().parents[1]


def test_the_message_names_the_page_and_what_to_do() -> None:
    assert macro_failure("rutiner/index.md", "figure") == (
        "Sidan docs/rutiner/index.md: makrot figure kunde inte visas. Kontrollera makrots "
        "argument mot skrivguiden (docs/skriva/) och kör make check; kvarstår felet är det "
        "ett fel i portalen, som du anmäler till portalens förvaltare med sidans namn."
    )


def test_no_message_shows_a_python_repr() -> None:
    # `{x!r}` prints quotes and escapes the Python way ('extern', KeyError('x')): only the
    # cache key of the page memo uses it, and no reader sees that.
    allowed = {"ledningssystem/website/pages/memo.py"}
    found = [
        path.relative_to(REPO).as_posix()
        for folder in ("ledningssystem", "macros", "hooks")
        for path in sorted((REPO / folder).rglob("*.py"))
        if re.search(r"!r\}", path.read_text(encoding="utf-8"))
    ]
    assert [p for p in found if p not in allowed] == []
