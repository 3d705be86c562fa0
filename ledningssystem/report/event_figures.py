"""Figures of klagomål and avvikelser, read off the pivots that the tables show.

Every sum here is a Pivot's (report/pivots.py), the same computation the blocks
format, so a figure cited in the text and the table beside it cannot disagree. A row
whose antal is okänt adds nothing to a sum: the figure counts it apart ("uppgift
saknas för 1") and a share over it is "uppgift saknas", never a percentage of a zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ledningssystem.report.breakdown import Breakdown, UnitBreakdown, breakdown
from ledningssystem.report.config import UNKNOWN_CHOICE as UNKNOWN
from ledningssystem.report.config import DeviationKind, ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.deviation_figures import deviation_grades
from ledningssystem.report.deviation_kinds import shown_kinds
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.model import ComplaintRow, DeviationRow
from ledningssystem.report.numbers import Tally
from ledningssystem.report.pivots import (
    Pivot,
    case_pivot,
    complaint_pivot,
    deviation_pivots,
    incident_pivot,
    tally_by,
)
from ledningssystem.report.unit_groups import GROUP_SEGMENT
from ledningssystem.report.unknown import UNKNOWN_ID


def add_share(
    figures: FigureSet, name: str, label: str, part: Tally, whole: Tally, always: bool = False
) -> None:
    """part/whole in per cent; "uppgift saknas" when either has unknown amounts."""
    missing = part.missing or whole.missing
    figures.add_share(name, label, part.known, whole.known, missing, always=always)


def complaint_figures(
    figures: FigureSet,
    rows: Sequence[ComplaintRow],
    config: ReportConfig,
    tree: OrgTree,
    names: Mapping[str, str],
) -> None:
    """klagomal.*: total; per source, category, unit and kind; i tid, återkoppling; submitters."""
    by_unit = complaint_pivot(rows, config, tree, "enhet")
    total = by_unit.total_tally()
    figures.add_tally("klagomal.total", "klagomål och synpunkter", total)
    if any(r.in_time is not None for r in rows):  # answer times are kept at all
        in_time = part_tally(rows, "in_time")
        figures.add_tally("klagomal.besvarade-i-tid", "klagomål besvarade i tid", in_time)
        label = "andel klagomål besvarade i tid"
        add_share(figures, "klagomal.andel-i-tid", label, in_time, total, always=True)
    _feedback(figures, rows, total)
    # A row of unknown source or category may be of any: each is then a lower bound.
    by_source = Breakdown(by_unit)
    for source in (*config.complaints.sources, UNKNOWN):
        tally = by_source.tally(source.id)
        if tally.known or tally.missing or source is not UNKNOWN:
            figures.add_tally(f"klagomal.fran.{source.id}", f"klagomål – {source.name}", tally)
    marks = tally_by(rows, lambda r: r.categories, lambda r: r.count)
    by_category = Breakdown(marks)
    for category in (*config.complaints.categories, UNKNOWN):
        tally = by_category.tally(category.id)
        if tally.known or tally.missing or category is not UNKNOWN:
            label = f"klagomål – {category.name}"
            figures.add_tally(f"klagomal.kategori.{category.id}", label, tally)
    # A row of unknown enhet may be any unit's: each unit's figure is then a lower bound.
    units = UnitBreakdown(by_unit, tree=tree, level="enhet")  # and a row on an avdelning
    for unit in sorted(by_unit.row_keys):
        label = f"klagomål – {names.get(unit, unit)}"
        figures.add_tally(f"klagomal.{unit_segment(tree, unit)}.{unit}", label, units.tally(unit))
    _kinds_and_submitters(figures, rows, config)
    marks_label = "kategorimarkeringar på klagomålen"
    figures.add_tally("klagomal.kategorimarkeringar", marks_label, marks.row_tally(""))
    unit_marks = Tally(by_unit.body_total, sum(by_unit.missing_rows.values()))
    figures.add_tally("klagomal.enhetsmarkeringar", "klagomål räknade per enhet", unit_marks)


def _feedback(figures: FigureSet, rows: Sequence[ComplaintRow], total: Tally) -> None:
    """Documented återkoppling: a year whose file has no such column gets no figure at all."""
    if not any(r.feedback_kept for r in rows):
        return
    feedback = part_tally(rows, "feedback")
    label = "klagomål och synpunkter med dokumenterad återkoppling"
    figures.add_tally("klagomal.aterkoppling", label, feedback)
    # The share keeps its whole (base), so a small year compares "från 50 % till 33 %".
    missing = feedback.missing or total.missing
    figures.add_share(
        "klagomal.andel-aterkoppling", f"andel {label}", feedback.known, total.known, missing
    )


def _kinds_and_submitters(
    figures: FigureSet, rows: Sequence[ComplaintRow], config: ReportConfig
) -> None:
    # A row without slag (no column in the year's file, or okänt) is of unknown kind.
    by_kind = breakdown(rows, lambda r: r.kind, lambda r: r.count)
    for kind in (*config.complaints.kinds, UNKNOWN):
        tally = by_kind.tally(kind.id)
        if tally.known or tally.missing or kind is not UNKNOWN:
            figures.add_tally(f"klagomal.slag.{kind.id}", f"synpunkter – {kind.name}", tally)
    keys = {r.submitter for r in rows if r.submitter}
    if keys:  # the export gives an anonymous submitter key
        without = tally_by(rows, lambda r: ("utan",) if not r.submitter else (), lambda r: r.count)
        unknown = without.column_tally("utan")
        label = "unika inlämnare"
        figures.add_partly_known(
            "klagomal.unika-inlamnare", label, len(keys), unknown.known + unknown.missing
        )


def deviation_figures(
    figures: FigureSet,
    rows: Sequence[DeviationRow],
    config: ReportConfig,
    tree: OrgTree,
    names: Mapping[str, str],
    previous: Sequence[DeviationRow] = (),
) -> None:
    """avvikelser.*: the total, grades, and per kind its parts, categories and units.

    `previous`: last year's rows; a kind neither year has gets no figures (not a 0)."""
    everything = tally_by(rows, lambda r: ("alla",), lambda r: r.count)
    figures.add_tally("avvikelser.total", "avvikelser", everything.column_tally("alla"))
    deviation_grades(figures, rows, config)
    pivots = deviation_pivots(rows, config, tree, "enhet")
    for kind in shown_kinds(config, rows, previous):
        mine = [r for r in rows if r.kind == kind.id]
        pivot = pivots.get(kind.id)
        total = pivot.total_tally() if pivot else Tally(0)
        base = f"avvikelser.{kind.id}"
        figures.add_tally(f"{base}.total", kind.label, total)
        investigated = part_tally(mine, "investigated")
        closed = part_tally(mine, "closed")
        # Nothing known of the part is "uppgift saknas", not "0 (uppgift saknas för 85)".
        figures.add_partly_known(
            f"{base}.utredda", f"utredda {kind.label}", investigated.value, investigated.missing
        )
        figures.add_partly_known(
            f"{base}.avslutade", f"avslutade {kind.label}", closed.value, closed.missing
        )
        add_share(
            figures, f"{base}.andel-utredda", f"andel utredda {kind.label}", investigated, total
        )
        for category in (*kind.categories, UNKNOWN):
            tally = Breakdown(pivot).tally(category.id) if pivot else Tally(0)
            if category is UNKNOWN and not any(r.category == UNKNOWN_ID for r in mine):
                continue
            label = f"{kind.label} – {category.name}"
            figures.add_tally(f"{base}.kategori.{category.id}", label, tally)
        if pivot is not None:
            units = UnitBreakdown(pivot, tree=spreading(tree, kind), level="enhet")
            for unit in sorted(pivot.row_keys):
                label = f"{kind.label} – {names.get(unit, unit)}"
                segment = unit_segment(tree, unit)
                figures.add_tally(f"{base}.{segment}.{unit}", label, units.tally(unit))


