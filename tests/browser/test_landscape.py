"""The process landscape on the start page, as a reader sees it on a phone and a desktop.

The issue found long process names shrunk to 11 px; names now wrap inside their box at full
size and the boxes grow, so every name reads at least at the portal's smallest text size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import new_visit

SMALLEST_TEXT_PX = 12  # diagram labels, badges and captions never go below this on screen

# Per process label: its text, its font size as shown (the SVG may be scaled), its box and the
# box of its outline, in CSS px.
LABELS = """() => {
  const svg = document.querySelector('svg.ls-landscape');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('.ls-process-item')].map(item => {
    const text = item.querySelector('.ls-process-label');
    const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    return {
      name: text.textContent,
      shown_px: parseFloat(getComputedStyle(text).fontSize) * scale,
      text: box(text.getBoundingClientRect()),
      outline: box(item.querySelector('.ls-process').getBoundingClientRect()),
    };
  });
}"""


def _inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        inner["left"] >= outer["left"] - 0.5
        and inner["right"] <= outer["right"] + 0.5
        and inner["top"] >= outer["top"] - 0.5
        and inner["bottom"] <= outer["bottom"] + 0.5
    )


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["right"] <= b["left"]
        or b["right"] <= a["left"]
        or a["bottom"] <= b["top"]
        or b["bottom"] <= a["top"]
    )


@pytest.mark.parametrize("width", [320, 1280])
def test_landscape_names_are_readable_and_stay_in_their_boxes(
    width: int, built_site: Path, base_url: str, browser: Any
) -> None:
    context, visit = new_visit(
        browser, base_url, viewport={"width": width, "height": 900}, is_mobile=width < 768
    )
    try:
        page = visit.open("")
        labels = page.evaluate(LABELS)
        fits, hint = page.evaluate(
            "() => { const d = document.querySelector('.ls-figure--landscape .ls-diagram');"
            " return [d.scrollWidth <= d.clientWidth + 1,"
            " getComputedStyle(d, '::after').content]; }"
        )
    finally:
        context.close()
    assert len(labels) > 10, labels
    assert any(len(label["name"]) > 40 for label in labels)  # the long names are there
    small = [(label["name"], round(label["shown_px"], 1)) for label in labels]
    assert all(px >= SMALLEST_TEXT_PX for _, px in small), small
    clipped = [label["name"] for label in labels if not _inside(label["text"], label["outline"])]
    assert not clipped, f"namn utanför sin ruta: {clipped}"
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlap(a["text"], b["text"]), (a["name"], b["name"])
    if width >= 1280:
        assert fits, "processlandskapet rullar i sidled på en dator"
    else:  # a phone scrolls the landscape, and is told so
        assert not fits and "Svep i sidled" in hint, hint
