"""The Dokumentstyrning lists as CSV (for Swedish Excel) and JSON (for other tools)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.spreadsheet import text_cell
from ledningssystem.core.urls import page_url
from ledningssystem.doccontrol.review_radar import ControlledItem, ControlOverview
from ledningssystem.legal.law_watch import AffectedDocument, EndedCitation
from ledningssystem.render.format import format_date

CSV_COLUMNS = (
    "Typ",
    "Id",
    "Titel",
    "Ägare",
    "Status",
    "Version",
    "Gäller från",
    "Fastställd av",
    "Fastställd datum",
    "Revideras senast",
    "Dagar kvar",
    "Läge",
    "Senast ändrad",
    "Berörs av lagändring",
    "Sida",
)

# Keys of the published JSON that are kept for one release only, and what replaces them.
DEPRECATED_KEYS = {
    "antal.revision_försenad": (
        "Utfasad: ersätts av antal.revidering_försenad (samma värde) och tas bort i nästa version."
    ),
}

# A document's ended citations, keyed as the lists key documents: kind and id.
LawChanges = dict[tuple[str, str], tuple[EndedCitation, ...]]


def law_changes_by_document(affected: list[AffectedDocument]) -> LawChanges:
    """The ended citations of each affected document, for the export rows."""
    return {(a.document.kind, a.document.id): a.citations for a in affected}


def render_control_csv(
    content: Ledningssystem, control: ControlOverview, law_changes: LawChanges
) -> str:
    """Every process and rutin, one row each: UTF-8 with BOM and semicolons, as Excel wants."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for item in control.items:
        cited = law_changes.get((item.kind, item.id), ())
        writer.writerow([_cell(value) for value in _row(content, item, cited)])
    return "\ufeff" + out.getvalue()


def render_control_json(
    content: Ledningssystem, control: ControlOverview, law_changes: LawChanges
) -> str:
    """The same rows as JSON, with the date and horizon they were computed for."""
    overdue = sum(len(g.items) for g in control.overdue)
    data = {
        "idag": control.today.isoformat(),
        "horisont_dagar": control.horizon_days,
        "antal": {
            "revidering_försenad": overdue,
            # The old key said "revision" (the auditors' word). Tools read it, so it stays, with
            # the same value, for one release; DEPRECATED_KEYS says so in the file itself.
            "revision_försenad": overdue,
            "revideras_snart": sum(len(g.items) for g in control.due),
            "utkast": sum(len(g.items) for g in control.drafts),
            "nyligen_ändrade": sum(len(g.items) for g in control.recent),
            "berörs_av_lagändring": len(law_changes),
        },
        "dokument": [
            _record(content, item) | _law_record(law_changes.get((item.kind, item.id), ()))
            for item in control.items
        ],
        "utfasade_nycklar": DEPRECATED_KEYS,
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _row(
    content: Ledningssystem, item: ControlledItem, cited: tuple[EndedCitation, ...]
) -> list[Any]:
    record = _record(content, item)
    return [
        record["typ"],
        record["id"],
        record["titel"],
        _role_name(content, item.doc.owner),
        record["status"],
        record["version"],
        format_date(item.doc.valid_from),
        _role_name(content, item.doc.approved_by) if item.doc.approved_by else "–",
        format_date(item.doc.approved_on),
        format_date(item.doc.review_by),
        "" if item.days_left is None else item.days_left,
        record["läge"],
        format_date(item.last_changed),
        "; ".join(_law_cell(c) for c in cited),
        record["sida"],
    ]


def _record(content: Ledningssystem, item: ControlledItem) -> dict[str, Any]:
    doc = item.doc

    def iso(value: Any) -> str | None:
        return value.isoformat() if value else None

    return {
        "typ": item.kind,
        "id": item.id,
        "titel": item.title,
        "ägare": doc.owner_ref,  # roll@enhet when a unit owns it
        "status": doc.status.value,
        "version": doc.version,
        "gäller_från": iso(doc.valid_from),
        "fastställd_av": doc.approved_by,
        "fastställd_datum": iso(doc.approved_on),
        "revideras_senast": iso(doc.review_by),
        "dagar_kvar": item.days_left,
        "läge": item.state.value,
        "senast_ändrad": iso(item.last_changed),
        "fil": item.file,
        "sida": page_url(item.page, True),
    }


def _law_cell(citation: EndedCitation) -> str:
    # The same words as the page's list: what it cites, when that ended, what replaces it.
    req = citation.requirement
    text = f"{req.reference} upphörde {format_date(req.ends)}"
    return f"{text}, ersätts av {citation.replaced_by}" if citation.replacements else text


def _law_record(cited: tuple[EndedCitation, ...]) -> dict[str, Any]:
    return {
        "berörs_av_lagändring": [
            {
                "lagkrav": c.requirement.requirement.id,
                "hänvisning": c.requirement.reference,
                "upphörde": c.requirement.ends.isoformat() if c.requirement.ends else None,
                "ersätts_av": list(c.replacements),
            }
            for c in cited
        ]
    }


def _role_name(content: Ledningssystem, role_id: str) -> str:
    role = content.roles.get(role_id)
    return role.name if role else role_id


def _cell(value: Any) -> Any:
    return text_cell(value)
