"""The legal register: every requirement with the processes and rutiner that implement it."""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import REQUIREMENT_INDEX
from ledningssystem.legal.coverage import Coverage, citing_documents, requirement_coverage
from ledningssystem.website.pages.page import BuildContext, Page, template_page

# What staff see for a krav whose chapter, paragraph or topic is not yet checked: never the
# register's internal notes, which stay as comments in requirements/*.yml.
UNVERIFIED_TEXT = "Paragrafhänvisningen är inte kontrollerad mot författningstexten"


def pages(content: Ledningssystem, context: BuildContext) -> list[Page]:
    # The register and the documents citing it (front matter, processes): the outline.
    return context.memo.listing("lagkrav", lambda: list(_each(content, context)))


def _each(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    sources = requirement_coverage(content)
    documents = citing_documents(content)
    yield template_page(
        REQUIREMENT_INDEX,
        "pages/requirement_index.md.jinja",
        context,
        in_nav=True,
        content=content,
        sources=sources,
        coverage=Coverage,
        totals={c: sum(s.count(c) for s in sources) for c in Coverage},
        verified_covered=sum(s.count(Coverage.COVERED, verified=True) for s in sources),
        unverified_text=UNVERIFIED_TEXT,
        citing=[d for d in documents if d.requirements],
        not_citing=[d for d in documents if not d.requirements],
    )
