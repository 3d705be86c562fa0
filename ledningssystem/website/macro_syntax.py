"""The form of the Jinja in a docs/ page: unclosed tags, Word's quotes, {% … %} statements.

Jinja stops at its first syntax error and says it in English; here each one becomes a Swedish
ContentError with the line where the tag opens, the tag is blanked out and the page is read
again, so one `check` names every problem of the page.
"""

from __future__ import annotations

import re

import jinja2
from jinja2 import nodes

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import WORD_QUOTES, straight_quotes
from ledningssystem.core.reading import split_front_matter
from ledningssystem.report.narrative import QUOTES_MESSAGE

RAW_HINT = (
    "Ska klamrarna synas som de är (t.ex. i ett kodexempel), skriv {% raw %} före och "
    "{% endraw %} efter."
)
_EXAMPLE = '{{ figure("klagomal.total") }}'
_RAW = re.compile(r"\{%[-+]?\s*raw\s*[-+]?%\}.*?(?:\{%[-+]?\s*endraw\s*[-+]?%\}|\Z)", re.DOTALL)
_STATEMENT = re.compile(r"\{%[-+]?\s*([A-Za-z_]\w*)[^\n]*?(?:%\}|$)", re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_MAX_ROUNDS = 50  # a page with more syntax errors than this is reported up to here
_ENV = jinja2.Environment()


def blank_front_matter(text: str) -> str:
    """The page's body with the front matter blanked out: Jinja's lines are the file's lines."""
    split = split_front_matter(text)
    if split is None:
        return text
    head = len(text) - len(split[1])
    return re.sub(r"[^\n]", " ", text[:head]) + split[1]


def syntax_errors(file: str, body: str) -> tuple[list[ContentError], nodes.Template | None]:
    """The syntax errors of `body`, and its template once they are blanked out (None if it
    still cannot be read)."""
    errors, body = _statements(file, body)
    for _ in range(_MAX_ROUNDS):
        try:
            return errors, _ENV.parse(body)
        except jinja2.TemplateSyntaxError as error:
            line = _opening_line(body, error.lineno)
            errors.append(_syntax_error(file, body, line, error.message or ""))
            body = _blank_lines(body, line, max(line, error.lineno))
        except (RecursionError, MemoryError):  # brackets nested thousands deep
            message = "ett makro har för många parenteser i varandra för att läsas"
            errors.append(ContentError(file, None, "", message, f"Skriv t.ex. {_EXAMPLE}."))
            break
    return errors, None


def _statements(file: str, body: str) -> tuple[list[ContentError], str]:
    """{% … %} outside raw blocks: not allowed (they could include files or run code), and
    blanked out so the rest of the page can be read."""
    raw = [m.span() for m in _RAW.finditer(body)]
    found = [
        m
        for m in _STATEMENT.finditer(body)
        if m.group(1) not in {"raw", "endraw"} and not any(a <= m.start() < b for a, b in raw)
    ]
    errors = [
        ContentError(
            file,
            body.count("\n", 0, m.start()) + 1,
            "",
            f"{{% {m.group(1)} %}} och andra {{% … %}} är inte tillåtna på portalens sidor",
            f"Använd portalens makron, t.ex. {{{{ process_landscape() }}}}. {RAW_HINT}",
            quote=_short(m.group(0)),
        )
        for m in found
    ]
    for m in reversed(found):
        body = body[: m.start()] + " " * len(m.group(0)) + body[m.end() :]
    return errors, body


def _opening_line(body: str, error_line: int) -> int:
    """The line where the tag Jinja failed in begins (it reports where it gave up)."""
    opened = None
    try:
        for lineno, kind, _ in _ENV.lex(body):
            if lineno > error_line:
                break
            if kind in {"variable_begin", "block_begin"}:
                opened = lineno
            elif kind in {"variable_end", "block_end"}:
                opened = None
    except jinja2.TemplateSyntaxError:
        pass
    return opened or error_line


def _syntax_error(file: str, body: str, line: int, jinja_message: str) -> ContentError:
    text = body.splitlines()[line - 1] if line <= body.count("\n") + 1 else ""
    tag = TagFinder(body).tag(line, "{{") or TagFinder(body).tag(line, "{#") or text.strip()
    if any(q in tag for q in WORD_QUOTES):
        fixed = straight_quotes(tag)
        message = QUOTES_MESSAGE
        return ContentError(file, line, "", message, f"Skriv raka citattecken: {fixed}", quote=tag)
    if "comment" in jinja_message:
        return ContentError(
            file, line, "", "{# utan avslutande #}",
            f"Avsluta kommentaren med #}}. {RAW_HINT}", quote=_short(text.strip()),
        )  # fmt: skip
    if "raw" in jinja_message:
        return ContentError(
            file, line, "", "{% raw %} utan {% endraw %}",
            "Skriv {% endraw %} efter texten som ska synas som den är.", quote=_short(tag),
        )  # fmt: skip
    if "{{" in text and "}}" not in text[text.index("{{") :]:
        message = "{{ utan avslutande }}"
    else:
        message = "makrot går inte att läsa"
    return ContentError(
        file, line, "", message, f"Skriv makrot helt, t.ex. {_EXAMPLE}. {RAW_HINT}",
        quote=_short(tag),
    )  # fmt: skip


def _blank_lines(body: str, first: int, last: int) -> str:
    lines = body.split("\n")
    for index in range(first - 1, min(last, len(lines))):
        lines[index] = " " * len(lines[index])
    return "\n".join(lines)


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "…"


class TagFinder:
    """The tags of a page as the author wrote them, and whether a line is a code sample."""

    def __init__(self, body: str):
        self.lines = body.split("\n")
        self.code_lines: set[int] = set()
        fence = None
        for number, text in enumerate(self.lines, start=1):
            found = _FENCE.match(text)
            if fence or found:
                self.code_lines.add(number)
            if found and fence is None:
                fence = found.group(1)
            elif found and found.group(1) == fence:
                fence = None

    def tag(self, line: int, opener: str, name: str = "") -> str:
        """The first tag opened with `opener` on `line` (the one naming `name`, if any)."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[opener]
        tags = re.findall(re.escape(opener) + r".*?(?:" + re.escape(closer) + r"|$)", text)
        chosen = next((t for t in tags if name and name in t), tags[0] if tags else "")
        return _short(chosen.strip())

    def in_code(self, line: int, tag: str) -> bool:
        """Whether `tag` on `line` is in a fenced code block or in inline code (`{{ … }}`)."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        at = text.find(tag.rstrip("…")) if tag else -1
        return line in self.code_lines or (at >= 0 and text[:at].count("`") % 2 == 1)
