"""The exemption hashes under ej_personnummer: use the portal's own salt (issue 14).

With one salt for every portal, one table of all personnummer hashes would reverse every
portal's list; so each portal has personnummer_salt in ledningssystem.yml, and check says
exactly what to write when it is missing, too short, or a hash was made the old way.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ledningssystem.core.model.settings import Settings
from ledningssystem.core.privacy import (
    _CANDIDATE,
    LEGACY_SALT,
    exemption_hash,
    new_salt,
    personal_number_hashes,
    usable_salt,
)
from tests.conftest import REPO
from tests.test_hostile_content import PNR_1212_HASH, PNR_HINT, RUTIN, _replace, errors_of

SETTINGS = "ledningssystem.yml"
TINY_SALT = 'personnummer_salt: "tiny-fixture-salt-0001"\n'
# The hash of 19121212-1212 with the fixed salt every portal shared before the salt was its own.
LEGACY_1212_HASH = "pnr-403edb9741d6a5baf9b6792ee9f4c737"
RANDOM = "0123456789abcdef0123456789abcdef"  # stands for the random salt a message offers


def _settings(root: Path, salt_line: str, exempt: tuple[str, ...] = ()) -> None:
    path = root / SETTINGS
    text = path.read_text(encoding="utf-8").replace(TINY_SALT, salt_line)
    listed = "".join(f'  - "{h}"\n' for h in exempt)
    path.write_text(text + (f"ej_personnummer:\n{listed}" if exempt else ""), encoding="utf-8")


def _matches(expected: str, found: str) -> bool:
    """Whether `found` is `expected` with RANDOM standing for any fresh 32-hex-digit salt."""
    pattern = re.escape(expected).replace(RANDOM, "[0-9a-f]{32}")
    return re.fullmatch(pattern, found) is not None


def _one_number(text: str = "Order 19121212-1212.") -> re.Match[str]:
    match = _CANDIDATE.search(text)
    assert match is not None
    return match


def test_the_hash_depends_on_the_portal_salt() -> None:
    one, other = new_salt(), new_salt()
    assert one != other and usable_salt(one) and re.fullmatch(r"[0-9a-f]{32}", one)
    number = _one_number()
    assert exemption_hash(number, one) != exemption_hash(number, other)
    assert exemption_hash(number, "tiny-fixture-salt-0001") == PNR_1212_HASH
    assert exemption_hash(number, LEGACY_SALT) == LEGACY_1212_HASH  # the migration knows it
    assert exemption_hash(_one_number("121212-1212"), one) == exemption_hash(number, one)


def test_without_a_usable_salt_nothing_is_hashed_or_exempted() -> None:
    text = "rad\nOrder 19121212-1212\n"
    for salt in ("", "för-kort"):
        assert [f.hash for f in personal_number_hashes(text, salt).get(2, [])] == [""]
        assert 2 in personal_number_hashes(text, salt, frozenset({PNR_1212_HASH}))


def test_exemptions_without_a_salt_are_refused_with_the_line_to_add(tiny_root: Path) -> None:
    _settings(tiny_root, "", (PNR_1212_HASH,))
    found = errors_of(tiny_root)
    expected = (
        f'{SETTINGS}:5 – fältet "personnummer_salt": saknas: kontrollsummorna under '
        "ej_personnummer: räknas med portalens eget salt. Lägg till raden "
        f'personnummer_salt: "{RANDOM}" i {SETTINGS} (ett slumpat värde; byt det inte sedan) '
        "och kör check igen; byt sedan varje kontrollsumma under ej_personnummer: mot den som "
        "meddelandet visar."
    )
    assert len(found) == 1 and _matches(expected, found[0]), found


def test_a_short_salt_is_refused_with_a_new_one(tiny_root: Path) -> None:
    _settings(tiny_root, 'personnummer_salt: "kort"\n')
    found = errors_of(tiny_root)
    expected = (
        f'{SETTINGS}:5 – fältet "personnummer_salt": saltet är för kort (4 tecken, minst 16). '
        f'Byt raden mot personnummer_salt: "{RANDOM}" och kör check igen; byt sedan varje '
        "kontrollsumma under ej_personnummer: mot den som meddelandet visar."
    )
    assert len(found) == 1 and _matches(expected, found[0]), found


def test_a_found_number_without_a_salt_offers_the_salt_not_a_hash(tiny_root: Path) -> None:
    _settings(tiny_root, "")
    _replace(tiny_root, RUTIN, "Text.", "Order 19121212-1212.")
    found = errors_of(tiny_root)
    expected = (
        f"{RUTIN}:20: raden innehåller något som ser ut som ett personnummer eller "
        f'samordningsnummer. {PNR_HINT} Eller skriv först raden personnummer_salt: "{RANDOM}" '
        f"i {SETTINGS} och kör check igen: då visar meddelandet den kontrollsumma som kan stå "
        "under ej_personnummer: (numret självt skrivs då inte i arkivet)."
    )
    assert len(found) == 1 and _matches(expected, found[0]), found
    assert "pnr-" not in found[0] and "1212" not in found[0]


def test_a_hash_made_with_the_old_shared_salt_is_named_with_its_new_one(tiny_root: Path) -> None:
    _settings(tiny_root, TINY_SALT, (LEGACY_1212_HASH,))
    _replace(tiny_root, RUTIN, "Text.", "Order 19121212-1212.")
    found = errors_of(tiny_root)
    assert found == [
        f"{RUTIN}:20: raden innehåller något som ser ut som ett personnummer eller "
        "samordningsnummer. Kontrollsumman under ej_personnummer: i ledningssystem.yml är "
        "räknad med det gamla, gemensamma saltet, inte med portalens personnummer_salt: byt "
        f'"{LEGACY_1212_HASH}" mot "{PNR_1212_HASH}".'
    ]
    _replace(tiny_root, SETTINGS, LEGACY_1212_HASH, PNR_1212_HASH)  # as the message says
    assert errors_of(tiny_root) == []


def test_the_example_has_a_salt_of_its_own() -> None:
    data = yaml.safe_load((REPO / SETTINGS).read_text(encoding="utf-8"))
    salt = Settings.model_validate(data).personal_number_salt
    assert usable_salt(salt) and salt != LEGACY_SALT


def test_an_old_hash_and_an_unlisted_number_on_one_line_get_both_fixes(tiny_root: Path) -> None:
    _settings(tiny_root, TINY_SALT, (LEGACY_1212_HASH,))
    _replace(tiny_root, RUTIN, "Text.", "Order 19121212-1212 och 811218-9876.")
    found = errors_of(tiny_root)
    assert len(found) == 1, found
    swap = f'byt "{LEGACY_1212_HASH}" mot "{PNR_1212_HASH}". {PNR_HINT} Eller lägg till "pnr-'
    assert swap in found[0] and "9876" not in found[0] and "1212-" not in found[0]
