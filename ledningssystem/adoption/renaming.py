"""Text changes that turn the example's files into a named organisation's, comments kept.

Pure functions on file texts: the organisation's names (and their genitive and lower-case
forms, which follow by prefix) and ids replaced; the example's Git users removed from roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Substitution = tuple[str, str]

_GIT_LINE = re.compile(r"^\s+git:\s*\[.*\]\s*(#.*)?$")
_UNIT_GIT_START = re.compile(r"^(\s+)git_per_enhet:\s*$")


def name_substitutions(old: Sequence[str], new: Sequence[str]) -> list[Substitution]:
    """Each old name → new name, also with a lower-case first letter; longest first, so
    "Socialförvaltningen" is replaced before a shorter name inside it."""
    pairs: dict[str, str] = {}
    for before, after in zip(old, new, strict=True):
        if not before or before == after:
            continue
        pairs[before] = after
        lowered = before[:1].lower() + before[1:]
        if lowered != before and after[:1].isupper():
            pairs[lowered] = after[:1].lower() + after[1:]
    return sorted(pairs.items(), key=lambda pair: -len(pair[0]))


def substitute(text: str, substitutions: Sequence[Substitution]) -> str:
    """`text` with every substitution made once, left to right (no chains: a new name that
    contains an old one is not replaced again)."""
    if not substitutions:
        return text
    table = dict(substitutions)
    pattern = re.compile("|".join(re.escape(old) for old, _ in substitutions))
    return pattern.sub(lambda match: table[match.group(0)], text)


def without_git_users(roles_text: str) -> str:
    """roles/roller.yml without `git:` lines, `git_per_enhet:` blocks and their comments."""
    lines = roles_text.splitlines(keepends=True)
    kept: list[str] = []
    block_indent: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if line.strip() and indent > block_indent:
                continue
            block_indent = None
        start = _UNIT_GIT_START.match(line)
        if start:
            block_indent = len(start.group(1))
            _drop_comment_above(kept)
            continue
        if _GIT_LINE.match(line):
            continue
        kept.append(line)
    return "".join(kept)


def without_header_comment(text: str) -> str:
    """`text` without the comment lines it starts with (replaced by a new header)."""
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and lines[start].lstrip().startswith("#"):
        start += 1
    return "".join(lines[start:])


def without_keys(text: str, key: str) -> str:
    """YAML text without the lines `key: …` at any indentation (e.g. årshjul `process:`)."""
    pattern = re.compile(rf"^\s+{re.escape(key)}:.*\n?", re.M)
    return pattern.sub("", text)


def _drop_comment_above(kept: list[str]) -> None:
    while kept and kept[-1].lstrip().startswith("#") and kept[-1].startswith(" "):
        kept.pop()
