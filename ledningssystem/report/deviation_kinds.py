"""The avvikelse kinds a year shows: those in config.yml, and one for typ okänt.

An avvikelse whose typ is okänt (or ej registrerat) counts in the total, so it must show
in the tables too: as its own kind "Avvikelser av okänd typ", whose row and unit table
make the tables' bodies add up to the total.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledningssystem.report.config import DeviationKind, ReportConfig
from ledningssystem.report.model import DeviationRow
from ledningssystem.report.unknown import UNKNOWN_ID


def unknown_kind(config: ReportConfig, rows: Sequence[DeviationRow]) -> DeviationKind:
    """The kind of rows with typ okänt; its categories are those its rows have."""
    used = {r.category for r in rows if r.kind == UNKNOWN_ID}
    categories = {c.id: c for kind in config.deviations for c in kind.categories if c.id in used}
    return DeviationKind.model_construct(
        id=UNKNOWN_ID,
        name="Avvikelser av okänd typ (uppgift saknas)",
        label="avvikelser av okänd typ",
        level="individ",
        categories=tuple(categories.values()),
    )


def shown_kinds(
    config: ReportConfig, rows: Sequence[DeviationRow], previous: Sequence[DeviationRow] = ()
) -> tuple[DeviationKind, ...]:
    """The configured kinds this year's or last year's rows have, and the unknown kind when
    a row's typ is okänt.

    A kind neither year has a row of is one the förvaltning does not have (no LSS, no
    organisatoriska avvikelser registered): it is left out, never printed as "LSS 0". A kind
    last year had keeps its row at 0, so that its change is shown.
    """
    had = {r.kind for r in (*rows, *previous)}
    kinds = tuple(k for k in config.deviations if k.id in had)
    if any(r.kind == UNKNOWN_ID for r in rows):
        return (*kinds, unknown_kind(config, rows))
    return kinds
