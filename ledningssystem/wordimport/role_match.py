"""Match what a Word header says ("Ansvarig: Avdelningschef IFO") to a role and a unit."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from ledningssystem.core.model.organisation import Organisation
from ledningssystem.core.model.role import Role
from ledningssystem.core.slug import slugify

_WORD = re.compile(r"[\wåäöÅÄÖ-]+")


def match_role(text: str, roles: Mapping[str, Role]) -> tuple[str, str] | None:
    """(role id, the rest of the text) for the role `text` names, or None.

    The longest role name or kortnamn found as whole words wins, so "Medicinskt ansvarig
    sjuksköterska" is MAS and not a role called "Ansvarig"; a close spelling is accepted.
    """
    lowered = f" {_words(text)} "
    best: tuple[int, str, str] | None = None
    for role in roles.values():
        for name in _names(role):
            key = f" {_words(name)} "
            if key.strip() and key in lowered and (best is None or len(key) > best[0]):
                rest = lowered.replace(key, " ", 1).strip()
                best = (len(key), role.id, rest)
    if best:
        return best[1], best[2]
    return _close_role(text, roles)


def match_unit(text: str, organisation: Organisation) -> str | None:
    """The organisation node `text` names by id, name or a name's first word (e.g. "IFO")."""
    words = _words(text)
    if not words:
        return None
    for node_id, name, _level in organisation.nodes():
        if node_id in {words, slugify(words)} or words == _words(name):
            return node_id
    for node_id, name, _level in organisation.nodes():
        if _words(name).startswith(words + " ") or node_id.startswith(slugify(words) + "-"):
            return node_id
    return None


def _close_role(text: str, roles: Mapping[str, Role]) -> tuple[str, str] | None:
    names = {_words(name): role.id for role in roles.values() for name in _names(role)}
    close = difflib.get_close_matches(_words(text), list(names), n=1, cutoff=0.85)
    return (names[close[0]], "") if close else None


def _names(role: Role) -> list[str]:
    return [n for n in (role.name, role.short_name, role.id) if n]


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
