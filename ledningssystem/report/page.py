"""One year's berättelse as a view for the page template: sections in template order."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ledningssystem.model.content import Ledningssystem
from ledningssystem.report.blocks import RENDERERS, BlockContext
from ledningssystem.report.data import Reports, YearData
from ledningssystem.report.model import ReportStatus
from ledningssystem.report.templates import Block, Section
from ledningssystem.urls import Linker


@dataclass(frozen=True)
class SectionView:
    number: str
    depth: int
    section: Section
    parts: tuple[Markup, ...]  # Markdown (narrative) or raw HTML blocks, in order
    missing_text: bool


@dataclass(frozen=True)
class YearView:
    data: YearData
    draft: bool
    sections: tuple[SectionView, ...]
    key_figures: tuple[str, ...]
    template_name: str
    board_name: str
    administration_name: str
    compiled_by: str


def year_view(reports: Reports, year: int, content: Ledningssystem, link: Linker) -> YearView:
    """Everything the page template shows for one year."""
    data = reports.years[year]
    ctx = BlockContext(data, reports.figures[year], reports, content, link)
    draft = data.meta.status is ReportStatus.DRAFT
    sections = []
    for number, depth, section in data.template.numbered():
        text = reports.texts.get((year, section.id))
        blocks = section.blocks if Block.TEXT in section.blocks else (Block.TEXT, *section.blocks)
        parts: list[Markup] = []
        for block in blocks:
            if block is Block.TEXT:
                if text:
                    parts.append(Markup(text.strip()))  # Markdown we render on purpose
            else:
                parts.append(Markup(RENDERERS[block](ctx)))
        missing = not text and not section.subsections and Block.TEXT in blocks
        sections.append(SectionView(number, depth, section, tuple(parts), missing))
    figures = reports.figures[year]
    names = data.meta.key_figures or reports.config.key_figures
    key = tuple(figures[n].summary() for n in names if n in figures)
    role = content.roles.get(data.meta.compiled_by or "")
    return YearView(
        data,
        draft,
        tuple(sections),
        key,
        data.template.name,
        content.organisation.board.name,
        content.organisation.administration.name,
        role.name if role else "",
    )
