"""The narrative rule: a text never states a count of the year's things as a literal number.

"Vi tog emot 34 synpunkter" can contradict the table beside it; `{{ figure("klagomal.total") }}
synpunkter` cannot. A number (digits, with or without a thousands space, or a number word
två–tjugo and the tens; en/ett are articles too) directly before a word that names a counted
thing (past up to two modifiers, with or without a comma between them: "34 nya synpunkter",
"tre allvarliga avvikelser", "34 nya, allvarliga avvikelser"), or
directly after it with nothing counted after the number ("klagomål: 34"), is refused
with the figure to write instead. What is counted, in every inflection, comes from the figure
definitions (`räknas` in the report settings, and every avvikelse type's etikett), so a new
figure extends the rule without code here.

Numbers that count something else pass: deadlines and durations (the next word is the unit:
"inom 10 arbetsdagar", "72 timmar"), dates, years, paragraph numbers, percentages, ordinals
("3:e") and anything inside {{ … }} (figure() and citat()), code and HTML comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ledningssystem.core.errors import ContentError
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.figure_set import FigureSet

_UNITS = (
    *("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"),
    *("tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "aderton", "nitton"),
)
_TENS = ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio")
_ONES = ("en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio")
# Compounds first ("tjugotre" before "tjugo"), longest first, so a word matches whole.
NUMBER_WORDS = sorted(
    {*_UNITS, *_TENS, *(tens + one for tens in _TENS for one in _ONES)},
    key=lambda word: (-len(word), word),
)

_SPACE = r"(?:[ \t\u00a0\u2009\u202f]|&nbsp;|&#160;)"
# Pasted from Word: soft hyphens and zero-width spaces hide inside words.
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")
_GAP = rf"(?:{_SPACE}|\n)"
_NUMBER = re.compile(
    r"(?<![\w.,:/§#\-–−])"  # not inside a date, decimal, reference or word
    rf"(?P<number>\d{{1,3}}(?:{_SPACE}\d{{3}})+|\d+|(?:{'|'.join(NUMBER_WORDS)})\b)"
    r"(?![\w%‰]|[.,:/\-–]\w)",  # not a decimal, date, range, time or ordinal (3:e)
    re.IGNORECASE,
)
_WORD = r"[^\W\d_][\w\-–]*"
# The (one or two) words directly after a number, or before it; lex Sarah/Maria belong to one.
_ONE_WORD = re.compile(rf"(?:lex{_SPACE}+)?{_WORD}", re.IGNORECASE)
_WORDS = rf"(?P<words>{_ONE_WORD.pattern}(?:{_SPACE}+{_ONE_WORD.pattern})?)"
# After a number: up to two modifiers before the counted word ("34 nya synpunkter").
# Modifiers may be listed with commas ("34 nya, allvarliga avvikelser"); _noun_after then
# asks that every word before the comma be a modifier, so "10 dagar, avvikelser" passes.
_AFTER = re.compile(
    rf"(?P<gap>(?:[*_]|{_GAP})+)(?P<words>{_ONE_WORD.pattern}"
    rf"(?:[*_]*(?:,[*_]*{_SPACE}*|{_SPACE}+)[*_]*{_ONE_WORD.pattern}){{0,3}})",
    re.IGNORECASE,
)
# Adjectives and participles before a plural noun end in -a or -e ("nya", "allvarliga",
# "inkomna", "registrerade"); the units a number usually counts do not ("dagar", "timmar",
# "veckor", "procent"), so a deadline never reaches a counted word further on.
_NOT_MODIFIERS = frozenset({"före", "inne", "inte", "ute", "uppe", "nere", "borta", "sedan"})
_BEFORE = re.compile(rf"{_WORDS}(?P<gap>(?:[*_:|]|{_SPACE})+)$")
_PERCENT = re.compile(rf"{_SPACE}*[%‰]")
# After a number these mean "pieces": the counted word is the one before ("avvikelser 12 st").
PIECES = {"st", "st.", "stycken", "styck"}
_REFERENCE_BEFORE = re.compile(r"(?:§|kap\.|kapitlet|paragraf|punkt|nr|nummer|sidan|s\.)\s*$", re.I)
_MASKED = re.compile(
    r"(?ms)^(?P<fence>```|~~~).*?^(?P=fence)[^\n]*$"  # fenced code
    r"|`[^`\n]*`"  # inline code
    r"|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"  # figure(), citat() and other template calls
    r"|<!--.*?-->"  # HTML comments
    r"|\]\([^)\n]*\)"  # link targets
)


@dataclass(frozen=True)
class Lexicon:
    """Counted words (casefolded, "lex " left out) → the name of the figure that counts them."""

    figures: dict[str, str]

    def figure_for(self, phrase: str) -> str | None:
        """The figure counting `phrase` (one or two words), or None."""
        key = _normal(phrase)
        found = self.figures.get(key)
        if found is None and "-" in key and " " not in key:
            found = self.figures.get(key.rsplit("-", 1)[1])  # "HSL-incidenter" are incidenter
        return found


def lexicon(
    config: ReportConfig,
    figures: FigureSet,
    data_words: Iterable[tuple[str, tuple[str, ...]]] = (),
) -> Lexicon:
    """The counted words of one year: only those whose figure the year has.

    `data_words` are (figure, words) that the year's data declares, e.g. an indicator's
    täljare_ord: config's words come first, so a data file cannot take them over."""
    found: dict[str, str] = {}
    for thing in (*_counted(config), *data_words):
        if thing[0] in figures:
            for word in thing[1]:
                found.setdefault(_normal(word), thing[0])
    return Lexicon(found)


