"""The lagrum a section cites in one report year, with the law then in force.

A section template's `lagrum:` is either text, shown as written every year, or a list of
parts. A part that begins with a författning of the legal register (its `källa:`, e.g.
"SoL (2001:453) 14 kap. 2–7 §§") is shown only in the years that law was in force, and in a
year it started or ended in, with that date: a berättelse covers events of the whole year,
and each was governed by the law in force on its day. The register's dates (gäller_från,
upphör) are the one source of them; a part naming no dated law is shown every year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from ledningssystem.core.model.requirement import RequirementSource

SEPARATOR = "; "
# källa → (gäller_från, upphör); upphör is the first day the law no longer applies.
Periods = Mapping[str, tuple[dt.date | None, dt.date | None]]


def in_force_periods(
    sources: Iterable[RequirementSource],
) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """The in-force period of every författning in the register, by how it is cited."""
    return {s.source: (s.valid_from, s.ends) for s in sources if s.valid_from or s.ends}


def legal_basis(legal: str | tuple[str, ...], year: int | None, periods: Periods) -> str:
    """The lagrum shown under the section's heading in `year`'s berättelse."""
    if isinstance(legal, str) or year is None:
        return legal if isinstance(legal, str) else SEPARATOR.join(legal)
    shown = [_in_year(part, year, periods) for part in legal]
    return SEPARATOR.join(part for part in shown if part)


def _in_year(part: str, year: int, periods: Periods) -> str:
    law = law_of(part, periods)
    if law is None:
        return part
    starts, ends = periods[law]
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if (starts is not None and starts > last) or (ends is not None and ends <= first):
        return ""  # not in force at any time of the year
    when = []
    if starts is not None and first < starts:
        when.append(f"från {starts.isoformat()}")
    if ends is not None and ends <= last:
        when.append(f"till och med {(ends - dt.timedelta(days=1)).isoformat()}")
    return f"{part} ({' '.join(when)})" if when else part


def law_of(part: str, periods: Periods) -> str | None:
    """The longest källa the part begins with, followed by a space or nothing."""
    found = [law for law in periods if part == law or part.startswith(law + " ")]
    return max(found, key=len) if found else None
