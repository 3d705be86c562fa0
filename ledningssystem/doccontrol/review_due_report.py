"""The review-due report in Markdown: overdue and due reviews by owner, for an issue or a mail."""

from __future__ import annotations

from collections.abc import Sequence

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import page_url
from ledningssystem.doccontrol.review_radar import ControlledItem, ControlOverview
from ledningssystem.legal.law_watch import AffectedDocument
from ledningssystem.render.format import markdown_literal


def render_review_due(
    content: Ledningssystem,
    control: ControlOverview,
    site_url: str = "",
    law_changes: Sequence[AffectedDocument] = (),
) -> str:
    """Markdown with one section per owner (mentioning its Git users) and a line per document,
    then the documents a law change affects."""
    overdue = sum(len(g.items) for g in control.overdue)
    due = sum(len(g.items) for g in control.due)
    lines = [
        f"# Dokument att revidera {control.today.isoformat()}",
        "",
        f"{overdue} {'försenad revidering' if overdue == 1 else 'försenade revideringar'} och "
        f"{due} som ska göras inom {control.horizon_days} dagar.",
    ]
    items: dict[str, list[ControlledItem]] = {}
    for group in control.overdue + control.due:
        items.setdefault(group.owner, []).extend(group.items)
    if not items:
        lines += ["", "Inga dokument behöver revideras just nu."]
    for owner in sorted(items, key=lambda o: _role_name(content, o).casefold()):
        role = content.roles.get(owner)
        handles = f" ({' '.join(role.git_handles)})" if role and role.git_handles else ""
        lines += ["", f"## {_role_name(content, owner)}{handles}", ""]
        lines += [_line(item, site_url) for item in items[owner]]
    lines += _law_changes(content, law_changes, site_url)
    return "\n".join(lines) + "\n"


def _law_changes(
    content: Ledningssystem, affected: Sequence[AffectedDocument], site_url: str
) -> list[str]:
    if not affected:
        return []
    lines = [
        "",
        "## Berörs av lagändring",
        "",
        "Gällande dokument som hänvisar till en författning eller paragraf som har upphört. "
        "De ska revideras.",
        "",
    ]
    for item in affected:
        doc = item.document
        target = site_url.rstrip("/") + "/" + page_url(doc.page) if site_url else ""
        name = f"[{doc.title}]({target})" if target else doc.title
        cited = "; ".join(
            f"{c.requirement.reference} upphörde {c.requirement.ends}"
            + (f", ersätts av {c.replaced_by}" if c.replacements else "")
            for c in item.citations
        )
        owner = _role_name(content, doc.owner)
        lines.append(f"- {name} ({doc.kind}, ägare {owner}) – {cited} – `{doc.file}`")
    return lines


def _line(item: ControlledItem, site_url: str) -> str:
    days = item.days_left or 0
    when = (
        f"**försenad {-days} {'dag' if days == -1 else 'dagar'}**"
        if days < 0
        else f"om {days} {'dag' if days == 1 else 'dagar'}"
    )
    target = site_url.rstrip("/") + "/" + page_url(item.page) if site_url else ""
    title = markdown_literal(item.title)
    name = f"[{title}]({target})" if target else title
    review = item.doc.review_by.isoformat() if item.doc.review_by else "–"
    return (
        f"- {name} ({item.kind}, version {item.doc.version}) – revideras senast {review}, "
        f"{when} – `{item.file}`"
    )


def _role_name(content: Ledningssystem, role_id: str) -> str:
    role = content.roles.get(role_id)
    return role.name if role else role_id
