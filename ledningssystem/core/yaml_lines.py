"""YAML parsing that remembers the line of every value, for error messages.

Content files are plain data: mappings, lists, text, whole numbers, true/false. The
loader builds them from PyYAML's event stream without recursion, and refuses what plain
data never needs and attackers use: tags (`!!python/…`, `!!int`), anchors and aliases
(`&a`, `*a`: recursive structures and "billion laughs" bombs), merge keys (`<<`) and
nesting deeper than MAX_DEPTH. So any text is read in time linear in its length, and
gives data or one YamlProblem with a line, never another exception.

Floats and timestamps are not resolved by YAML: `version: 2.10` stays the text
"2.10", and an impossible date like 2025-02-30 reaches pydantic as text, which
reports it as a field error instead of PyYAML raising mid-parse.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ledningssystem.core.yaml_messages import describe, error_line, reader_problem

Path_ = tuple[str | int, ...]

# Content files nest a handful of levels (process › steg › ansvar); far deeper is a mistake
# or an attack on the parser.
MAX_DEPTH = 40


class _Loader(yaml.SafeLoader):
    pass


# Parsing is most of the time `check` takes: use libyaml's parser when PyYAML has it
# (4-5x faster at 2,000 rutiner); the events and marks are the same.
class _Parser(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


_RESOLVERS = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in {
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:timestamp",
        }
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _RESOLVERS
_RESOLVER = _Loader("")

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"

NO_ALIASES = (
    "hänvisningar med & och * (ankare och alias) är inte tillåtna i innehållsfilerna; "
    "skriv ut värdet på varje ställe det behövs"
)
NO_MERGE = (
    "sammanfogning med << är inte tillåten i innehållsfilerna; skriv ut fälten på varje ställe"
)
BAD_KEY = "en nyckel måste vara ett enkelt namn"
INVISIBLE_BOM = (
    "felaktig YAML: raden har ett osynligt tecken (byte order mark, U+FEFF), ofta inklistrat "
    "från Word eller en webbsida; skriv om raden för hand eller ta bort tecknet"
)


@dataclass
class LineMap:
    """Line numbers (1-based) of the values in one YAML document, by path."""

    offset: int = 0
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_ = ()) -> int:
        """The line of the deepest known value on `path`."""
        for end in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found + self.offset
        return 1 + self.offset


class YamlProblem(Exception):
    """A YAML text that cannot be read, with the line where reading stopped."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(text: str, line_offset: int = 0) -> tuple[Any, LineMap]:
    """Parse one YAML document into plain data and the line of each value."""
    lines = LineMap(offset=line_offset)
    try:
        data = _Builder(lines).build(_events(text))
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(reader_problem(exc), error_line(exc, text) + line_offset) from None
    except yaml.YAMLError as exc:
        bom = text.find("\ufeff", 1)  # pasted from Word or a web page, invisible in an editor
        if bom > 0:
            line = text.count("\n", 0, bom) + 1 + line_offset
            raise YamlProblem(INVISIBLE_BOM, line) from None
        raise YamlProblem(describe(exc), error_line(exc, text) + line_offset) from None
    except YamlProblem as exc:
        raise YamlProblem(exc.message, exc.line + line_offset) from None
    return data, lines


def _events(text: str) -> Iterator[yaml.Event]:
    """Parser events, lazily, so a problem early in a huge text stops the parse early."""
    given = 0
    try:
        for event in yaml.parse(text, Loader=_Parser):
            given += 1
            yield event
    except yaml.YAMLError as fast_error:
        # Rare: let the pure-Python parser say what is wrong, in the words describe() knows.
        # The two parsers disagree on a few texts (a byte-order mark inside a line is space
        # to one and an error to the other): then the fast parser's error stands, since the
        # events already built came from it.
        slow = itertools.islice(yaml.parse(text, Loader=_Loader), given, None)
        try:
            for _ in slow:
                pass
        except yaml.YAMLError as slow_error:
            raise slow_error from None
        raise fast_error from None


def _line(event: yaml.Event) -> int:
    mark = event.start_mark
    return int(mark.line) + 1 if mark is not None else 1


@dataclass
class _Frame:
    """A mapping or list being built, and where it sits in the document."""

    value: dict[str, Any] | list[Any]
    path: Path_
    key: str | None = None  # a mapping's key waiting for its value
    key_line: int = 0


class _Builder:
    """Plain data from parser events, with an explicit stack instead of recursion."""

    def __init__(self, lines: LineMap):
        self.lines = lines
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.documents = 0

    def build(self, events: Iterable[yaml.Event]) -> Any:
        for event in events:
            self._refuse_references(event)
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise YamlProblem(
                        "felaktig YAML: filen innehåller flera YAML-dokument; "
                        "ta bort raden --- mitt i filen",
                        _line(event),
                    )
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                self._open(event)
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                done = self.stack.pop()
                self._place(done.value, _line(event), closing=True)
            elif isinstance(event, yaml.ScalarEvent):
                self._scalar(event)
        return self.result

    def _refuse_references(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(f"felaktig YAML: {NO_ALIASES}", _line(event))
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(
                f'felaktig YAML: taggen "{shown}" är inte tillåten i innehållsfilerna; '
                "ta bort den och skriv bara värdet",
                _line(event),
            )

    def _open(self, event: yaml.Event) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            raise YamlProblem(BAD_KEY, _line(event))
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(
                f"felaktig YAML: värdena är nästlade djupare än {MAX_DEPTH} nivåer; "
                "kontrollera indraget och hakparenteserna",
                _line(event),
            )
        path = self._child_path()
        self.lines.lines[path] = _line(event)
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(value, path))

    def _child_path(self) -> Path_:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        return (*top.path, top.key or "")

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self._key(top, event)
            return
        self.lines.lines[self._child_path()] = _line(event)
        self._place(_scalar_value(event), _line(event))

    def _key(self, top: _Frame, event: yaml.ScalarEvent) -> None:
        line = _line(event)
        value = event.value
        if event.implicit[0]:
            tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
            if tag == _MERGE:
                raise YamlProblem(f"felaktig YAML: {NO_MERGE}", line)
            if tag == _NULL:
                raise YamlProblem(BAD_KEY, line)
            value = str(_scalar_value(event))
        assert isinstance(top.value, dict)
        if value in top.value:
            raise YamlProblem(f'nyckeln "{value}" förekommer två gånger; ta bort den ena', line)
        top.key, top.key_line = value, line

    def _place(self, value: Any, line: int, closing: bool = False) -> None:
        if not self.stack:
            self.result = value
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
            return
        key = top.key or ""
        top.value[key] = value
        # Errors about a field point at its key, where the author looks for it.
        self.lines.lines[(*top.path, key)] = top.key_line
        top.key = None


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    """A scalar as SafeLoader reads it, but floats and timestamps stay text."""
    if not event.implicit[0]:
        return event.value  # quoted: always text
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _RESOLVER.bool_values[event.value.lower()]
    if tag == _INT:
        try:
            return _RESOLVER.construct_yaml_int(yaml.ScalarNode(tag, event.value))
        except ValueError:
            raise YamlProblem(
                "talet har för många siffror; skriv ett rimligt tal eller sätt det inom "
                "citattecken",
                _line(event),
            ) from None
    return event.value  # text, and the floats and dates pydantic reads from text
