"""The legal register: every requirement with the processes and rutiner that cite it."""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.model.content import Ledningssystem
from ledningssystem.pages.page import BuildContext, Page, template_page
from ledningssystem.urls import REQUIREMENT_INDEX


def citations(content: Ledningssystem) -> dict[str, tuple[list[str], list[str]]]:
    """Requirement id → (citing process ids, citing rutin ids), both sorted."""
    cited: dict[str, tuple[list[str], list[str]]] = {r: ([], []) for r in content.requirements}
    for process in content.processes.values():
        for req_id in process.requirements:
            cited[req_id][0].append(process.id)
    for doc in content.routines.values():
        for req_id in doc.meta.requirements:
            cited[req_id][1].append(doc.meta.id)
    return {k: (sorted(set(p)), sorted(set(r))) for k, (p, r) in cited.items()}


def pages(content: Ledningssystem, context: BuildContext) -> Iterator[Page]:
    yield template_page(
        REQUIREMENT_INDEX,
        "pages/requirement_index.md.jinja",
        context,
        in_nav=True,
        content=content,
        cited=citations(content),
    )
