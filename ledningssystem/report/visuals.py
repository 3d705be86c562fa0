"""Tables, bar charts and the risk matrix as small layout objects rendered by templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

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
    wide: frozenset[int] = field(default_factory=frozenset)  # columns that must not be squeezed
    # Rows under the Summa row: last year's sums and the change, so that the totals a chart
    # shows are compared in the chart's own table instead of in a second table (issue 12).
    more_foot: Sequence[Sequence[str]] = ()
    unbroken: frozenset[int] = field(default_factory=frozenset)  # short values kept on a line
    # A list of items (one row per egenkontroll, per risk): a card per row on a phone, where
    # five columns of text would scroll far sideways (tables.css).
    cards: bool = False


EMPTY_CELLS = frozenset({"", "–"})


def render_table(table: Table) -> str:
    """The table as HTML, without columns that have nothing in them (e.g. no previous year)."""
    return render_template("report/table.html.jinja", table=without_empty_columns(table))


def without_empty_columns(table: Table) -> Table:
    """`table` without the columns (other than the first) whose every cell is empty or "–"."""
    rows = [list(r) for r in table.rows]
    if not rows:
        return table
    foot = list(table.foot) if table.foot else None
    feet = [foot, *table.more_foot] if foot is not None else list(table.more_foot)
    keep = [
        i
        for i in range(len(table.head))
        if i == 0 or any(str(r[i]).strip() not in EMPTY_CELLS for r in (*rows, *feet))
    ]
    if len(keep) == len(table.head):
        return table
    new_index = {old: new for new, old in enumerate(keep)}
    return Table(
        table.caption,
        [table.head[i] for i in keep],
        [[r[i] for i in keep] for r in rows],
        [foot[i] for i in keep] if foot is not None else None,
        frozenset(new_index[i] for i in table.numeric if i in new_index),
        frozenset(new_index[i] for i in table.wide if i in new_index),
        [[r[i] for i in keep] for r in table.more_foot],
        frozenset(new_index[i] for i in table.unbroken if i in new_index),
        table.cards,
    )


def stacked(main: str, *details: str) -> Markup:
    """A cell with secondary values on lines of their own, so a table needs fewer columns."""
    lines = [Markup(escape(main))]
    lines += [Markup('<span class="ls-cell-detail">{}</span>').format(d) for d in details if d]
    return Markup("<br>").join(lines)


def risk_levels(scale: RiskMatrix) -> dict[str, int]:
    """Colour step 1 (green) to 5 (red) of each risk class, spread over the configured classes."""
    last = max(len(scale.classes) - 1, 1)
    return {c.id: 1 + round(4 * i / last) for i, c in enumerate(scale.classes)}


def risk_class_mark(scale: RiskMatrix, value: int) -> Markup:
    """The risk value with its class name, in the class's colour of the risk matrix."""
    risk_class = scale.classify(value)
    level = risk_levels(scale)[risk_class.id]
    return Markup('<span class="ls-risk-mark ls-risk--{}">{} {}</span>').format(
        level, value, risk_class.name
    )


@dataclass(frozen=True)
class Bar:
    lines: tuple[str, ...]  # the label, wrapped
    text: str
    y: float
    width: float
    height: float
    css: str = ""  # an extra class for the bar, e.g. its risk class colour

    @property
    def label_y(self) -> float:
        """Baseline of the first label line, so that the lines centre on the bar."""
        return round(self.y + self.height / 2 + 5 - (len(self.lines) - 1) * LINE / 2, 1)


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    desc: str
    source: str  # where the chart's figures are written out (its text alternative)
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int


# Drawn for 14 px text (report.css) and at most MAX_WIDTH wide, so that a phone shrinks it
# little: in a 320 px screen's 288 px column the labels still read at 11 px or more
# (tests/browser/test_layout.py). The plot gives way to long labels and values, down to
# MIN_PLOT; labels wrap shorter when the values are long.
BAR_HEIGHT = 20
BAR_GAP = 10
LINE = 16
PLOT_WIDTH = 200
MIN_PLOT = 110
MAX_WIDTH = 360
CHAR_WIDTH = 7.7
WRAP = 22


def wrap(label: str, width: int = WRAP) -> tuple[str, ...]:
    """The label in lines of at most `width` characters, broken between words."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def _text_width(characters: int) -> int:
    """Room for a text of `characters` characters and its 12 px gap."""
    return round(12 + CHAR_WIDTH * characters)


def render_bar_chart(
    chart_id: str,
    title: str,
    items: Sequence[tuple[str, float, str]],
    bar_classes: Sequence[str] = (),
    source: str = "Samma uppgifter finns i tabellen nedan.",
) -> str:
    """A horizontal bar chart of (label, value, value text); the description lists every value.

    `bar_classes`, one per item, colour the bars (the risk classes, as in the risk matrix).
    `source` says where the figures are written out, in the caption. A zero value shows its
    label and "0" without a bar.
    """
    largest = max((value for _, value, _ in items), default=0) or 1
    # Room for the longest value text after the longest bar, so that no label is cut off.
    value_width = _text_width(max((len(text) for _, _, text in items), default=4))
    room = (MAX_WIDTH - value_width - MIN_PLOT - 12) / CHAR_WIDTH
    wrapped = [wrap(label, max(8, min(WRAP, int(room)))) for label, _, _ in items]
    label_width = _text_width(max((len(line) for lines in wrapped for line in lines), default=4))
    plot = max(MIN_PLOT, min(PLOT_WIDTH, MAX_WIDTH - label_width - value_width))
    bars, y = [], float(BAR_GAP)
    css = list(bar_classes) or [""] * len(items)
    for lines, (_, value, text), bar_css in zip(wrapped, items, css, strict=True):
        height = max(BAR_HEIGHT, LINE * len(lines) + 4)
        width = round(plot * value / largest, 1)
        bars.append(Bar(lines, text, y, width, height, bar_css))
        y += height + BAR_GAP
    desc = f"{title}: " + "; ".join(f"{label} {text}" for label, _, text in items) + "."
    width = label_width + plot + value_width
    chart = BarChart(chart_id, title, desc, source, tuple(bars), width, round(y), label_width)
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
    levels = risk_levels(scale)
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
