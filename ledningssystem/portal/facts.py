"""Every fact an author can cite: `fakta:`, the organisation's names and the risk scale."""

from __future__ import annotations

from ledningssystem.core.facts import written_facts
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.risk_facts import risk_facts


def fact_table(content: Ledningssystem) -> dict[str, str]:
    """Every fact by its dotted key, e.g. "lex_sarah.frist_utredning" → "sex veckor"."""
    table = written_facts(content)
    if content.reports is not None:
        table.update(risk_facts(content.reports.config.risk))
    return dict(sorted(table.items()))
