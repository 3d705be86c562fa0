"""Pages generated from the content at build time (never committed).

Each module in this package contributes a `pages(content, context)` generator;
GENERATORS lists them. The MkDocs hook adds the result as virtual files, and
a CLI command could write them to disk for a build without hooks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ledningssystem.core.facts import expand_facts
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.portal.facts import fact_table
from ledningssystem.website.pages import (
    calendar,
    changelog,
    doccontrol,
    processes,
    public,
    report,
    requirements,
    roles,
    routines,
)
from ledningssystem.website.pages.page import BuildContext, Page

Generator = Callable[[Ledningssystem, BuildContext], Iterable[Page]]

GENERATORS: tuple[Generator, ...] = (
    processes.pages,
    routines.pages,
    roles.pages,
    requirements.pages,
    calendar.pages,
    doccontrol.pages,
    changelog.pages,
    report.pages,
)
# The public site holds the berättelse alone: a start page and the Kvalitetsberättelse section.
PUBLIC_GENERATORS: tuple[Generator, ...] = (public.pages, report.pages)


def generate_pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    """Every generated page, in a stable order."""
    generators = PUBLIC_GENERATORS if context.public else GENERATORS
    generated = [page for generator in generators for page in generator(content, context)]
    # {{ fakta("…") }} in any text shown (descriptions, bodies, summaries) gets its value;
    # every reference was checked when the content was loaded.
    expanded = _EXPANDED if context.memo.enabled else _FactExpansion()
    generated = expanded.pages(generated, fact_table(content))
    return sorted(generated, key=lambda page: page.src)


@dataclass
class _FactExpansion:
    """Pages with their facts expanded, remembered by page and facts: a preview rebuild
    scans only the pages made again (all of them are 60 MB of Markdown at city size)."""

    facts: dict[str, str] = field(default_factory=dict)
    done: dict[Page, Page] = field(default_factory=dict)

    def pages(self, generated: list[Page], facts: dict[str, str]) -> list[Page]:
        known = self.done if facts == self.facts else {}
        found: dict[Page, Page] = {}
        for page in generated:
            if page.src.endswith(".md"):
                found[page] = known.get(page) or replace(
                    page, markdown=expand_facts(page.markdown, facts)
                )
        self.facts, self.done = facts, found  # the latest build's pages only
        return [found.get(page, page) for page in generated]


# The preview's, kept between rebuilds (a one-off build expands every page afresh).
_EXPANDED = _FactExpansion()


__all__ = ["BuildContext", "Page", "generate_pages"]
