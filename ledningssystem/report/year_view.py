"""One year's berättelse as a view for the page template: sections in template order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import Linker, report_page
from ledningssystem.render.links import unlink_unpublished
from ledningssystem.report import blocks_events as events
from ledningssystem.report import blocks_grades as grades
from ledningssystem.report import blocks_work as work
from ledningssystem.report.blocks import BlockContext, key_figures
from ledningssystem.report.blocks_indicators import indicators
from ledningssystem.report.blocks_law import law_changes_block
from ledningssystem.report.blocks_own import own_blocks
from ledningssystem.report.blocks_unenforced import unenforced
from ledningssystem.report.completeness import completeness
from ledningssystem.report.data import Reports, YearData
from ledningssystem.report.legal_basis import in_force_periods, legal_basis
from ledningssystem.report.meta import ReportStatus
from ledningssystem.report.section_templates import Block, Section

RENDERERS: dict[Block, Callable[[BlockContext], str]] = {
    Block.KEY_FIGURES: key_figures,
    Block.COMPLAINTS: events.complaints,
    Block.DEVIATIONS: events.deviations,
    Block.ORGANISATIONAL: events.organisational,
    Block.SARAH: events.sarah,
    Block.MARIA: events.maria,
    Block.INCIDENTS: grades.incidents,
    Block.UNENFORCED: unenforced,
    Block.RISKS: work.risks,
    Block.SELF_CHECKS: work.self_checks,
    Block.INDICATORS: indicators,
    Block.REVIEWS: work.reviews,
    Block.ACTIONS: work.actions,
    Block.FOLLOW_UP: work.follow_up_block,
    Block.LAW_CHANGES: law_changes_block,
}


@dataclass(frozen=True)
class SectionView:
    number: str
    depth: int
    section: Section
    parts: tuple[Markup, ...]  # Markdown (narrative) or raw HTML blocks, in order
    missing_text: bool
    legal: str = ""  # the lagrum as the year cites it (legal_basis)


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
    completeness_note: str = ""  # a draft's missing and incomplete data files, or ""
    missing_files: tuple[str, ...] = ()  # a draft's "Datafiler som saknas", with file names


def year_view(reports: Reports, year: int, content: Ledningssystem, link: Linker) -> YearView:
    """Everything the page template shows for one year."""
    data = reports.years[year]
    ctx = BlockContext(data, reports.figures[year], reports, content, link)
    draft = data.meta.status is ReportStatus.DRAFT
    sections = []
    periods = in_force_periods(content.requirement_sources)
    for number, depth, section in data.template.numbered(data.year):
        text = reports.texts.get((year, section.id))
        blocks = section.blocks if Block.TEXT in section.blocks else (Block.TEXT, *section.blocks)
        parts: list[Markup] = []
        for block in blocks:
            if block is Block.TEXT:
                if text:
                    text = unlink_unpublished(text, report_page(year), link)
                    parts.append(Markup(text.strip()))  # Markdown we render on purpose
            else:
                part = Markup(RENDERERS[block](ctx))
                # avvikelser and organisatoriska-avvikelser both show avvikelser.csv: a
                # missing file is said once in the section, not once per block.
                if not part or part not in parts:
                    parts.append(part)
        parts += [Markup(own) for own in own_blocks(ctx, section.id)]  # egna_uppgifter
        missing = not text and not section.subsections and Block.TEXT in blocks
        legal = legal_basis(section.legal, year, periods)
        sections.append(SectionView(number, depth, section, tuple(parts), missing, legal))
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
        completeness(data).note(),
        completeness(data).missing_files(year),
    )
