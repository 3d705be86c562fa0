"""Facts written once: `{{ fakta("lex_sarah.frist_utredning") }}` in rutiner, processes and pages.

The facts live in ledningssystem.yml under `fakta:` (group → key → value); the names of the
kommun, nämnd and förvaltning come from the organisation (roles/organisation.yml), and
portal.facts adds the risk scale from the berättelse's configuration (report.risk_facts), so
the riskanalys process and the berättelse cannot disagree. Every reference is checked when
the content is loaded (file and line); the document pages and the berättelse texts then get
the values in their place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import escape

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.organisation import Organisation

FACT_CALL = re.compile(r"""\{\{\s*fakta\(\s*(["'])(?P<key>.*?)\1\s*\)\s*\}\}""")
# Literal examples in pages rendered by mkdocs-macros stay literal inside {% raw %}.
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
ORGANISATION_GROUP = "organisation"


def written_facts(content: Ledningssystem) -> dict[str, str]:
    """The facts of ledningssystem.yml and the organisation's names (not the risk scale)."""
    table = {
        f"{group}.{key}": str(value)
        for group, values in content.settings.facts.items()
        for key, value in values.items()
    }
    table.update(organisation_facts(content.organisation))
    return table


def organisation_facts(organisation: Organisation) -> dict[str, str]:
    """The names every document may repeat: kommun, nämnd and förvaltning."""
    return {
        f"{ORGANISATION_GROUP}.kommun": organisation.municipality,
        f"{ORGANISATION_GROUP}.nämnd": organisation.board.name,
        f"{ORGANISATION_GROUP}.förvaltning": organisation.administration.name,
    }


def fact_errors(
    file: str, text: str, known: Mapping[str, str], first_line: int = 1
) -> list[ContentError]:
    """Every reference in `text` to a fact that does not exist, with its line in `file`."""
    errors = []
    visible = _RAW.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for match in FACT_CALL.finditer(visible):
        key = match.group("key")
        if key in known:
            continue
        line = first_line + visible.count("\n", 0, match.start())
        hint = did_you_mean(key, known).strip() or _listing(known)
        errors.append(
            ContentError(
                file,
                line,
                "",
                f'faktan "{key}" finns inte',
                f"{hint} Fakta skrivs under fakta: i ledningssystem.yml.".strip(),
            )
        )
    return errors


def expand_facts(markdown: str, table: Mapping[str, str]) -> str:
    """The text with each known reference replaced by its (escaped) value."""

    def value(match: re.Match[str]) -> str:
        key = match.group("key")
        return str(escape(table[key])) if key in table else match.group(0)

    return FACT_CALL.sub(value, markdown)


def _listing(known: Mapping[str, str]) -> str:
    names = ", ".join(f'"{k}"' for k in list(known)[:8])
    return f"Fakta som finns: {names}." if names else "Det finns inga fakta ännu."
