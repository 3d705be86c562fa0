"""report_to_pdf_document and the `pdf` command, with stand-ins for report.page.YearView
(tests/test_pdf_report.py prints real views of the fixtures)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ledningssystem import cli
from ledningssystem.commands import pdf as pdf_command
from ledningssystem.pdf.adapter import (
    markdown_to_html,
    pdf_site_path,
    report_to_pdf_document,
    status_text,
)
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from tests.conftest import REPO
from tests.pdf_sample import chart_svg

SITE_MARKDOWN = site_markdown_extensions(Path(__file__).parents[1])

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pypdf

TODAY = dt.date(2025, 1, 15)


@dataclass(frozen=True)
class FakeApproval:
    date: dt.date = dt.date(2025, 2, 20)
    by: str = "Socialnämnden"
    paragraph: str = "§ 12"
    registration: str = "SN 2025/17"


@dataclass(frozen=True)
class FakeMeta:
    year: int = 2024
    kind: str = "kvalitetsberättelse"
    heading: str = "Kvalitetsberättelse 2024"
    approval: FakeApproval | None = field(default_factory=FakeApproval)
    corrections: tuple[object, ...] = ()


@dataclass(frozen=True)
class FakeData:
    meta: FakeMeta = field(default_factory=FakeMeta)


@dataclass(frozen=True)
class FakeSection:
    id: str
    heading: str
    legal: str = ""
    guidance: str = ""


@dataclass(frozen=True)
class FakeSectionView:
    number: str
    depth: int
    section: FakeSection
    parts: tuple[str, ...] = ()
    missing_text: bool = False

    @property
    def legal(self) -> str:  # year_view resolves it per year; the fake's is the section's
        return self.section.legal


@dataclass(frozen=True)
class FakeView:
    data: FakeData = field(default_factory=FakeData)
    draft: bool = False
    board_name: str = "Socialnämnden"
    administration_name: str = "Socialförvaltningen"
    compiled_by: str = "Kvalitetsutvecklare"
    completeness_note: str = ""
    missing_files: tuple[str, ...] = ()
    sections: tuple[FakeSectionView, ...] = (
        FakeSectionView(
            "1", 1, FakeSection("sammanfattning", "Sammanfattning"), ("Året i **korthet**.",)
        ),
        FakeSectionView("2", 1, FakeSection("struktur", "Struktur")),
        FakeSectionView(
            "2.1",
            2,
            FakeSection("mal", "Mål och strategier", legal="PSL 3 kap. 1 §"),
            ("Se [processen](../processer/x/) och [källan](https://example.org/).",),
        ),
        FakeSectionView(
            "2.2",
            2,
            FakeSection("kompetens", "Kompetens", guidance="Beskriv utbildningar."),
            missing_text=True,
        ),
        FakeSectionView(
            "3",
            1,
            FakeSection("klagomal", "Klagomål"),
            ("Text före.", f'<div class="ls-report-table" markdown="0">{chart_svg()}</div>'),
        ),
    )


def test_an_approved_report_becomes_a_document_with_nested_sections() -> None:
    doc = report_to_pdf_document(
        FakeView(), markdown=SITE_MARKDOWN, today=TODAY, municipality="Exempelkommun"
    )
    assert doc.title == "Kvalitetsberättelse 2024"
    assert doc.kind == "Kvalitetsberättelse"
    assert doc.status == "Fastställd av Socialnämnden 2025-02-20, § 12, dnr SN 2025/17"
    assert doc.date == dt.date(2025, 2, 20)
    assert doc.author == "Kvalitetsutvecklare, Socialförvaltningen"
    assert doc.organisation.municipality == "Exempelkommun"
    assert [(level, s.heading) for level, s in doc.walk()] == [
        (1, "1 Sammanfattning"),
        (1, "2 Struktur"),
        (2, "2.1 Mål och strategier"),
        (2, "2.2 Kompetens"),
        (1, "3 Klagomål"),
    ]
    assert doc.sections[0].html.strip() == "<p>Året i <strong>korthet</strong>.</p>"


def test_a_draft_is_dated_today_and_says_so() -> None:
    view = FakeView(draft=True)
    doc = report_to_pdf_document(view, markdown=SITE_MARKDOWN, today=TODAY)
    assert doc.status.startswith("Utkast")
    assert doc.date == TODAY
    competence = doc.sections[1].subsections[1]
    # Readers see that the text is missing; the file to write is for authors, in the handbook.
    assert "Avsnittet är inte skrivet ännu." in competence.html
    assert "reports/" not in competence.html and "Beskriv utbildningar." not in competence.html


def test_site_links_become_text_and_external_links_stay() -> None:
    doc = report_to_pdf_document(FakeView(), markdown=SITE_MARKDOWN, today=TODAY)
    html = doc.sections[1].subsections[0].html
    assert '<p class="ls-legal">PSL 3 kap. 1 §</p>' in html
    assert "Se processen och" in html
    assert '<a href="https://example.org/">källan</a>' in html


def test_raw_html_blocks_pass_through_markdown_untouched() -> None:
    html = markdown_to_html(f'Text före.\n\n<div markdown="0">{chart_svg()}</div>', SITE_MARKDOWN)
    assert "<p>Text före.</p>" in html
    assert 'role="img"' in html and '<title id="chart-title">' in html


def test_status_text_leaves_out_missing_parts() -> None:
    assert status_text(FakeApproval(paragraph="", registration="")) == (
        "Fastställd av Socialnämnden 2025-02-20"
    )


@pytest.fixture
def fake_views(monkeypatch: pytest.MonkeyPatch) -> None:
    @dataclass
    class Content:
        today: dt.date = TODAY

        @property
        def organisation(self) -> object:
            return type("Org", (), {"municipality": "Exempelkommun"})()

    monkeypatch.setattr(
        pdf_command, "load_year_views", lambda root: (Content(), {2024: FakeView()})
    )


def test_pdf_command_writes_the_year(fake_views: None, tmp_path: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", tmp_path)  # the PDF uses the site's Markdown extensions
    out = tmp_path / "ut" / "b.pdf"
    assert cli.main(["--root", str(tmp_path), "pdf", "--year", "2024", "--out", str(out)]) == 0
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.metadata.title == "Kvalitetsberättelse 2024"
    assert "Exempelkommun" in reader.pages[0].extract_text()


def test_pdf_command_puts_every_year_into_the_site(fake_views: None, tmp_path: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", tmp_path)
    site = tmp_path / "site"
    assert cli.main(["--root", str(tmp_path), "pdf", "--all", "--site-dir", str(site)]) == 0
    assert (site / pdf_site_path(2024)).read_bytes().startswith(b"%PDF-1.7")


def test_pdf_command_names_the_years_there_are(
    fake_views: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--root", str(tmp_path), "pdf", "--year", "2019"]) == 1
    assert "ingen berättelse för 2019 (finns: 2024)" in capsys.readouterr().err
