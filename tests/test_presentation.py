"""Presentation helpers: status badges, phone cards, table columns and chart bar colours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ledningssystem.core.model.document import Status
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.render.status_badge import status_badge
from ledningssystem.render.table_cards import label_card_cells
from ledningssystem.report.visuals import (
    MAX_WIDTH,
    Table,
    render_bar_chart,
    without_empty_columns,
)
from tests.conftest import TINY, soup


def test_badges_name_what_needs_attention_and_leave_on_time_documents_plain() -> None:
    content = load_ledningssystem(TINY)
    routine = next(iter(content.routines.values())).meta
    today = content.today
    horizon = content.settings.document_control.horizon_days
    cases = {
        "revidering försenad": routine.model_copy(update={"review_by": today - dt.timedelta(1)}),
        "snart dags": routine.model_copy(update={"review_by": today + dt.timedelta(horizon)}),
        "gällande": routine.model_copy(update={"review_by": today + dt.timedelta(horizon + 1)}),
        "utkast": routine.model_copy(update={"status": Status.DRAFT}),
        "upphörd": routine.model_copy(update={"status": Status.RETIRED}),
    }
    shown = {words: str(status_badge(doc, content)) for words, doc in cases.items()}
    assert shown["gällande"] == "gällande"
    for words in ("revidering försenad", "snart dags", "utkast", "upphörd"):
        badge = BeautifulSoup(shown[words], "html.parser").span
        assert badge.get_text() == words and "ls-badge" in badge["class"]


def test_card_cells_get_their_column_heading_even_below_a_rowspan() -> None:
    table = (
        '<table class="ls-table ls-cards"><thead><tr><th scope="col">Process</th>'
        '<th scope="col">Steg &amp; del</th><th scope="col"><abbr>Ansvar</abbr></th></tr></thead>'
        '<tbody><tr><th scope="rowgroup" rowspan="2">P</th><td>1</td><td>R</td></tr>'
        "<tr><td>2</td><td>A</td></tr></tbody></table>"
    )
    cells = BeautifulSoup(label_card_cells(table), "html.parser").select("tbody th, tbody td")
    assert [c.get("data-label") for c in cells] == ["Process", "Steg & del", "Ansvar"] + [
        "Steg & del",
        "Ansvar",
    ]
    assert label_card_cells(label_card_cells(table)) == label_card_cells(table)  # idempotent
    plain = table.replace(" ls-cards", "")
    assert label_card_cells(plain) == plain  # only tables marked ls-cards


def test_columns_with_nothing_in_them_are_left_out() -> None:
    table = Table(
        "Klagomål",
        ["", "2024", "2023", "Förändring"],
        [["Bemötande", "3", "–", ""], ["Väntetid", "1", "–", "–"]],
        numeric=frozenset({1, 2, 3}),
    )
    kept = without_empty_columns(table)
    assert kept.head == ["", "2024"] and kept.rows == [["Bemötande", "3"], ["Väntetid", "1"]]
    assert kept.numeric == frozenset({1})


def test_bars_take_the_class_colour_and_leave_room_for_their_value() -> None:
    items = [("Låg", 1, "1"), ("Kritisk", 12, "12 (100 %)")]
    svg = BeautifulSoup(
        render_bar_chart("c", "Risker", items, ("ls-risk--1", "ls-risk--5")), "html.parser"
    )
    bars = svg.select("rect.ls-chart-bar")
    assert [b["class"] for b in bars] == [
        ["ls-chart-bar", "ls-risk--1"],
        ["ls-chart-bar", "ls-risk--5"],
    ]
    width = float(svg.svg["width"])
    value = svg.select("text.ls-chart-value")[-1]
    assert float(value["x"]) + 7.7 * len(value.get_text()) <= width  # the longest value fits


def test_a_zero_bar_shows_its_label_and_value_without_a_bar() -> None:
    items = [("Låg", 0, "0"), ("Kritisk", 6, "6")]
    svg = BeautifulSoup(render_bar_chart("c", "Risker", items), "html.parser")
    bars = [(*(t.get_text() for t in g("text")), g.rect) for g in svg("g")]
    assert [(label, value) for label, value, _ in bars] == [("Låg", "0"), ("Kritisk", "6")]
    assert bars[0][2] is None and bars[1][2] is not None


def test_long_labels_and_values_keep_the_chart_narrow_enough_for_a_phone() -> None:
    """At most MAX_WIDTH wide, so that a 320 px phone draws its 14 px text at 11 px or more."""
    items = [
        ("Brister i dokumentation och journalföring hos utföraren", 12, "12 (100 %)"),
        ("Bemötande", 3, "3 (25 %)"),
    ]
    svg = BeautifulSoup(render_bar_chart("c", "Avvikelser", items), "html.parser").svg
    assert int(svg["width"]) <= MAX_WIDTH
    assert 288 / MAX_WIDTH * 14 >= 11
    labels = [t.get_text() for t in svg.select("text.ls-chart-label tspan")]
    assert " ".join(labels) == "Brister i dokumentation och journalföring hos utföraren Bemötande"


def test_a_trend_chart_shows_every_year_of_its_table(example_site: Path) -> None:
    """A year without data (uppgift saknas) was a row of the table but missing from the chart."""
    pairs = [
        pair
        for page in sorted((example_site / "kvalitetsberattelse").glob("*/index.html"))
        for pair in soup(page).select(".ls-chart-pair")
        if pair.select_one("caption") and "per år" in pair.select_one("caption").get_text()
    ]
    assert pairs
    unknown = 0
    for pair in pairs:
        rows = [(tr.th.get_text(), tr.td.get_text()) for tr in pair.select("tbody tr")]
        bars = [tuple(t.get_text() for t in g("text")) for g in pair.select("g.ls-bar")]
        assert bars == rows
        unknown += sum(1 for _, value in rows if value == "uppgift saknas")
    assert unknown  # the example has a year without data


def test_example_lists_show_badges_and_generated_headings_reach_the_contents(
    example_site: Path,
) -> None:
    index = soup(example_site / "rutiner" / "index.html")
    assert index.select("table.ls-routine-index .ls-badge--overdue")
    role = next(p for p in sorted((example_site / "roller").glob("*/index.html")))
    toc = [a.get_text(strip=True) for a in soup(role).select(".md-nav--secondary a")]
    assert "Ansvar i processernas steg" in toc and "Rutiner som rollen äger" in toc
    toc = [
        a.get_text(strip=True)
        for a in soup(example_site / "lagkrav/index.html").select(".md-nav--secondary a")
    ]
    assert "SOSFS 2011:9" in toc
    year = soup(example_site / "kvalitetsberattelse" / "2025" / "index.html")
    assert year.select("rect.ls-chart-bar.ls-risk--5"), "risk class bars are not coloured"
    # Every risk class has its line in the chart, an empty class too (as in its table).
    reports = load_ledningssystem(example_site.parent).reports
    assert reports is not None
    classes = [c.name for c in reports.config.risk.classes]
    pages = sorted((example_site / "kvalitetsberattelse").glob("*/index.html"))
    charts = [svg for page in pages for svg in soup(page).select(".ls-chart svg")]
    risk_charts = [svg for svg in charts if svg.title.get_text() == "Risker per klass"]
    assert len(risk_charts) == len(pages)
    for chart in risk_charts:
        assert [t.get_text() for t in chart.select("text.ls-chart-label")] == classes


def _card_status(page: Path) -> Tag:
    card = soup(page).select_one("table.ls-meta")
    assert card is not None, page
    row = next(tr for tr in card.select("tr") if tr.th and tr.th.get_text() == "Status")
    return row.td


def test_dokumentuppgifter_show_the_same_badge_as_the_lists(example_site: Path) -> None:
    index = soup(example_site / "rutiner" / "index.html").select("table.ls-routine-index tr")
    listed = {
        tr.a["href"].strip("./").split("/")[-1]: tr.select("td")[3].get_text(strip=True)
        for tr in index
        if tr.a and len(tr.select("td")) > 3
    }
    assert len(listed) > 5
    kinds = set()
    for routine, status in listed.items():
        cell = _card_status(example_site / "rutiner" / routine / "index.html")
        assert cell.get_text(strip=True) == status, routine
        badge = cell.select_one(".ls-badge")
        kinds |= {c for c in badge["class"] if c.startswith("ls-badge--")} if badge else set()
    assert "ls-badge--overdue" in kinds  # the example has late rutiner; their cards say so
    for process in (example_site / "processer").glob("*/index.html"):
        if process.parent.name != "processer" and soup(process).select_one("table.ls-meta"):
            assert not _card_status(process).select(".ls-status")
    old = [p for p in example_site.rglob("*.html") if 'class="ls-status' in p.read_text()]
    assert not old, f"the old status design is still used: {old[:3]}"
    drafts = soup(example_site / "kvalitetsberattelse" / "index.html").select(".ls-badge--draft")
    assert [d.get_text() for d in drafts] == ["Utkast"]  # the year list uses the same badge
