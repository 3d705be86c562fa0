"""Geometry and text helpers shared by the diagram renderers (no markup here).

Text is measured with a fixed table of glyph widths, not a font engine, so that a
layout is the same on every machine: a label gets slightly more room than it needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ledningssystem.render.templating import render_template

Point = tuple[float, float]

# Advance widths as a fraction of the font size, generous for common sans-serif fonts.
_NARROW = set("iljI.,:;'|!()[]/ ")
_SEMI = set('ftr-"')
_WIDE = set("mwMW@%")
_DIGITS = set("0123456789")


def char_width(ch: str) -> float:
    if ch == "\u00ad":
        return 0.0  # a soft hyphen is invisible unless the line breaks there
    if ch in _NARROW:
        return 0.3
    if ch in _SEMI:
        return 0.38
    if ch in _WIDE:
        return 0.88
    if ch in _DIGITS:
        return 0.58
    if ch.isupper():
        return 0.7
    return 0.57


BOLD = 1.08  # bold glyphs are about this much wider


def text_width(text: str, font_size: float) -> float:
    """Estimated rendered width of `text` in px (multiply `font_size` by BOLD for bold)."""
    return sum(char_width(ch) for ch in text) * font_size


def wrap_text(text: str, max_width: float, font_size: float) -> tuple[str, ...]:
    """Greedy word wrap to lines no wider than `max_width`; over-long words are split."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for part in _split_long_word(word, max_width, font_size):
            candidate = f"{current} {part}" if current else part
            if current and text_width(candidate, font_size) > max_width:
                lines.append(current)
                current = part
            else:
                current = candidate
    if current:
        lines.append(current)
    return tuple(lines) or ("",)


def fit_text(
    text: str, max_width: float, font_size: float, min_size: float = 10.5
) -> tuple[float, tuple[str, ...]]:
    """(font size, lines): long Swedish compounds shrink the font before a word is split."""
    size = font_size
    while size - 0.5 >= min_size and any(text_width(w, size) > max_width for w in text.split()):
        size -= 0.5
    return size, wrap_text(text, max_width, size)


