"""What every generated block needs: the year's context and shared table/chart helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import Linker, process_page, step_anchor
from ledningssystem.render.links import link_or_text
from ledningssystem.report.data import Reports, YearData
from ledningssystem.report.distribution import distribution_of
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import Figure
from ledningssystem.report.history_file import trend
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.month_date import show_date
from ledningssystem.report.numbers import slug, swedish
from ledningssystem.report.pivots import Pivot, YearPivots, compute_pivots
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL
from ledningssystem.report.visuals import Table, render_bar_chart, render_table

NUM = frozenset({1, 2, 3, 4, 5, 6})


@dataclass(frozen=True)
class BlockContext:
    """What a block needs: the year, its figures, all years, names and links."""

    data: YearData
    figures: FigureSet
    reports: Reports
    content: Ledningssystem
    link: Linker

    @cached_property
    def tree(self) -> OrgTree:
        return OrgTree(self.content.organisation, self.reports.config.groups_of(self.data.year))

    @cached_property
    def pivots(self) -> YearPivots:
        """The year's cross tables, computed once: blocks format them, never sum rows."""
        return compute_pivots(self.data, self.reports.config, self.tree, self.content)

    @cached_property
    def previous_pivots(self) -> YearPivots | None:
        """Last year's cross tables (None without its folder): the "Summa <fjolår>" rows."""
        data = self.reports.previous(self.data.year)
        if data is None:
            return None
        return compute_pivots(data, self.reports.config, self.tree, self.content)

    def unit_name(self, unit_id: str) -> str:
        if unit_id == UNKNOWN_ID:
            return UNKNOWN_LABEL
        if unit_id in self.tree.group_names:
            return self.tree.group_names[unit_id]
        return self.content.org_names.get(unit_id, unit_id)

    def unit_order(self, unit_id: str) -> tuple[bool, str]:
        """Sort key of a table's unit rows: by name, with "Uppgift saknas" last."""
        return unit_id == UNKNOWN_ID, self.unit_name(unit_id)

    def role_name(self, role_id: str) -> str:
        if role_id == UNKNOWN_ID:
            return UNKNOWN_LABEL
        role = self.content.roles.get(role_id)
        return role.name if role else role_id

    def process_link(self, process_id: str | None, step_id: str | None = None) -> Markup:
        if not process_id:
            return Markup("–")
        process = self.content.processes.get(process_id)
        if process is None:
            return Markup(escape(process_id))
        if step_id:
            step = next((s for s in process.steps if s.id == step_id), None)
            parts = [process.name, step.group if step else "", step.name if step else step_id]
            name = " › ".join(part for part in parts if part)  # process › delprocess › aktivitet
            anchor = step_anchor(step_id)
        else:
            name, anchor = process.name, ""
        return link_or_text(self.link, process_page(process_id), name, anchor)

    def step_position(self, process_id: str, step_id: str | None) -> tuple[str, int]:
        """Sort key: the process name, then the step's place in the process."""
        process = self.content.processes.get(process_id)
        if process is None:
            return process_id, 0
        ids = [s.id for s in process.steps]
        return process.name, ids.index(step_id) + 1 if step_id in ids else 0

    def group_position(self, key: tuple[str, str]) -> tuple[int, str]:
        """Sort key of (process, delprocess): where the delprocess starts in the process."""
        process = self.content.processes.get(key[0])
        groups = [s.group for s in process.steps] if process else []
        return (groups.index(key[1]) if key[1] in groups else len(groups)), key[1]

    def trend(self, name: str) -> list[tuple[int, Figure]]:
        """The figure `name` in the last five years up to this one (folders and historik.yml)."""
        return trend(name, self.data.year, self.reports.figures, self.reports.history)


def cells(figure: Figure | None) -> list[str]:
    if figure is None:
        return ["–", "–", ""]
    return [figure.cell(), figure.previous_text(), figure.change()]


def date_cell(value: dt.date | None) -> Markup:
    """A date that never wraps at its hyphens (2025-12-01, or "augusti 2022"), or "–"."""
    if value is None:
        return Markup("–")
    return Markup('<span class="ls-date">{}</span>').format(show_date(value))


def id_cell(value: str | None) -> Markup:
    """An id that never wraps at its hyphens (LM-2024-03), or "–"."""
    if not value:
        return Markup("–")
    return Markup('<span class="ls-id">{}</span>').format(value)


