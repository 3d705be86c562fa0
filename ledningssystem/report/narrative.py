"""{{ figure("name") }} in narrative Markdown: a tiny, strict substitution (not Jinja).

Only the figure call is allowed between {{ and }}; anything else, or a figure
name that does not exist, is a ContentError pointing at the file and line.
"""

from __future__ import annotations

import re

from ledningssystem.errors import ContentError
from ledningssystem.messages import did_you_mean
from ledningssystem.report.data import Narrative
from ledningssystem.report.figures import Figure, FigureSet

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
CALL = re.compile(r'^\s*figure\(\s*"([^"]+)"\s*(?:,\s*"([^"]+)"\s*)?\)\s*$')
VIEWS = {
    "värde": Figure.text,
    "föregående": Figure.previous_text,
    "förändring": Figure.change_text,
    "sammanfattning": Figure.summary,
}


def resolve_figures(narrative: Narrative, figures: FigureSet) -> tuple[str, list[ContentError]]:
    """The narrative with every figure call replaced, and a ContentError per bad call."""
    errors: list[ContentError] = []

    def replace(match: re.Match[str]) -> str:
        line = narrative.text.count("\n", 0, match.start()) + 1
        call = CALL.match(match.group(1))
        if call is None:
            errors.append(
                ContentError(
                    narrative.file,
                    line,
                    "figure",
                    f"okänt makro {match.group(0).strip()}",
                    "Bara figurer kan användas i texten, t.ex. "
                    '{{ figure("avvikelser.sol.total") }}.',
                )
            )
            return match.group(0)
        name, view = call.group(1), call.group(2) or "värde"
        figure = figures.get(name)
        if figure is None:
            errors.append(
                ContentError(
                    narrative.file,
                    line,
                    "figure",
                    f'figuren "{name}" finns inte för {figures.year}',
                    (
                        did_you_mean(name, figures.figures).strip()
                        + " Alla figurer finns i nyckeltal.csv för året."
                    ).strip(),
                )
            )
            return match.group(0)
        if view not in VIEWS:
            errors.append(
                ContentError(
                    narrative.file,
                    line,
                    "figure",
                    f'okänd visning "{view}"',
                    f"Välj en av: {', '.join(VIEWS)}.",
                )
            )
            return match.group(0)
        return VIEWS[view](figure)

    resolved = PLACEHOLDER.sub(replace, narrative.text)
    unclosed = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), narrative.text).find("{{")
    if unclosed >= 0:
        errors.append(
            ContentError(
                narrative.file,
                narrative.text.count("\n", 0, unclosed) + 1,
                "figure",
                "{{ utan avslutande }}",
                'Skriv makrot helt, t.ex. {{ figure("avvikelser.sol.total") }}.',
            )
        )
    return resolved, errors
