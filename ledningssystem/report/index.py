"""The key figures of every year side by side, for the index of berättelser."""

from __future__ import annotations

from ledningssystem.report.data import Reports
from ledningssystem.report.visuals import Table


def key_figure_trend(reports: Reports) -> Table | None:
    """A table: one row per configured key figure, one column per year (oldest first)."""
    years = list(reports.figures)
    if not years:
        return None
    rows = []
    for name in reports.config.key_figures:
        present = [reports.figures[y].get(name) for y in years]
        label = next((f.label for f in present if f is not None), name)
        if all(f is None for f in present):
            continue
        rows.append([label[0].upper() + label[1:], *[f.cell() if f else "–" for f in present]])
    return Table(
        "Nyckeltal år för år",
        ["Nyckeltal", *[str(y) for y in years]],
        rows,
        numeric=frozenset(range(1, len(years) + 1)),
    )