def note(text: str) -> str:
    """A sentence under a table that explains how its numbers relate."""
    return f'<p class="ls-table-note" markdown="0">{escape(text)}</p>'


def above_note(ctx: BlockContext, pivot: Pivot[str], level: str, what: str) -> str:
    """Under a unit table: rows on a node above `level` make its units' figures "minst n"."""
    spanning = level != "enhet"  # a group over several avdelningar has its own row there
    tree = ctx.tree
    higher = sorted(
        k for k in pivot.row_keys if tree.is_above(k, level) or (spanning and tree.is_group(k))
    )
    if not higher:
        return ""
    parts = [f"{swedish(pivot.row_tally(k).known)} på {ctx.unit_name(k)}" for k in higher]
    names = ", ".join(parts[:-1]) + (" och " if len(parts) > 1 else "") + parts[-1]
    return note(
        f"{what[0].upper()}{what[1:]} utan angiven {level}: {names}. De räknas i summan men "
        f"på ingen {level}, så siffran för varje {level} där är en nedre gräns (minst)."
    )


def nothing(what: str) -> str:
    return f'<p class="ls-report-empty">Inga uppgifter om {what} finns för året.</p>'


def trend_chart(ctx: BlockContext, name: str, title: str, compared: bool = True) -> str:
    """Chart + table of a figure over the years, when they add to what the block shows.

    `compared`: the block's table already shows this year beside last year, so a trend of
    only those two years would repeat it (issue 12: no repeated data) and is left out.
    """
    series = ctx.trend(name)
    if len(series) < (3 if compared else 2):
        return ""
    # An unknown year keeps its line, with "uppgift saknas" and no bar (a bar of 0 would be a
    # false figure), so the chart shows the same years as its table.
    # A lower bound reads as in the year's own table: "4 (uppgift saknas för 1)", not "4".
    items = [(str(year), f.value or 0, f.cell()) for year, f in series]
    rows = [[str(year), f.cell()] for year, f in series]
    table = Table(f"{title} (tabell)", ["År", "Antal"], rows, None, NUM)
    chart_id = f"trend-{slug(name).replace('.', '-')}-{ctx.data.year}"
    return pair(render_bar_chart(chart_id, title, items), render_table(table))


def pair(chart: str, table: str) -> str:
    return f'<div class="ls-chart-pair" markdown="0">\n{chart}\n{table}\n</div>'


def distribution(
    ctx: BlockContext,
    prefix: str,
    choices: Sequence[tuple[str, str]],
    title: str,
    total_label: str | None = None,
    bar_classes: Mapping[str, str] | None = None,
) -> str:
    """Chart + table of figures prefix.<id> with last year's value beside each.

    `bar_classes` (choice id → CSS class) colours each choice's bar; a scale of classes
    (the risk classes) shows every class, an empty one as 0, as its table does. Rows of
    unknown choice count once, under "Uppgift saknas" (report/distribution.py).
    """
    shown = distribution_of(ctx.figures, prefix, choices, bar_classes or {})
    rows = [[r.name, r.cell, *cells(r.figure)[1:]] for r in shown.rows]
    bars = [r for r in shown.rows if r.bar is not None]
    items = [(r.name, r.bar or 0.0, r.cell) for r in bars]
    css = [(bar_classes or {}).get(r.choice, "") for r in bars]
    previous = ctx.data.year - 1
    head = ["", str(ctx.data.year), str(previous), "Förändring"]
    table = Table(title, head, rows, None, NUM)
    chart_id = f"{slug(prefix).replace('.', '-')}-{ctx.data.year}"
    chart = ""
    if shown.charted:
        chart = render_bar_chart(chart_id, title, items, css if bar_classes else ())
    return pair(chart, render_table(table))


def key_figures(ctx: BlockContext) -> str:
    names = ctx.data.meta.key_figures
    if names is None:
        names = tuple(n for n in ctx.reports.config.key_figures if n in ctx.figures)
    items = [ctx.figures[n] for n in names if n in ctx.figures]
    lines = "\n".join(
        f'<li data-figur="{escape(f.name)}">{escape(f.summary())}</li>' for f in items
    )
    return (
        f'<div class="ls-key-figures" markdown="0">\n<h3>Nyckeltal {ctx.data.year}</h3>\n'
        f"<ul>\n{lines}\n</ul>\n</div>"
    )