SOFT_HYPHEN = "\u00ad"
_VOWELS = set("aeiouyåäöéAEIOUYÅÄÖÉ")
_ONSETS = {"bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "pl", "pr", "sk", "sl"}
_ONSETS |= {"sm", "sn", "sp", "st", "sv", "tr", "tv"}  # two consonants that start a syllable


def _split_long_word(word: str, max_width: float, font_size: float) -> list[str]:
    """A word too long for a line, in parts that fit, each but the last ending in "-".

    Breaks where a reader expects one (a soft hyphen or hyphen, a Swedish compound's
    joint "s", a syllable) rather than at the last letter that fits: "personuppgifts-"
    "incidenter", not "personuppgiftsincid-" "enter".
    """
    parts, rest = [], word
    while text_width(rest.replace(SOFT_HYPHEN, ""), font_size) > max_width:
        cut = _best_cut(rest, max_width, font_size)
        if cut is None:
            break
        head = rest[:cut].replace(SOFT_HYPHEN, "")
        parts.append(head if head.endswith("-") else f"{head}-")
        rest = rest[cut:]
    return [*parts, rest.replace(SOFT_HYPHEN, "")]


def _best_cut(word: str, max_width: float, font_size: float) -> int | None:
    """Where to break `word` so that its head (with "-") fits: the best kind, then latest."""
    fitting = [
        i
        for i in range(1, len(word))
        if text_width(word[:i].replace(SOFT_HYPHEN, "").rstrip("-") + "-", font_size) <= max_width
    ]
    if not fitting:
        return None
    return min(fitting, key=lambda i: (_break_rank(word, i), -i))


# Second parts of the compounds in a ledningssystem's names: a break before one reads well.
COMPOUND_PARTS = (
    "analys", "ansvar", "arbete", "behandling", "beslut", "berättelse", "boende", "chef",
    "dokument", "enhet", "granskning", "handläggning", "hantering", "incident", "insats",
    "kontroll", "ledning", "nämnd", "omsorg", "plan", "process", "rapport", "register",
    "rutin", "samordn", "styrning", "system", "säkerhet", "tjänst", "uppföljning",
    "utredning", "utveckling", "verksamhet", "vård",
)  # fmt: skip


def _break_rank(word: str, i: int) -> int:
    """0 an author's (soft) hyphen, 1 a compound joint, 2 a syllable, 3 anywhere."""
    before, after = word[:i].replace(SOFT_HYPHEN, ""), word[i:].replace(SOFT_HYPHEN, "")
    if word[i - 1] in (SOFT_HYPHEN, "-"):
        return 0
    if len(before) < 3 or len(after) < 3 or not any(ch in _VOWELS for ch in after):
        return 3
    if after.casefold().startswith(COMPOUND_PARTS):
        return 1  # avvikelse|hantering, informations|säkerhet, personuppgifts|incidenter
    joint = before[-1] == "s" and before[-2] not in _VOWELS | {"s"} and len(after) > 4
    if joint and after[0] not in _VOWELS and not (after[0] == "s" and after[1] not in _VOWELS):
        return 1  # a joint "s" before a consonant: kvalitets|ledning (not hemtjäns|ten)
    if (before[-1] + after[0]).casefold() in _ONSETS:
        return 3  # never inside a syllable's first consonants: not missb|ruk
    if after[0] not in _VOWELS and after[1] in _VOWELS:
        return 2  # a syllable: ekono|miskt
    if after[:2].casefold() in _ONSETS and after[2:3] and after[2] in _VOWELS:
        return 2  # a syllable that starts with two consonants: miss|bruk
    return 3


def num(value: float) -> str:
    """A coordinate as short, stable text: one decimal at most, no "-0"."""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    text = f"{rounded:.1f}"
    return text[:-2] if text.endswith(".0") else text


def path_data(points: tuple[Point, ...] | list[Point]) -> str:
    """SVG path data for a polyline."""
    head, *rest = points
    return f"M{num(head[0])} {num(head[1])}" + "".join(f"L{num(x)} {num(y)}" for x, y in rest)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def overlaps(self, other: Rect) -> bool:
        """True when the interiors intersect (touching edges do not count)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def on_border(self, point: Point, tolerance: float = 0.01) -> bool:
        x, y = point
        inside_x = self.x - tolerance <= x <= self.right + tolerance
        inside_y = self.y - tolerance <= y <= self.bottom + tolerance
        on_vertical = min(abs(x - self.x), abs(x - self.right)) <= tolerance and inside_y
        on_horizontal = min(abs(y - self.y), abs(y - self.bottom)) <= tolerance and inside_x
        return on_vertical or on_horizontal

    def crossed_by(self, a: Point, b: Point) -> bool:
        """True when the axis-parallel segment a–b passes through the interior."""
        (x1, y1), (x2, y2) = a, b
        left, right = min(x1, x2), max(x1, x2)
        top, bottom = min(y1, y2), max(y1, y2)
        eps = 0.01
        return (
            left < self.right - eps
            and right > self.x + eps
            and top < self.bottom - eps
            and bottom > self.y + eps
        )


def polar(cx: float, cy: float, radius: float, degrees: float) -> Point:
    """A point on a circle; 0° is straight up and angles grow clockwise."""
    rad = math.radians(degrees - 90)
    return cx + radius * math.cos(rad), cy + radius * math.sin(rad)


@dataclass(frozen=True)
class Hotspot:
    """A link laid over a part of a picture, placed in percent so it scales with the picture.

    The picture is role="img" (its children are not exposed), so its links cannot live
    inside it: they sit on top, for the mouse, while the text alternative after the
    picture carries the same links for keyboards and screen readers."""

    href: str
    title: str
    rect: Rect
    width: float
    height: float

    @property
    def style(self) -> str:
        def pct(value: float, whole: float) -> str:
            return f"{round(100 * value / whole, 3):g}%"

        r, w, h = self.rect, self.width, self.height
        return f"left:{pct(r.x, w)};top:{pct(r.y, h)};width:{pct(r.w, w)};height:{pct(r.h, h)}"


def diagram(
    label: str,
    svg: str,
    after: str = "",
    css_class: str = "",
    hotspots: tuple[Hotspot, ...] = (),
) -> str:
    """An SVG in a keyboard-scrollable region, with its links on top and its text after it."""
    html = render_template(
        "diagrams/diagram.html.jinja",
        label=label,
        svg=svg,
        after=after,
        css_class=css_class,
        hotspots=hotspots,
    )
    return compact(html)


def compact(html: str) -> str:
    """HTML without blank lines: Markdown would end a raw HTML block at the first one."""
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"
