"""Find personnummer and samordningsnummer in text, so they are never published.

A match needs a valid date (day + 60 for samordningsnummer) and a valid check
digit, so dates, diarienummer and most other numbers pass. A ten-digit number
right after "tel", "mobil" and the like is taken to be a phone number.

The text is scanned as it will be rendered: the escapes that become a hyphen
(Markdown `\\-`, YAML `\\x2d`/`\\u002d`, HTML `&#45;`) are undone first, other entities
decoded and zero-width characters dropped, and any dash,
space or underscore between the date and the last four digits counts as a separator. A
number split over two lines (a line break, a Markdown hard break `  `/`\\`, a `<br>`) renders
as one, so each line is also read joined to the next; it is reported on its first line.

A line that holds EXEMPT_MARK (in a comment: `<!-- ej-personnummer -->` in Markdown,
`# ej-personnummer` in YAML) is not scanned: the exemption is in the file, where the
reviewer of the change sees it. A number listed by its hash under `ej_personnummer:` in
ledningssystem.yml is not reported either; the hash uses the portal's own salt.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

EXEMPT_MARK = "ej-personnummer"
MASK = "ÅÅMMDD-XXXX"

# Escapes that render as a hyphen; each is replaced by "-" before scanning.
_HYPHEN_ESCAPES = re.compile(r"\\-|\\x2[dD]|\\u002[dD]|&#0*45;|&#[xX]0*2[dD];|&hyphen;|&dash;")
# Nothing on the page: a number with one of these inside reads as a plain number.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_SEPARATORS = "-+\u2010\u2011\u2012\u2013\u2014\u2212 \u00a0_"
_CANDIDATE = re.compile(
    r"(?<![\d\w/.-])"
    r"(?P<century>19|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    rf"(?P<sep>[{_SEPARATORS}]?)(?P<serial>\d{{3}})(?P<check>\d)"
    r"(?![\d\w/-]|[-+]\d|[.,]\d)"
)
# Every candidate holds this, so text without it has no personnummer on any line (most files).
_DIGIT_RUN = re.compile(rf"\d{{6}}(?:[{_SEPARATORS}\s\\]|<br\s*/?>)*\d{{4}}", re.I)
# What ends a line that renders as a break inside a paragraph (kept out of the joined text).
_LINE_END_BREAK = re.compile(r"(?:\s|\\|<br\s*/?>)+$", re.I)
_PHONE_CONTEXT = re.compile(r"(tel|telefon|mobil|mobilnr|ring|fax|växel|sms)\D{0,12}$", re.I)


def rendered(text: str) -> str:
    """`text` as a reader sees it: the escapes that render as a hyphen undone, HTML entities
    decoded (&ndash;, &nbsp;) and invisible characters (zero-width, soft hyphen) dropped."""
    return _INVISIBLE.sub("", html.unescape(_HYPHEN_ESCAPES.sub("-", text)))


def personal_number_lines(text: str) -> list[int]:
    """1-based line numbers of text that holds something that is a personnummer."""
    if not _DIGIT_RUN.search(rendered(text)):
        return []  # most files hold no ten-digit run at all: no line-by-line scan
    # no hashing: imports of many rows stay fast
    return sorted({number for number, _ in _line_matches(text.split("\n"))})


@dataclass(frozen=True)
class Flagged:
    """One number found on a line, by its hashes only: the number itself never leaves here.

    `hash` is empty when the portal has no usable salt; `legacy_hash` is set only when asked
    for (a portal that lists exemptions), to recognise a hash made with the old fixed salt.
    """

    hash: str
    legacy_hash: str = ""


def personal_number_hashes(
    text: str, salt: str = "", exempt: frozenset[str] = frozenset()
) -> dict[int, list[Flagged]]:
    """Line number → the numbers on that line whose exemption hash (with the portal's `salt`)
    is not in `exempt`. Without a usable salt nothing is hashed and nothing is exempted."""
    found: dict[int, list[Flagged]] = {}
    if not _DIGIT_RUN.search(rendered(text)):
        return found  # every candidate holds a ten-digit run: most files need no line scan
    usable = usable_salt(salt)
    for number, match in _line_matches(text.split("\n")):
        digest = exemption_hash(match, salt) if usable else ""
        if digest and digest in exempt:
            continue
        legacy = exemption_hash(match, LEGACY_SALT) if exempt else ""
        found.setdefault(number, []).append(Flagged(digest, legacy))
    return found


def _line_matches(lines: list[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """(line number, match) of every number on a line, then of every number that a line break
    splits (one that starts on the line and ends on the next); exempt lines are skipped."""
    for index, line in enumerate(lines):
        if EXEMPT_MARK in line:
            continue
        plain = rendered(line)
        yield from ((index + 1, match) for match in _matches(plain))
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not following or EXEMPT_MARK in following:
            continue
        head = _LINE_END_BREAK.sub("", plain)
        joined = head + rendered(following).lstrip()
        for match in _matches(joined):
            if match.start() < len(head) < match.end():
                yield index + 1, match


# A personnummer has few possible values (some hundred million), so a plain hash would be easy
# to reverse: a slow hash makes each guess costly, and a salt of the portal's own (set in
# ledningssystem.yml, written by ny-organisation) means that no table computed once, for every
# portal, turns a portal's list back into numbers.
SALT_FIELD = "personnummer_salt"
MIN_SALT_LENGTH = 16
# The one salt every portal shared before the salt was per portal. Kept only to recognise a
# listed hash made with it, so `check` can say which new hash replaces it (the migration).
LEGACY_SALT = "ledningssystem/ej-personnummer"
_ROUNDS = 200_000


def usable_salt(salt: str) -> bool:
    return len(salt.strip()) >= MIN_SALT_LENGTH


def new_salt() -> str:
    """A random salt for one portal (32 hex digits)."""
    return secrets.token_hex(16)


def exemption_hash(match: re.Match[str], salt: str) -> str:
    """The reviewable stand-in for one number: `pnr-` and 32 hex digits; same for any form."""
    digits = match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"]
    return "pnr-" + _slow_hash(digits, salt.strip())


@functools.lru_cache(maxsize=1024)
def _slow_hash(digits: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", digits.encode(), salt.encode(), _ROUNDS).hex()[:32]


def contains_personal_number(text: str) -> bool:
    return next(_matches(rendered(text)), None) is not None


def name_has_personal_number(name: str) -> bool:
    """Whether a file name holds a personnummer (words in names are joined by - _ . /)."""
    return contains_personal_number(_spaced(name))


def mask(text: str) -> str:
    """`text` with every personnummer replaced by ÅÅMMDD-XXXX, for messages and logs."""
    plain = rendered(text)
    # _spaced keeps every position, so a match in it marks the same span of `plain`.
    spans = sorted(
        {m.span() for m in _matches(plain)} | {m.span() for m in _matches(_spaced(plain))}
    )
    if not spans:
        return text
    parts, end = [], 0
    for start, stop in spans:
        if start >= end:
            parts += [plain[end:start], MASK]
            end = stop
    return "".join([*parts, plain[end:]])


def _spaced(text: str) -> str:
    return re.sub(r"[-_./]", " ", text)


def _matches(text: str) -> Iterator[re.Match[str]]:
    for match in _CANDIDATE.finditer(text):
        if _looks_like_phone(text, match):
            continue
        if _valid_date(match) and _luhn_ok(match):
            yield match


def _looks_like_phone(text: str, match: re.Match[str]) -> bool:
    if match["century"] or match["sep"]:
        return False
    before = text[max(0, match.start() - 20) : match.start()]
    return match.group(0).startswith("0") and bool(_PHONE_CONTEXT.search(before))


def _valid_date(match: re.Match[str]) -> bool:
    day = int(match["dd"])
    if day > 60:  # samordningsnummer
        day -= 60
    year = int((match["century"] or "20") + match["yy"])
    try:
        dt.date(year if match["century"] else 2000, int(match["mm"]), day)
    except ValueError:
        return False
    return True


def _luhn_ok(match: re.Match[str]) -> bool:
    digits = match["yy"] + match["mm"] + match["dd"] + match["serial"]
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10 == int(match["check"])
