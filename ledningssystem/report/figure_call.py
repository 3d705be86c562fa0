"""figure() and citat(): the calls an author writes in the berättelse's texts and on docs/ pages.

One syntax everywhere: `{{ figure("klagomal.total") }}`,
`{{ figure("klagomal.total", year=2023) }}`,
`{{ figure("klagomal.total", visa="förändring") }}` (or the view as second argument,
`{{ figure("klagomal.total", "förändring") }}`), and `{{ citat("…", källa="…") }}` for a number
quoted from another source on purpose. The narrative substitution (narrative.py) and the docs/
macros (macro_api.py) both call `figure_text` and `quote_text`, so they accept the same calls
and give the same text and the same errors.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import escape

from ledningssystem.core.messages import did_you_mean
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import Figure

VIEWS = {
    "värde": Figure.cell,  # a lower bound keeps its unknowns: "0 (uppgift saknas för 2)"
    "föregående": Figure.previous_text,
    "förändring": Figure.change_text,
    "sammanfattning": Figure.summary,
}
FIGURE_EXAMPLE = '{{ figure("avvikelser.sol.total") }}'
NO_REPORT_FOR_YEAR = "det finns ingen kvalitetsberättelse för år"
QUOTE_EXAMPLE = '{{ citat("34 synpunkter", källa="Patientnämndens årsrapport 2024") }}'


class CallProblem(Exception):
    """A figure() or citat() call that cannot be shown: what is wrong and how to fix it."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


def figure_text(
    figures: Mapping[int, FigureSet],
    default_year: int | None,
    name: str,
    year: int | str | None = None,
    visa: str = "värde",
) -> str:
    """The text of figure `name` of `year` (default_year when None) as view `visa`.

    A string as second argument is the view (`figure("x", "förändring")`), so the positional
    form of the berättelse's texts and the keyword form of docs/ pages mean the same.
    """
    if isinstance(year, str):
        visa = year
        year = None
    chosen = default_year if year is None else year
    if not isinstance(name, str) or not isinstance(visa, str):
        raise CallProblem(
            "figure() tar ett figurnamn och en visning inom citattecken",
            f"Skriv t.ex. {FIGURE_EXAMPLE}.",
        )
    if chosen is None or chosen not in figures:
        years = ", ".join(str(y) for y in sorted(figures)) or "inga"
        raise CallProblem(
            f"{NO_REPORT_FOR_YEAR} {chosen} i reports/",
            f"År med berättelse: {years}.",
        )
    figure = figures[chosen].get(name)
    if figure is None:
        raise CallProblem(
            f'figuren "{name}" finns inte för {chosen}',
            (
                did_you_mean(name, figures[chosen].figures).strip()
                + " Alla figurer finns i nyckeltal.csv för året."
            ).strip(),
        )
    if visa not in VIEWS:
        raise CallProblem(f'okänd visning "{visa}"', f"Välj en av: {', '.join(VIEWS)}.")
    return VIEWS[visa](figure)


def quote_text(text: str, källa: str) -> str:
    """A number quoted from another source, shown with that source: ”…” (källa: …)."""
    if not isinstance(text, str) or not isinstance(källa, str) or not text.strip():
        raise CallProblem(
            "citat() tar texten och källan inom citattecken", f"Skriv t.ex. {QUOTE_EXAMPLE}."
        )
    if not källa.strip():
        raise CallProblem("citatet saknar källa", f"Skriv varifrån det kommer: {QUOTE_EXAMPLE}.")
    return (
        f'<span class="ls-citat">”{escape(text.strip())}” '
        f'<span class="ls-citat-kalla">(källa: {escape(källa.strip())})</span></span>'
    )
