"""End-to-end checks on the example content: properties, not bytes (goldens: test_golden.py).

Links of the built example are checked in test_site_integrity.py.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from ledningssystem.core.urls import Linker, process_map_page, process_page
from ledningssystem.diagrams.process_map import render_process_map
from ledningssystem.diagrams.raci import render_raci
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.website.pages import BuildContext, generate_pages
from tests.conftest import REPO


def test_every_example_process_has_a_map_with_a_text_alternative() -> None:
    content = load_ledningssystem(REPO)
    assert content.processes, "the example has no processes"
    pages = {page.src: page.markdown for page in generate_pages(content, BuildContext())}
    for process_id, process in content.processes.items():
        svg = BeautifulSoup(
            render_process_map(content, process, Linker(process_page(process_id))), "html.parser"
        ).svg
        assert svg is not None and svg["role"] == "img", process_id
        labels = svg["aria-labelledby"].split()
        assert [svg.find(id=label).get_text(strip=True) != "" for label in labels] == [True, True]
        assert f"{len(process.steps)} steg" in svg.desc.get_text(), process_id
        # The steps in order, as text beside the picture, on the map page.
        map_page = pages[process_map_page(process_id)]
        for step in process.steps:
            assert step.name in map_page, f"{process_id}: {step.name}"


def test_every_example_process_has_a_raci_table_with_a_row_per_step() -> None:
    content = load_ledningssystem(REPO)
    for process_id, process in content.processes.items():
        html = render_raci(content, process, Linker(process_page(process_id)))
        table = BeautifulSoup(html, "html.parser").table
        assert table is not None, process_id
        rows = [row for row in table.find_all("tr") if row.find("td")]
        assert len(rows) == len(process.steps), process_id