def _counted(config: ReportConfig) -> Iterator[tuple[str, tuple[str, ...]]]:
    # Each avvikelse type counts itself: "SoL-avvikelser" → avvikelser.sol.total.
    for kind in config.deviations:
        label = kind.label
        stem = label[: -len("avvikelser")] if label.casefold().endswith("avvikelser") else ""
        forms = (label, *(stem + end for end in ("avvikelse", "avvikelsen", "avvikelserna")))
        yield f"avvikelser.{kind.id}.total", forms if stem else (label,)
    for thing in config.counted:
        yield thing.figure, thing.words
    for own in config.own:  # egna_uppgifter: "12 domar" → domar.total
        yield f"{own.id}.total", own.words


def literal_counts(
    file: str, text: str, figures: FigureSet, words: Lexicon, first_line: int = 1
) -> list[ContentError]:
    """One ContentError per literal count in `text` (first_line is the line of its first row)."""
    text = text.translate(_INVISIBLE)
    # Masked spans keep their length (so lines and quotes stay in place) but are not spaces:
    # "34{{ figure(…) }}synpunkter" must not read as "34 synpunkter" across the call.
    scanned = _MASKED.sub(lambda m: re.sub(r"[^\n]", "\x1f", m.group(0)), text)
    errors = []
    for match in _NUMBER.finditer(scanned):
        found = _counted_span(scanned, match, words)
        if found is None:
            continue
        start, end, name = found
        figure = figures[name]
        errors.append(
            ContentError(
                file,
                first_line + scanned.count("\n", 0, match.start()),
                "",
                f'skriv {{{{ figure("{name}") }}}} (ger {figure.text()} i datafilerna)',
                quote=_quoted(text[start:end]),
            )
        )
    return errors


def _counted_span(text: str, number: re.Match[str], words: Lexicon) -> tuple[int, int, str] | None:
    """(start, end, figure) of "number word" or "word: number" when the word is counted."""
    close_before = text[max(0, number.start() - 12) : number.start()]
    if _is_year(number.group("number")) or _REFERENCE_BEFORE.search(close_before):
        return None
    if _PERCENT.match(text, number.end()):
        return None
    after = _AFTER.match(text, number.end())
    if after is not None and _separates(after.group("gap")):
        spans = _word_spans(after, "words")
        found = _noun_after(text, spans, words)
        if found is not None:
            return number.start(), found[0], found[1]
        if _normal(text[slice(*spans[0])]) not in PIECES:
            return None  # the number counts the word after it: days, hours, per cent …
    offset = max(0, number.start() - 60)
    before = _BEFORE.search(text[offset : number.start()])
    if before is None or not _separates(before.group("gap"), ":|") or "\n" in before.group(0):
        return None
    spans = [(offset + start, offset + end) for start, end in _word_spans(before, "words")]
    for first, last in ((spans[0], spans[-1]), (spans[-1], spans[-1])):
        name = words.figure_for(text[first[0] : last[1]])
        if name is not None:
            return first[0], number.end(), name
    return None


def _noun_after(text: str, spans: list[tuple[int, int]], words: Lexicon) -> tuple[int, str] | None:
    """(end, figure) of the counted word after a number, past at most two modifiers."""
    for skip in range(min(3, len(spans))):
        if skip and not _is_modifier(text[slice(*spans[skip - 1])]):
            return None
        if (
            skip
            and _listed(text, spans[skip - 1], spans[skip])
            and not _is_adjective(text[slice(*spans[skip - 1])])
        ):
            return None
        candidates = spans[skip : skip + 2] if skip + 1 < len(spans) else spans[skip : skip + 1]
        for last in (candidates[-1], candidates[0]):  # a two-word name first ("lex Sarah")
            name = words.figure_for(text[candidates[0][0] : last[1]])
            if name is not None:
                return last[1], name
    return None


def _listed(text: str, first: tuple[int, int], then: tuple[int, int]) -> bool:
    """True when a comma separates two words of a phrase ("nya, allvarliga")."""
    return "," in text[first[1] : then[0]]


def _is_adjective(word: str) -> bool:
    # Before a comma only an adjective or participle lists on; a definite plural noun of a
    # unit ("de första 10 dagarna, avvikelser …") ends the phrase.
    return not _normal(word).endswith(("arna", "orna"))


def _is_modifier(word: str) -> bool:
    plain = _normal(word)
    return len(plain) >= 3 and plain[-1] in "ae" and plain not in _NOT_MODIFIERS


def _word_spans(match: re.Match[str], group: str) -> list[tuple[int, int]]:
    """(start, end) in the scanned text of each word of `group` ("lex Sarah-x" is one word)."""
    base = match.start(group)
    return [(base + w.start(), base + w.end()) for w in _ONE_WORD.finditer(match.group(group))]


def _separates(gap: str, marks: str = "") -> bool:
    """True for a gap of markup and spaces that keeps both words in one sentence."""
    spaced = any(c.isspace() or c in marks for c in gap) or "&nbsp;" in gap or "&#160;" in gap
    return spaced and gap.count("\n") <= 1


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099


def _normal(words: str) -> str:
    """Casefolded, one space between words, "lex " dropped ("lex Sarah-x" → "sarah-x")."""
    plain = re.sub(rf"{_SPACE}+", " ", words.replace("–", "-")).strip().casefold()
    return plain[4:] if plain.startswith("lex ") else plain


def _quoted(span: str) -> str:
    """The offending words as the author reads them: markup and odd spaces left out."""
    plain = re.sub(r"[*_]", "", span.replace("&nbsp;", " ").replace("&#160;", " "))
    return re.sub(r"\s+", " ", plain).strip()
