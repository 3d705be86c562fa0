"""Issue 12: a risk class has one colour, on the web and on paper, in the matrix and the chart."""

from __future__ import annotations

import re

from ledningssystem.report.config import RiskMatrix
from ledningssystem.report.visuals import risk_levels
from tests.conftest import REPO

WEB = REPO / "docs" / "stylesheets" / "report.css"
PRINT = REPO / "ledningssystem" / "pdf" / "print.css"
SVG = REPO / "ledningssystem" / "pdf" / "svg.css"


def _colours(css: str, selector: str, prop: str) -> dict[int, str]:
    """Colour step → colour of the rules `selector` N { prop: #… }, light palette only."""
    light = "\n".join(line for line in css.splitlines() if "slate" not in line)
    pattern = re.escape(selector) + r"(\d)\s*\{\s*" + prop + r":\s*(#[0-9a-fA-F]{6})"
    return {int(step): colour.lower() for step, colour in re.findall(pattern, light)}


def test_every_risk_colour_is_the_same_on_the_web_and_in_the_pdf() -> None:
    web, paper = WEB.read_text(encoding="utf-8"), PRINT.read_text(encoding="utf-8")
    matrix = _colours(web, ".ls-risk--", "background")
    assert sorted(matrix) == [1, 2, 3, 4, 5]
    assert _colours(paper, ".ls-risk--", "background") == matrix
    assert _colours(web, ".ls-chart-bar.ls-risk--", "fill") == matrix  # the chart's bars
    assert _colours(SVG.read_text(encoding="utf-8"), ".ls-risk--", "fill") == matrix


def test_configured_classes_spread_from_green_to_red() -> None:
    """Låg is green and the highest class red, however many classes are configured."""

    def scale(*names: str) -> RiskMatrix:
        classes = [{"id": f"k{i}", "namn": n, "från": 1 + 4 * i} for i, n in enumerate(names)]
        steps = ["a", "b", "c", "d", "e"]
        return RiskMatrix.model_validate(
            {"sannolikhet": steps, "konsekvens": steps, "klasser": classes}
        )

    assert list(risk_levels(scale("Låg", "Medel", "Hög", "Kritisk")).values()) == [1, 2, 4, 5]
    assert list(risk_levels(scale("Låg", "Medel", "Kritisk")).values()) == [1, 3, 5]
