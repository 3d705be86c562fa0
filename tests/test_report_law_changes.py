"""The berättelse's section "Förändringar i lagar och föreskrifter", from the legal register."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

from ledningssystem.legal.law_changes import law_changes
from ledningssystem.pdf.adapter import load_year_views, report_to_pdf_document
from ledningssystem.pdf.engine import render_pdf
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.section_templates import Block
from ledningssystem.website.build import prepare_build
from tests.conftest import soup

SITE_MARKDOWN = site_markdown_extensions(Path(__file__).parents[1])

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pypdf

HEADING = "Förändringar i lagar och föreskrifter"


def test_the_year_lists_what_started_and_ended_and_the_documents(example_root: Path) -> None:
    changes = {(c.what, c.change): c for c in law_changes(load_ledningssystem(example_root), 2025)}
    started = changes[("SoL (2025:400)", "började gälla")]
    assert started.on == dt.date(2025, 7, 1)
    assert "Lex Sarah" in [d.title for d in started.revised]
    ended = changes[("SoL (2001:453)", "upphörde, ersätts av SoL (2025:400)")]
    assert ended.still_old == ()
    assert law_changes(load_ledningssystem(example_root), 2019) == []


def test_a_document_still_citing_the_old_law_is_listed(example_root: Path) -> None:
    path = example_root / "processes/lss-insatser.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - lss-24-a\n", "  - sol-2001-453-14-2\n"),
        encoding="utf-8",
    )
    changes = law_changes(load_ledningssystem(example_root), 2025)
    ended = next(c for c in changes if c.what == "SoL (2001:453)")
    assert [d.title for d in ended.still_old] == ["Insatser enligt LSS"]


def test_the_2025_year_page_lists_the_law_changes(example_site: Path) -> None:
    page = soup(example_site / "kvalitetsberattelse/2025/index.html")
    heading = next(h for h in page.select("h2, h3") if HEADING in h.get_text())
    table = heading.find_next("table")
    assert table.select_one("caption").get_text(strip=True) == f"{HEADING} 2025"
    rows = [
        [td.get_text(strip=True) for td in tr.select("th, td")] for tr in table.select("tbody tr")
    ]
    assert rows[1][:3] == ["SoL (2025:400)", "började gälla", "2025-07-01"]
    assert rows[0][:3] == ["SoL (2001:453)", "upphörde, ersätts av SoL (2025:400)", "2025-07-01"]


def test_both_templates_have_the_section(example_root: Path) -> None:
    report = example_root / "reports/2025/report.yml"
    for template in ("kombinerad", "stad"):
        if template == "stad":  # texts for sections only the other template has
            for name in (
                "sammanfattning",
                "uppfoljning-forbattringsomraden",
                "indikatorer-och-granskningar",
            ):
                (example_root / f"reports/2025/text/{name}.md").unlink()
        text = report.read_text(encoding="utf-8").replace("mall: kombinerad", f"mall: {template}")
        report.write_text(text, encoding="utf-8")
        pages = {p.src: p.markdown for p in prepare_build(example_root).pages}
        year = pages["kvalitetsberattelse/2025.md"]
        assert HEADING in year and "SoL (2025:400)" in year, template
    assert Block.LAW_CHANGES.value == "lagandringar"


def test_the_2025_pdf_lists_the_law_changes(example_root: Path) -> None:
    content, views = load_year_views(example_root)
    doc = report_to_pdf_document(views[2025], markdown=SITE_MARKDOWN, today=content.today)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(doc)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert HEADING in text
    assert "SoL (2025:400) började gälla 2025-07-01" in text


def test_fastställda_years_before_the_section_existed_are_unchanged(example_root: Path) -> None:
    pages = {p.src: p.markdown for p in prepare_build(example_root).pages}
    assert HEADING not in pages["kvalitetsberattelse/2024.md"]  # fastställd, från_år: 2025
    assert HEADING in pages["kvalitetsberattelse/2025.md"]