def unit_segment(tree: OrgTree, unit: str) -> str:
    """The figure name's level segment of a row in a table per enhet: enhet, or grupp."""
    return GROUP_SEGMENT if tree.is_group(unit) else "enhet"


def spreading(tree: OrgTree, kind: DeviationKind) -> OrgTree | None:
    """The tree for UnitBreakdown: an organisational avvikelse on an avdelning or the
    förvaltning concerns that node as a whole (lokaler, it-system), so it spreads to no unit."""
    return None if kind.level == "organisation" else tree


def part_tally(rows: Sequence[ComplaintRow | DeviationRow], attribute: str) -> Tally:
    """How many of the rows' items are utredda (avslutade, i tid, återkopplade); unknowns apart.

    A row whose part is okänt leaves its antal unknown for the part (counted by item);
    a row whose antal is okänt as well is counted apart as one row.
    """
    known = tally_by(rows, lambda r: ("del",), lambda r: getattr(r, attribute))
    unknown = tally_by(
        [r for r in rows if getattr(r, attribute) is None], lambda r: ("del",), lambda r: r.count
    )
    missing = unknown.column_tally("del")
    return Tally(known.column_tally("del").known, missing.known + missing.missing)


def division_figures(
    figures: FigureSet,
    data: YearData,
    config: ReportConfig,
    tree: OrgTree,
    names: Mapping[str, str],
) -> None:
    """Each event kind summed per avdelning: enheter roll up into their avdelning.

    Rows of unknown enhet stay unknown at this level too: `<prefix>.avdelning.uppgift-saknas`,
    and each avdelning's figure a lower bound.
    """
    level = "avdelning"
    # (figure prefix, label, pivot by avdelning, the column to read or "" for the row's sum,
    # the tree whose higher rows make each avdelning a lower bound, None for organisational)
    groups: list[tuple[str, str, Pivot[str], str, OrgTree | None]] = []
    if data.complaints is not None:
        pivot = complaint_pivot(data.complaints, config, tree, level)
        groups.append(("klagomal", "klagomål", pivot, "", tree))
    by_kind = deviation_pivots(data.deviations or (), config, tree, level)
    for kind in shown_kinds(config, data.deviations or ()):
        if kind.id in by_kind:
            prefix = f"avvikelser.{kind.id}"
            groups.append((prefix, kind.label, by_kind[kind.id], "", spreading(tree, kind)))
    cases: list[tuple[str, str, Sequence[Any] | None]] = [
        ("lex-sarah", "lex Sarah-utredningar", data.sarah),
        ("lex-maria", "lex Maria-utredningar", data.maria),
        ("personuppgiftsincidenter", "personuppgiftsincidenter", data.incidents),
        ("ej-verkstallda-beslut", "ej verkställda beslut", data.unenforced),
    ]
    for prefix, label, rows in cases:
        if rows is None:
            continue
        if prefix == "personuppgiftsincidenter":
            pivot = incident_pivot(data.incidents or (), tree, level)
            groups.append((prefix, label, pivot, "incidenter", tree))
        else:  # one row is one case
            groups.append((prefix, label, case_pivot(rows, tree, level), "", tree))
    for prefix, label, pivot, column, spread in groups:
        divisions = UnitBreakdown(pivot, column, spread, level)
        for node in sorted(pivot.row_keys):
            if tree.level_of(node) == level or node == UNKNOWN_ID:
                text = f"{label} – {names.get(node, node)}"
                figures.add_tally(f"{prefix}.avdelning.{node}", text, divisions.tally(node))
