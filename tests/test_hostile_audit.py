"""The attacker's audit of issue 14: what a tired or hostile author tried that did not hold.

Each case is a Markdown body from tests/fixtures/hostile/audit/, put into the tiny fixture's
rutin and checked as `check` does, with the exact Swedish message.
"""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem

AUDIT = Path(__file__).parent / "fixtures" / "hostile" / "audit"
RUTIN = "routines/rapportera-avvikelse.md"
BODY_LINE = 20  # the line of "Text." in the tiny fixture's rutin
MARKUP_HINT = (
    "Portalen tar bort sådant vid bygget. Tillåtet är vanlig Markdown och enkel HTML som "
    "tabeller, <details>/<summary>, <abbr>, <kbd>, <sup>/<sub> och <span>/<div> med class; "
    "bilder och filer ska ligga i portalen. Se Skriva i ledningssystemet."
)


def _errors_with_body(root: Path, fixture: str) -> list[str]:
    path = root / RUTIN
    body = (AUDIT / fixture).read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("Text.\n", body), encoding="utf-8")
    try:
        load_ledningssystem(root)
    except ContentErrors as errors:
        return [e.format() for e in errors.errors]
    return []


def test_a_reference_style_javascript_link_is_told_by_check(tiny_root: Path) -> None:
    # The sanitiser dropped the href, but check passed: the link vanished without a word.
    assert _errors_with_body(tiny_root, "reference-javascript-link.md") == [
        f"{RUTIN}:{BODY_LINE + 2}: länken kör kod (javascript:). {MARKUP_HINT}"
    ]
