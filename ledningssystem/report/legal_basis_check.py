"""`check` warns when a year's lagrum names a law the legal register cannot date.

A part of a `lagrum:` list that cites a författning by its SFS number ("SoL (2001:453) …")
is shown only in the years that law was in force, by the register's dates. Without the law
in the register (a portal that removed an upphävd law's file) the part is shown every year,
undated: 2023 would cite SoL (2025:400) too. Not an error: the berättelse still builds.
"""

from __future__ import annotations

import re

from ledningssystem.core.errors import ContentError
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.legal_basis import Periods, in_force_periods, law_of

# How the register cites a law: a short name and its SFS number, e.g. "SoL (2001:453)".
_CITED_LAW = re.compile(r"^(\S+ \(\d{4}:\d+\))")


def undated_laws(legal: str | tuple[str, ...], periods: Periods) -> list[str]:
    """The laws a lagrum list cites by SFS number that the register gives no dates for."""
    if isinstance(legal, str):
        return []  # text is shown as written every year, by the author's choice
    found = (_CITED_LAW.match(part) for part in legal)
    return [m.group(1) for m in found if m and law_of(m.group(1), periods) is None]


def undated_lagrum_warnings(content: Ledningssystem) -> list[ContentError]:
    """One warning per year and section whose lagrum names a law without register dates."""
    if content.reports is None:
        return []
    periods = in_force_periods(content.requirement_sources)
    warnings = []
    for year, data in sorted(content.reports.years.items()):
        for _, _, section in data.template.numbered(year):
            laws = undated_laws(section.legal, periods)
            if not laws:
                continue
            warnings.append(
                ContentError(
                    data.meta.origin.file,
                    data.meta.origin.line("mall"),
                    "mall",
                    f'avsnittet "{section.id}" i mallen "{data.template.id}" hänvisar till '
                    f"{', '.join(laws)}, som inte finns med datum i lagkravsregistret, så "
                    "lagrummet visas utan datum och oavsett om lagen gällde under året",
                    "Lägg till författningen i requirements/ med gäller_från och upphör, "
                    "eller skriv ett eget lagrum som text i en mall i reports/mallar/.",
                )
            )
    return warnings
