"""PyYAML's English parse errors, told in Swedish with the line an author should look at.

PyYAML's own text never reaches the author: every problem it can report is matched here,
and anything not matched gets a general Swedish description.
"""

from __future__ import annotations

import yaml

_GENERAL = "felaktig YAML: kontrollera indrag, kolon och citattecken på raden"
_INDENT = "indraget stämmer inte; rader på samma nivå ska börja i samma kolumn"
_QUOTE = "sätt texten inom citattecken"

# (words in PyYAML's problem or context, Swedish description). The first match wins.
_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed here", (
        'ett kolon på fel ställe; sätt texten inom citattecken om den innehåller ": "'
    )),
    ("found character '\\t'", "tabbtecken är inte tillåtna i YAML; använd mellanslag för indrag"),
    ("tab character", "tabbtecken är inte tillåtna i YAML; använd mellanslag för indrag"),
    ("found character", (
        "raden börjar med ett tecken som har en särskild betydelse i YAML (t.ex. @ eller `); "
        "sätt texten inom citattecken"
    )),
    ("could not find expected ':'", "en rad saknar kolon efter fältnamnet"),
    ("while scanning a quoted scalar", (
        "ett citattecken öppnas men stängs aldrig; avsluta texten med samma citattecken"
    )),
    ("while scanning a double-quoted scalar", (
        "ett citattecken öppnas men stängs aldrig; avsluta texten med samma citattecken"
    )),
    ("unknown escape character", (
        'ett omvänt snedstreck (\\) inom "…" som YAML inte känner igen; '
        "skriv \\\\ eller använd enkla citattecken '…'"
    )),
    ("escape sequence", (
        'ett omvänt snedstreck (\\) inom "…" som YAML inte känner igen; '
        "skriv \\\\ eller använd enkla citattecken '…'"
    )),
    ("sequence entries are not allowed here", (
        'en rad som börjar med "- " på fel ställe; kontrollera indraget'
    )),
    ("expected ',' or ']'", "en lista [ … ] stängs inte; kontrollera [ ] och kommatecknen"),
    ("expected ',' or '}'", "en samling { … } stängs inte; kontrollera klamrarna och kommatecknen"),
    ("unclosed '[' or '{'", "en [ eller { stängs aldrig, eller indraget är fel"),
    ("while parsing a flow", "en [ eller { stängs aldrig, eller indraget är fel"),
    ("expected <block end>", _INDENT),
    ("did not find expected key", _INDENT),
    ("did not find expected", _INDENT),
    ("mapping keys are not allowed here", f"ett frågetecken (?) på fel ställe; {_QUOTE}"),
    ("block scalar", "ett | eller > följs av något oväntat; skriv texten på raderna under"),
    ("expected a single document", (
        "filen innehåller flera YAML-dokument; ta bort raden --- mitt i filen"
    )),
    ("document separator", f"en rad --- eller ... mitt i texten; ta bort den eller {_QUOTE}"),
    ("directive", "en rad som börjar med % ; sätt texten inom citattecken"),
    ("tag", "YAML-taggar (!…) är inte tillåtna; ta bort taggen"),
    ("alias", "hänvisningar (&namn och *namn) är inte tillåtna; skriv ut värdet"),
    ("anchor", "hänvisningar (&namn och *namn) är inte tillåtna; skriv ut värdet"),
    ("the node content", "ett värde saknas eller börjar med ett tecken som kräver citattecken"),
)  # fmt: skip


def describe(exc: yaml.YAMLError) -> str:
    """The Swedish description of a parse error: what is wrong and how to fix it."""
    words = " ".join(str(getattr(exc, name, None) or "") for name in ("problem", "context")) or str(
        exc
    )
    for english, swedish in _HINTS:
        if english in words:
            return f"felaktig YAML: {swedish}"
    return _GENERAL


def error_line(exc: yaml.YAMLError, text: str) -> int:
    """The 1-based line an author should look at for `exc`."""
    if isinstance(exc, yaml.reader.ReaderError):
        return text.count("\n", 0, max(0, exc.position)) + 1
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 1
    problem = exc.problem or ""
    # An unclosed quote or bracket is found at the end of the file; it started earlier.
    starts_earlier = "end of stream" in problem or "quoted scalar" in (exc.context or "")
    mark = (exc.context_mark if starts_earlier else None) or exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark else 1


def reader_problem(exc: yaml.reader.ReaderError) -> str:
    """A character YAML refuses (control characters and the like)."""
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return (
        f"filen innehåller ett osynligt styrtecken (U+{ord(character):04X}) som inte är "
        "tillåtet i YAML; ta bort det, ofta följer det med när text klistras in"
    )
