"""Read reports/: configuration, templates, and every year folder with its data files.

Each data file is CSV (semicolon or comma separated, first row = column names)
or YAML (a list under one key). Every problem becomes a ContentError with file,
line and field; nothing is published while any remains.
"""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core.errors import ContentError
from ledningssystem.core.facts import written_facts
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.report.check import check_year
from ledningssystem.report.check_figures import (
    check_config_key_figures,
    check_counted_figures,
    check_year_figures,
)
from ledningssystem.report.completeness import check_completeness_keys, mark_preliminary
from ledningssystem.report.compute import compute_figures
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import Reports, YearData
from ledningssystem.report.figure_call import NO_REPORT_FOR_YEAR
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.history_file import History, check_history, read_history, with_history
from ledningssystem.report.known_totals import apply_known_totals
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.literal_counts import lexicon, literal_counts
from ledningssystem.report.narrative import resolve_figures
from ledningssystem.report.own_kinds import follows_from_lost_kind
from ledningssystem.report.reader import ReportReader
from ledningssystem.report.risk_facts import risk_facts
from ledningssystem.report.seal_check import check_seal
from ledningssystem.report.section_templates import ReportTemplate
from ledningssystem.report.unit_groups import check_groups


def load_reports(root: Path, content: Ledningssystem) -> tuple[Reports, list[ContentError]]:
    """All berättelser under root/reports with their figures, and every problem found."""
    reader = ReportReader(root)
    config = reader.config()
    templates = reader.templates()
    if content.organisation.board.id:  # else the organisation's own errors are told
        levels = OrgTree(content.organisation).level
        reader.errors += check_groups(
            config.groups, levels, content.org_names, *reader.config_origin
        )
    years, failed, unread = _read_years(reader, templates, config, content)
    history = read_history(reader)
    figures = _figures(years, config, content, history, reader.errors)
    if not unread and not failed:  # otherwise a missing figure may only be a consequence
        if reader.own_key_figures:
            reader.errors += check_config_key_figures(config, figures, *reader.config_origin)
        reader.errors += check_counted_figures(config, figures, *reader.counted_origin)
        if history is not None:
            reader.errors += check_history(history, figures)
    for year, data in years.items():
        if year not in failed:
            reader.errors += check_year_figures(data, figures[year])
    facts = written_facts(content) | risk_facts(config.risk)
    texts = _narratives(reader, config, years, figures, unread, facts)
    ordered = {year: years[year] for year in sorted(years)}
    lost = reader.lost_own_kinds
    # Once each: a problem of the settings is met again by every year that uses them.
    errors = [e for e in dict.fromkeys(reader.errors) if not follows_from_lost_kind(e, lost)]
    return Reports(config, templates, ordered, figures, texts, history), errors


def _figures(
    years: dict[int, YearData],
    config: ReportConfig,
    content: Ledningssystem,
    history: History | None,
    errors: list[ContentError],
) -> dict[int, FigureSet]:
    """Each year's figures with last year's values, from its folder or reports/historik.yml.

    A year's kända_summor are given before last year's values are added; refused ones go
    to `errors`."""
    figures: dict[int, FigureSet] = {}
    for year in sorted(years):
        previous = years.get(year - 1)
        tree = OrgTree(content.organisation, config.groups_of(year))
        names = {**content.org_names, **tree.group_names}
        computed = compute_figures(years[year], config, previous, names, tree)
        errors += apply_known_totals(computed, years[year].meta)
        figures[year] = mark_preliminary(
            with_history(computed.with_previous(figures.get(year - 1)), history), years[year]
        )
    return figures


def _read_years(
    reader: ReportReader,
    templates: dict[str, ReportTemplate],
    config: ReportConfig,
    content: Ledningssystem,
) -> tuple[dict[int, YearData], set[int], set[int]]:
    """The year folders that could be read; the years with errors; the years not read at all."""
    years: dict[int, YearData] = {}
    failed: set[int] = set()  # years with errors: their totals are not compared
    unread: set[int] = set()  # years that could not be read at all
    for folder in reader.year_folders():
        before = len(reader.errors)
        data = reader.year(folder, templates, config.own)
        if data is None:
            unread.add(int(folder.name))
            continue
        reader.errors += check_year(data, config, content)
        reader.errors += check_completeness_keys(data)
        reader.errors += check_seal(folder, data.folder, data.meta)  # fastställd = frozen
        years[data.year] = data
        if len(reader.errors) > before:
            failed.add(data.year)
    return years, failed, unread


def _narratives(
    reader: ReportReader,
    config: ReportConfig,
    years: dict[int, YearData],
    figures: dict[int, FigureSet],
    unread: set[int],
    facts: dict[str, str],
) -> dict[tuple[int, str], str]:
    """Every section text with its figures filled in; bad calls and literal counts are errors,
    and so are literal counts on docs/ pages that show figures (the latest year's)."""
    texts: dict[tuple[int, str], str] = {}
    for year, data in years.items():
        counted = lexicon(config, figures[year], _data_words(data))
        for section_id, narrative in data.narratives.items():
            text, problems = resolve_figures(narrative, figures, year, facts)
            texts[(year, section_id)] = text
            # Figures of an unreadable year are missing; its own error says why.
            problems = [p for p in problems if not _for_unread(p, year, unread)]
            reader.errors += problems
            reader.errors += literal_counts(narrative.file, narrative.text, figures[year], counted)
    if years:
        latest = figures[max(years)]
        for file, text in reader.pages_with_figures():
            words = lexicon(config, latest, _data_words(years[max(years)]))
            reader.errors += literal_counts(file, text, latest, words)
    return texts


def _data_words(data: YearData) -> list[tuple[str, tuple[str, ...]]]:
    """What the year's indicators say their täljare and nämnare count."""
    return [pair for row in data.indicators or () for pair in row.counted_words()]


def _for_unread(problem: ContentError, year: int, unread: set[int]) -> bool:
    """A figure() problem that is only a consequence of a year folder that could not be read."""
    if year - 1 in unread and problem.message.startswith("figuren "):
        return True  # comparisons with last year
    return any(problem.message == f"{NO_REPORT_FOR_YEAR} {other} i reports/" for other in unread)


def load_report_config(root: Path) -> tuple[ReportConfig, list[ContentError]]:
    """Only the settings (standard.yml and reports/config.yml), e.g. for an import."""
    reader = ReportReader(root)
    return reader.config(), reader.errors
