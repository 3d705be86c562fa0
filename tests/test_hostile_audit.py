"""The attacker's audit of issue 14: what a tired or hostile author tried that did not hold.

Each case is a Markdown body from tests/fixtures/hostile/audit/, put into the tiny fixture's
rutin and checked as `check` does, with the exact Swedish message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem
from tests.test_hostile_content import PNR_1212_HINT

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
    return _errors(root)


def _errors(root: Path) -> list[str]:
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


def test_a_javascript_autolink_is_told_as_a_link_once(tiny_root: Path) -> None:
    # Was 'HTML-taggen <javascript:alert(1)> är inte tillåten', and twice for [x](<…>).
    assert _errors_with_body(tiny_root, "javascript-autolink.md") == [
        f"{RUTIN}:{BODY_LINE}: länken kör kod (javascript:). {MARKUP_HINT}"
    ]


def test_a_javascript_link_written_with_entities_is_told_as_code(tiny_root: Path) -> None:
    # A browser decodes java&#115;cript&colon; to javascript:; check read it as a broken path
    # ('länken "java&#115;cript&colon;alert(1" leder inte till någon sida').
    assert _errors_with_body(tiny_root, "javascript-entity-link.md") == [
        f"{RUTIN}:{BODY_LINE}: länken kör kod (javascript:). {MARKUP_HINT}"
    ]


def test_a_css_url_in_an_allowed_style_is_told_by_check(tiny_root: Path) -> None:
    # style is allowed on <div> for a width; the sanitiser dropped the url() but check passed.
    assert _errors_with_body(tiny_root, "css-url-in-style.md") == [
        f'{RUTIN}:{BODY_LINE}: style="…" på <div> får bara ange storlek och läge (bottom, '
        f"height, left, max-width, right, top, width). {MARKUP_HINT}"
    ]


def test_an_id_with_a_word_dash_is_given_the_id_it_meant(tiny_root: Path) -> None:
    # Word's em dash was dropped from the suggestion ("rapporteraavvikelse").
    path = tiny_root / RUTIN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: rapportera-avvikelse", "id: rapportera—avvikelse"))
    assert _errors(tiny_root)[1] == (
        f'{RUTIN}:2 – fältet "id": ogiltigt id "rapportera—avvikelse". Menade du '
        '"rapportera-avvikelse"? Använd bara små bokstäver a–z utan å/ä/ö, siffror och '
        'bindestreck, t.ex. "barn-och-unga".'
    )


@pytest.mark.parametrize(
    "fixture",
    [
        "personnummer-hard-break.md",
        "personnummer-line-break.md",
        "personnummer-br.md",
        "personnummer-image-alt.md",
        "personnummer-link-title.md",
    ],
)
def test_a_personnummer_split_over_two_lines_is_found(tiny_root: Path, fixture: str) -> None:
    # Markdown renders the two lines as one text ("19121212-<br>1212", "121212 -1212"), in a
    # paragraph, an image's alt text or a link's title alike; line by line it was never seen.
    assert _errors_with_body(tiny_root, fixture) == [
        f"{RUTIN}:{BODY_LINE}: raden innehåller något som ser ut som ett personnummer eller "
        f"samordningsnummer. {PNR_1212_HINT}"
    ]


def test_a_split_number_on_an_exempt_line_stays_exempt(tiny_root: Path) -> None:
    assert _errors_with_body(tiny_root, "personnummer-split-exempt.md") == []


def test_a_personnummer_split_in_a_folded_yaml_text_is_found(tiny_root: Path) -> None:
    path = tiny_root / "processes" / "avvikelsehantering.yml"
    text = path.read_text(encoding="utf-8")
    old = "syfte: Att lära av det som gick fel så att det inte händer igen."
    path.write_text(text.replace(old, "syfte: >\n  Brukare 121212-\n  1212 ringde."))
    assert _errors(tiny_root) == [
        "processes/avvikelsehantering.yml:12: raden innehåller något som ser ut som ett "
        f"personnummer eller samordningsnummer. {PNR_1212_HINT}"
    ]


def test_a_personnummer_with_invisible_characters_or_entities_is_found(tiny_root: Path) -> None:
    # A zero-width space, &ndash;, &#8203;&nbsp; or a soft hyphen inside the number: the page
    # shows a plain personnummer, the scanner saw none.
    hit = (
        "raden innehåller något som ser ut som ett personnummer eller samordningsnummer. "
        f"{PNR_1212_HINT}"
    )
    assert _errors_with_body(tiny_root, "personnummer-invisible.md") == [
        f"{RUTIN}:{BODY_LINE + offset}: {hit}" for offset in range(4)
    ]
