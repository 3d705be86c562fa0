"""YAML parsing that remembers the line of every value, for error messages.

Floats and timestamps are not resolved by YAML: `version: 2.10` stays the text
"2.10", and an impossible date like 2025-02-30 reaches pydantic as text, which
reports it as a field error instead of PyYAML raising mid-parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    pass


# Composing is most of the time `check` takes: use libyaml's parser when PyYAML has it
# (4-5x faster at 2,000 rutiner); the nodes, marks and resolvers are the same.
class _Composer(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
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
_Composer.yaml_implicit_resolvers = _RESOLVERS


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
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise YamlProblem(_describe(exc), line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"filen kan inte läsas som YAML ({exc})", 1 + line_offset) from None
    if node is None:
        return None, lines
    try:
        return _build(node, (), lines, _Loader("")), lines
    except YamlProblem as exc:
        raise YamlProblem(exc.message, exc.line + line_offset) from None


_STR_TAG = "tag:yaml.org,2002:str"


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Composer)
    except yaml.YAMLError:
        # Rare: let the pure-Python parser say what is wrong, in the words _describe knows.
        return yaml.compose(text, Loader=_Loader)


def _build(node: yaml.Node, path: Path_, lines: LineMap, loader: _Loader) -> Any:
    lines.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = (
                key_node.value
                if key_node.tag == _STR_TAG
                else loader.construct_object(key_node, deep=True)
            )
            if not isinstance(key, str | int | bool) or key is None:
                raise YamlProblem(
                    "en nyckel måste vara ett enkelt namn", key_node.start_mark.line + 1
                )
            key = str(key)
            if key in result:
                raise YamlProblem(
                    f'nyckeln "{key}" förekommer två gånger; ta bort den ena',
                    key_node.start_mark.line + 1,
                )
            result[key] = _build(value_node, (*path, key), lines, loader)
            # Errors about a field point at its key, where the author looks for it.
            lines.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, loader) for i, item in enumerate(node.value)]
    if node.tag == _STR_TAG:
        return node.value  # what SafeConstructor returns for a string, without its overhead
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise YamlProblem(_describe(exc), node.start_mark.line + 1) from None


def _describe(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    hints = {
        "mapping values are not allowed here": (
            'ett kolon på fel ställe; sätt texten inom citattecken om den innehåller ": "'
        ),
        "found character '\\t' that cannot start any token": (
            "tabbtecken är inte tillåtna i YAML; använd mellanslag för indrag"
        ),
        "could not find expected ':'": "en rad saknar kolon efter fältnamnet",
        "found undefined alias": "en okänd hänvisning (*namn)",
    }
    for english, swedish in hints.items():
        if english in problem:
            return f"felaktig YAML: {swedish}"
    return f"felaktig YAML: {problem} – kontrollera indrag, kolon och citattecken"
