"""The berättelse's risk scale as facts (`{{ fakta("risk.klasser") }}`), from reports/config.yml.

So the riskanalys process and the berättelse cannot disagree about the scale.
"""

from __future__ import annotations

from ledningssystem.report.config import RiskMatrix

RISK_GROUP = "risk"


def risk_facts(matrix: RiskMatrix) -> dict[str, str]:
    """The berättelse's risk scale as facts: the matrix, each class's range, the action limit."""
    top = len(matrix.likelihood) * len(matrix.consequence)
    ranges = []
    facts = {f"{RISK_GROUP}.matris": f"{len(matrix.likelihood)} × {len(matrix.consequence)}"}
    for i, risk_class in enumerate(matrix.classes):
        end = matrix.classes[i + 1].start - 1 if i + 1 < len(matrix.classes) else top
        span = f"{risk_class.start}–{end}" if end > risk_class.start else str(risk_class.start)
        facts[f"{RISK_GROUP}.{risk_class.id}"] = span
        ranges.append(f"{risk_class.name.lower()} {span}")
    facts[f"{RISK_GROUP}.klasser"] = ", ".join(ranges)
    if matrix.action_from is not None:
        facts[f"{RISK_GROUP}.kräver_åtgärd_från"] = str(matrix.action_from)
    return facts
