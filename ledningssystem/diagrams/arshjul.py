"""The årshjul: the year as a wheel of twelve months, and the same as a month-by-month list."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.model.calendar import Activity, ActivityKind
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.svg import Point, diagram, num, polar
from ledningssystem.render.format import MONTHS
from ledningssystem.render.templating import render_template

OUTER = 222  # outer edge of the month ring, unless more rings need a bigger wheel
MONTH_RING = 26
INNER = 52  # the hole in the middle
MARGIN = 8
RING_GAP = 2
MIN_RING, MAX_RING = 14, 20  # ring thickness: a number must fit, a few rings must not swell
ARC_INSET = 0.8  # degrees left free at each end of an arc, so neighbours never touch

KIND_CLASSES = {
    ActivityKind.PLANNING: "planering",
    ActivityKind.FOLLOW_UP: "uppfoljning",
    ActivityKind.SELF_INSPECTION: "egenkontroll",
    ActivityKind.RISK_ANALYSIS: "riskanalys",
    ActivityKind.REPORTING: "rapportering",
    ActivityKind.REVIEW: "revidering",
    ActivityKind.TRAINING: "utbildning",
}


@dataclass(frozen=True)
class Arc:
    number: int  # the activity's number, shown on the arc and in the list
    activity_id: str
    kind: str
    ring: int
    start: float  # degrees, 0 = 1 January at the top, clockwise
    end: float
    inner: float
    outer: float
    center: float

    @property
    def label_at(self) -> Point:
        middle = (self.inner + self.outer) / 2
        return polar(self.center, self.center, middle, (self.start + self.end) / 2)

    @property
    def path(self) -> str:
        large = 1 if self.end - self.start > 180 else 0
        c = self.center
        (x0, y0), (x1, y1) = polar(c, c, self.outer, self.start), polar(c, c, self.outer, self.end)
        (x2, y2), (x3, y3) = polar(c, c, self.inner, self.end), polar(c, c, self.inner, self.start)
        o, i = num(self.outer), num(self.inner)
        return (
            f"M{num(x0)} {num(y0)}A{o} {o} 0 {large} 1 {num(x1)} {num(y1)}"
            f"L{num(x2)} {num(y2)}A{i} {i} 0 {large} 0 {num(x3)} {num(y3)}Z"
        )


@dataclass(frozen=True)
class Wheel:
    size: float
    center: float
    outer: float
    arcs: tuple[Arc, ...]


def ordered_activities(content: Ledningssystem) -> list[Activity]:
    """Activities by first month, then name: their numbers on the wheel and in the list."""
    return sorted(content.activities, key=lambda a: (a.all_months()[0], a.name.casefold(), a.id))


def month_runs(months: tuple[int, ...]) -> list[tuple[int, int]]:
    """Consecutive months as (first, count), joining December to January; at most 6 long."""
    chosen = set(months)
    starts = [m for m in sorted(chosen) if (m - 2) % 12 + 1 not in chosen] or [1]
    runs = []
    for first in starts:
        count = 1
        while count < 12 and (first + count - 1) % 12 + 1 in chosen:
            count += 1
        while count > 6:  # an SVG arc cannot close on itself; halves also read better
            runs.append((first, 6))
            first, count = (first + 5) % 12 + 1, count - 6
        runs.append((first, count))
    return runs


def layout_arcs(activities: list[Activity]) -> list[Arc]:
    return list(layout_wheel(activities).arcs)


def layout_wheel(activities: list[Activity]) -> Wheel:
    """One ring per set of activities whose months do not meet; arcs per run of months.
    Many rings make the wheel bigger rather than the rings too thin for their numbers."""
    rings: list[set[int]] = []
    placed: list[tuple[int, Activity, int]] = []
    for number, activity in enumerate(activities, start=1):
        months = set(activity.all_months())
        ring = next((i for i, used in enumerate(rings) if not used & months), len(rings))
        if ring == len(rings):
            rings.append(set())
        rings[ring] |= months
        placed.append((number, activity, ring))
    count = max(1, len(rings))
    thickness = max(MIN_RING, min(MAX_RING, (OUTER - MONTH_RING - INNER) / count - RING_GAP))
    wheel_outer = max(OUTER, INNER + MONTH_RING + count * (thickness + RING_GAP) + RING_GAP)
    center = wheel_outer + MARGIN
    arcs = []
    for number, activity, ring in placed:
        outer = wheel_outer - MONTH_RING - RING_GAP - ring * (thickness + RING_GAP)
        for first, count in month_runs(activity.all_months()):
            start = (first - 1) * 30 + ARC_INSET
            end = start + count * 30 - 2 * ARC_INSET
            kind = KIND_CLASSES[activity.kind]
            inner = outer - thickness
            arcs.append(Arc(number, activity.id, kind, ring, start, end, inner, outer, center))
    return Wheel(2 * center, center, wheel_outer, tuple(arcs))


def render_arshjul_svg(content: Ledningssystem) -> str:
    activities = ordered_activities(content)
    wheel = layout_wheel(activities)
    c = wheel.center
    months = [
        (
            name[:3],
            polar(c, c, wheel.outer - MONTH_RING / 2, i * 30 + 15),
            polar(c, c, INNER, i * 30),
            polar(c, c, wheel.outer, i * 30),
        )
        for i, name in enumerate(MONTHS)
    ]
    desc = (
        f"Årshjulet med {len(activities)} aktiviteter placerade på årets tolv månader, "
        "numrerade som i listan bredvid."
    )
    return render_template(
        "diagrams/arshjul.svg.jinja",
        arcs=wheel.arcs,
        months=months,
        names={a.id: a.name for a in activities},
        size=wheel.size,
        center=c,
        outer=wheel.outer,
        inner=INNER,
        month_ring=MONTH_RING,
        desc=desc,
        num=num,
    )


def render_arshjul(content: Ledningssystem, link: Linker) -> str:
    """The wheel beside its month-by-month list, with a legend of activity kinds."""
    activities = ordered_activities(content)
    if not activities:
        return (
            '<p class="ls-empty">Årshjulet har inga aktiviteter ännu (arshjul/arshjul.yml).</p>\n'
        )
    numbers = {a.id: i for i, a in enumerate(activities, start=1)}
    by_month = [
        (index, name, [a for a in activities if index in a.all_months()])
        for index, name in enumerate(MONTHS, start=1)
    ]
    kinds = [(KIND_CLASSES[k], k.value) for k in ActivityKind]
    text = render_template(
        "diagrams/arshjul_list.html.jinja",
        by_month=by_month,
        numbers=numbers,
        kinds=kinds,
        kind_classes=KIND_CLASSES,
        content=content,
        link=link,
        months=MONTHS,
    )
    if not activities:
        return (
            '<p class="ls-empty">Årshjulet har inga aktiviteter ännu (arshjul/arshjul.yml).</p>\n'
        )
    return diagram("Årshjul", render_arshjul_svg(content), text, "ls-figure--arshjul")
