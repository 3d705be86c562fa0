"""Text of the files that start a new year's berättelse (for `ny-berattelse`)."""

from __future__ import annotations

import json

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.action_row import ActionRow
from ledningssystem.report.compute import CLOSED
from ledningssystem.report.data import YearData
from ledningssystem.report.unknown import UNKNOWN_ID


def _text(value: str) -> str:
    # A JSON string is a valid YAML scalar, whatever characters the text holds.
    return json.dumps(value, ensure_ascii=False)


def new_year_meta(content: Ledningssystem, year: int, last: YearData | None) -> str:
    """report.yml of a new draft, with kind, template and compiler taken from the last year."""
    kind = last.meta.kind.value if last else "patientsäkerhets- och kvalitetsberättelse"
    lines = [
        f"år: {year}",
        f"typ: {kind}",
        f"nämnd: {content.organisation.board.id}",
        f"förvaltning: {content.organisation.administration.id}",
        "status: utkast",
        f"mall: {last.meta.template if last else 'kombinerad'}",
    ]
    if last and last.meta.compiled_by:
        lines.append(f"sammanställd_av: {last.meta.compiled_by}")
    return "\n".join(lines) + "\n"


def open_actions(last: YearData | None) -> list[ActionRow]:
    """Last year's åtgärder that are neither done nor cancelled."""
    if last is None:
        return []
    return [a for a in last.actions or () if a.status not in CLOSED]


def actions_yaml(year: int, actions: list[ActionRow]) -> str:
    """atgarder.yml carrying the open åtgärder over with the same ids, to be updated."""
    lines = [
        f"# Förbättringsområden {year}. Åtgärder som var öppna förra året står kvar med samma id:",
        "# uppdatera deras status. Lägg till årets nya förbättringsområden med nya id.",
        "åtgärder:",
    ]
    for a in actions:
        fields = [
            f"id: {a.id}",
            f"titel: {_text(a.title)}",
            f"ansvarig: {'okänt' if a.owner == UNKNOWN_ID else a.owner}",
            f"klart_senast: {a.due.isoformat() if a.due else 'okänt'}",
            f"status: {a.status.value if a.status else 'okänt'}",
        ]
        if a.process:
            fields.append(f"process: {a.process}")
        if a.comment:
            fields.append(f"kommentar: {_text(a.comment)}")
        lines.append("  - {" + ", ".join(fields) + "}")
    if not actions:
        lines[-1] = "åtgärder: []"
    return "\n".join(lines) + "\n"
