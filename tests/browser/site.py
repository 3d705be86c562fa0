"""The site the browser tests run against: the example portal plus one rutin for search."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import build_site, copy_example

# A rutin with Swedish words in title and body, so that search is tested on å/ä/ö and on
# other word forms whatever the example content holds. Its references are filled in from
# the example content so that it stays valid while the example changes.
SEARCH_ROUTINE_ID = "hantera-klagomal-test"
SEARCH_ROUTINE = """---
id: {id}
titel: Hantera klagomål och synpunkter
typ: rutin
ägare: {owner}
status: gällande
version: "1.0"
gäller_från: 2025-01-15
fastställd_av: {owner}
fastställd_datum: 2025-01-10
revideras_senast: 2030-01-10
enheter: [{unit}]
nyckelord: [klagomål, synpunkt]
---

# Hantera klagomål och synpunkter

När en brukare eller anhörig lämnar ett klagomål registreras det samma dag.
Handläggaren bekräftar mottagandet och utreder om det finns brister i verksamheten.
Om klagomålet gäller myndighetsutövning informeras brukaren om möjligheten till omprövning.
Återkoppling lämnas skriftligt inom två veckor. Sammanställningen av inkomna klagomål
används i kvalitetsberättelsen för att hitta mönster och förbättringsområden.
"""


def build_browser_site(target: Path) -> Path:
    """Copy the example to `target`, add the search rutin and build it."""
    root = copy_example(target / "portal")
    content = load_ledningssystem(root)
    routine = SEARCH_ROUTINE.format(
        id=SEARCH_ROUTINE_ID,
        owner=sorted(content.roles)[0],
        unit=content.organisation.administration.id,
    )
    (root / "routines" / f"{SEARCH_ROUTINE_ID}.md").write_text(routine, encoding="utf-8")
    return build_site(root)
