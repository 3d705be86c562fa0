"""Links in rutin, process and docs/ Markdown, resolved against the pages the content makes.

MkDocs would report a broken link only at build time, in English, with the path of a
generated page that is not in the repository. This check runs with every other content
check (load → validate), so `make check`, `make build` and `make serve` report it in
Swedish, with the file and line an author edits.
"""

from __future__ import annotations

import difflib
import functools
import html
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass

from ledningssystem.core.errors import ContentError, field_label
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.routine_assets import asset_pages
from ledningssystem.core.urls import (
    CALENDAR_PAGE,
    CHANGELOG_PAGE,
    DOCUMENT_CONTROL_CSV,
    DOCUMENT_CONTROL_JSON,
    DOCUMENT_CONTROL_PAGE,
    PROCESS_INDEX,
    REPORT_INDEX,
    REQUIREMENT_INDEX,
    ROLE_INDEX,
    ROUTINE_INDEX,
    in_handbook_docs,
    process_bpmn,
    process_map_page,
    process_page,
    report_data,
    report_page,
    role_page,
    routine_page,
)


@dataclass(frozen=True)
class MarkdownSource:
    """Markdown that becomes (part of) the page `page_src`, read from `file` at `first_line`."""

    file: str
    first_line: int
    page_src: str
    markdown: str
    field: str = ""


# Inline links [text](target "title") and images, reference definitions [id]: target,
# and raw HTML href/src attributes: everything MkDocs would validate.
_INLINE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_HTML = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|/)", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# Changelog months depend on Git history, which a content check does not read.
_CHANGELOG_MONTH = re.compile(r"^andringslogg/\d{4}-(0[1-9]|1[0-2])\.md$")


def site_pages(content: Ledningssystem, docs_files: Iterable[str]) -> set[str]:
    """Every page and file of the handbook a link may point at (as MkDocs src paths)."""
    pages = {
        PROCESS_INDEX,
        ROUTINE_INDEX,
        ROLE_INDEX,
        REQUIREMENT_INDEX,
        CALENDAR_PAGE,
        DOCUMENT_CONTROL_PAGE,
        DOCUMENT_CONTROL_CSV,
        DOCUMENT_CONTROL_JSON,
        CHANGELOG_PAGE,
        REPORT_INDEX,
    }
    pages |= {process_page(p) for p in content.processes}
    # Each process also has its map on a page of its own and its BPMN file.
    pages |= {process_map_page(p) for p in content.processes}
    pages |= {process_bpmn(p) for p in content.processes}
    pages |= {routine_page(r) for r in content.routines}
    pages |= {role_page(r) for r in content.roles}
    for year in content.reports.years if content.reports else ():
        pages |= {report_page(year), report_data(year, "csv"), report_data(year, "json")}
    pages |= {src for src in docs_files if in_handbook_docs(src)}
    pages |= asset_pages(content.root)  # images beside the rutiner, published beside their pages
    return pages


def check_content_links(
    content: Ledningssystem, docs: Mapping[str, str | None], unusable: Set[str] = frozenset()
) -> list[ContentError]:
    """Broken links in every rutin, process and docs/ page (`docs`: src path → Markdown or None)."""
    return check_links(content_sources(content, docs), site_pages(content, docs), unusable)


def content_sources(
    content: Ledningssystem, docs: Mapping[str, str | None]
) -> list[MarkdownSource]:
    """The Markdown of rutin bodies, process and step descriptions and handbook docs/ pages."""
    sources = [
        MarkdownSource(doc.meta.origin.file, doc.body_line, routine_page(doc.meta.id), doc.body)
        for doc in content.routines.values()
    ]
    for process in content.processes.values():
        fields: list[tuple[str | int, ...]] = [("beskrivning",)]
        fields += [("steg", i, "beskrivning") for i in range(len(process.steps))]
        texts = [process.description] + [step.description for step in process.steps]
        for path, text in zip(fields, texts, strict=True):
            # A block scalar (`beskrivning: |`) starts on the line after its key.
            line = process.origin.line(*path) + (1 if "\n" in text.strip() else 0)
            label = field_label(path)
            sources.append(
                MarkdownSource(process.origin.file, line, process_page(process.id), text, label)
            )
    sources += [
        MarkdownSource(f"docs/{src}", 1, src, text)
        for src, text in sorted(docs.items())
        if text is not None and in_handbook_docs(src)
    ]
    return sources


def check_links(
    sources: Iterable[MarkdownSource], pages: Set[str], unusable: Set[str] = frozenset()
) -> list[ContentError]:
    """A Swedish error, with file and line, for every relative link whose target is no page."""
    errors = []
    for source in sources:
        for offset, target in markdown_links(source.markdown):
            path = resolve_link(source.page_src, target)
            if path is None or _exists(path, pages) or _is_unusable(path, unusable):
                continue
            errors.append(
                ContentError(
                    source.file,
                    source.first_line + offset,
                    source.field,
                    f'länken "{target}" leder inte till någon sida i ledningssystemet',
                    _hint(source.page_src, path, pages),
                )
            )
    return errors


def markdown_links(markdown: str) -> Iterator[tuple[int, str]]:
    """(line offset, target) of every link outside code blocks, code spans and macros."""
    yield from _links_in(markdown)


# Remembered by text: a preview rebuild checks every link again (validation stays whole) but
# finds the links of unchanged texts without reading them again. Sized for a city: 2,000
# rutiner and the descriptions of 200 processes' steps.
@functools.lru_cache(maxsize=16384)
def _links_in(markdown: str) -> tuple[tuple[int, str], ...]:
    return tuple(_find_links(markdown))


def _find_links(markdown: str) -> Iterator[tuple[int, str]]:
    in_fence = False
    text = _JINJA.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    for offset, line in enumerate(text.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or ("[" not in line and "=" not in line):
            continue  # every link form needs "[" (Markdown) or "=" (HTML): most lines have none
        line = _CODE_SPAN.sub("", line)
        reference = _REFERENCE.match(line)
        targets = [reference.group(1)] if reference else []
        targets += _INLINE.findall(line) + _HTML.findall(line)
        for target in targets:
            yield offset, target


def resolve_link(page_src: str, target: str) -> str | None:
    """The src path a relative link on `page_src` points at, or None for external links."""
    if _EXTERNAL.match(html.unescape(target)):  # java&#115;cript: is a scheme to a browser
        return None
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))


def _exists(path: str, pages: Set[str]) -> bool:
    if path in pages or _CHANGELOG_MONTH.match(path):
        return True
    # A link to a folder (e.g. "../rutiner/") means its index page.
    return posixpath.join(path, "index.md") in pages


def _is_unusable(path: str, unusable: Set[str]) -> bool:
    """A link to a file that failed to validate: its own error is reported already."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return stem in unusable


def _hint(page_src: str, path: str, pages: Set[str]) -> str:
    candidates = [p for p in pages if p.endswith(".md")]
    here = posixpath.dirname(page_src) or "."
    by_name = {posixpath.basename(p)[:-3]: p for p in candidates}
    stem = posixpath.splitext(posixpath.basename(path))[0]
    match = difflib.get_close_matches(stem, list(by_name), n=1, cutoff=0.6)
    if not match:
        match = difflib.get_close_matches(path, candidates, n=1, cutoff=0.8)
        best = match[0] if match else None
    else:
        best = by_name[match[0]]
    if best is None:
        return "Rätta sökvägen eller ta bort länken. En rutin länkas med sitt id: [Titel](id.md)."
    return f'Menade du "{posixpath.relpath(best, here)}"?'
