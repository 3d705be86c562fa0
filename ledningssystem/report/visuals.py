"""Tables, bar charts and the risk matrix as small layout objects rendered by templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ledningssystem.render.templating import render_template
from ledningssystem.report.config import RiskMatrix
from ledningssystem.report.model import RiskRow


@dataclass(frozen=True)
class Table:
    """A table with a caption, a first column of row headers and optional totals."""

    caption: str
    head: Sequence[str]
    rows: Sequence[Sequence[str]]
    foot: Sequence[str] | None = None
    numeric: frozenset[int] = field(default_factory=frozenset)


def render_table(table: Table) -> str:
    return render_template("report/table.html.jinja", table=table)


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: float
    width: float
    height: float
    muted: bool = False


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    desc: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int


BAR_HEIGHT = 18
BAR_GAP = 8
PLOT_WIDTH = 320


def render_bar_chart(
    chart_id: str, title: str, items: Sequence[tuple[str, float, str]], muted_last: bool = False
) -> str:
    """A horizontal bar chart of (label, value, value text); the description lists every value."""
    largest = max((value for _, value, _ in items), default=0) or 1
    label_width = min(260, 12 + 7 * max((len(label) for label, _, _ in items), default=4))
    bars = tuple(
        Bar(
            label,
            text,
            round(BAR_GAP + i * (BAR_HEIGHT + BAR_GAP), 1),
            round(PLOT_WIDTH * value / largest, 1),
            BAR_HEIGHT,
            muted_last and i < len(items) - 1,
        )
        for i, (label, value, text) in enumerate(items)
    )
    desc = f"{title}: " + "; ".join(f"{label} {text}" for label, _, text in items) + "."
    chart = BarChart(
        chart_id,
        title,
        desc,
        bars,
        label_width + PLOT_WIDTH + 70,
        BAR_GAP + len(items) * (BAR_HEIGHT + BAR_GAP),
        label_width,
    )
    return render_template("report/bar_chart.svg.jinja", chart=chart)


@dataclass(frozen=True)
class MatrixCell:
    count: int
    value: int
    class_name: str
    level: int


@dataclass(frozen=True)
class MatrixRow:
    label: str
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True)
class Matrix:
    columns: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


def render_risk_matrix(scale: RiskMatrix, risks: Sequence[RiskRow]) -> str:
    """The heat map: highest likelihood on top, count and class name in every cell."""
    levels = {c.id: i + 1 for i, c in enumerate(scale.classes)}
    rows = []
    for likelihood in range(len(scale.likelihood), 0, -1):
        cells = []
        for consequence in range(1, len(scale.consequence) + 1):
            value = likelihood * consequence
            risk_class = scale.classify(value)
            count = sum(
                1 for r in risks if r.likelihood == likelihood and r.consequence == consequence
            )
            cells.append(MatrixCell(count, value, risk_class.name, levels[risk_class.id]))
        label = f"{likelihood} {scale.likelihood[likelihood - 1]}"
        rows.append(MatrixRow(label, tuple(cells)))
    columns = tuple(f"{i} {name}" for i, name in enumerate(scale.consequence, 1))
    return render_template("report/risk_matrix.html.jinja", matrix=Matrix(columns, tuple(rows)))
