"""The PDF engine: cover, TOC page numbers, footers, tables, SVG, metadata, fonts, determinism."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from ledningssystem.pdf import PdfSection, render_html
from ledningssystem.pdf.engine import FONTS_DIR, SystemLibrariesMissing
from tests.pdf_sample import KEY_FIGURES, TABLE_ROWS, sample_document

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pypdf

FOOTER = "Kvalitetsberättelse 2024 · Socialnämnden · sida {page} ({pages})"


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    from ledningssystem.pdf import render_pdf

    return render_pdf(sample_document())


@pytest.fixture(scope="module")
def reader(pdf_bytes: bytes):  # noqa: ANN201 - pypdf.PdfReader
    return pypdf.PdfReader(io.BytesIO(pdf_bytes))


@pytest.fixture(scope="module")
def pages(pdf_bytes: bytes, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Text of each page, as pdftotext (poppler-utils) reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip(
            "PDF-TESTERNA HOPPAS ÖVER: pdftotext saknas. Installera: apt-get install poppler-utils"
        )
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    path.write_bytes(pdf_bytes)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.split("\f")[:-1]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_cover_has_organisation_title_year_status_and_no_footer(pages: list[str]) -> None:
    cover = _lines(pages[0])
    for expected in ("Exempelkommun", "Socialnämnden", "Socialförvaltningen", "Utkast"):
        assert expected in cover
    assert "Kvalitetsberättelse 2024" in cover
    # The kind line ("KVALITETSBERÄTTELSE · 2024") would only repeat the title: left out.
    assert "KVALITETSBERÄTTELSE · 2024" not in cover
    assert not any("sida" in line for line in cover)


def test_toc_page_numbers_are_the_pages_where_sections_start(pages: list[str], reader) -> None:
    doc = sample_document()
    toc = _lines(pages[1])
    assert "Innehåll" in toc
    outline = {item.title: reader.get_destination_page_number(item) + 1 for item in _flat(reader)}
    for level, section in doc.walk():
        entry = next(line for line in toc if line.startswith(section.heading + " "))
        toc_page = int(re.search(r"(\d+)$", entry).group(1))
        first_page = next(
            n for n, text in enumerate(pages[2:], start=3) if section.heading in _lines(text)
        )
        assert toc_page == first_page, (section.heading, toc_page, first_page)
        assert outline[section.heading] == first_page, "bookmark and TOC disagree"
        if level == 1:
            assert _lines(pages[first_page - 1])[:2][0] == section.heading  # running header


def _flat(reader) -> list:  # noqa: ANN001
    found, stack = [], list(reader.outline)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack = item + stack
        else:
            found.append(item)
    return found


def test_every_page_after_the_cover_has_the_footer_and_a_draft_mark(pages: list[str]) -> None:
    total = len(pages)
    assert total >= 10
    for number, text in enumerate(pages[1:], start=2):
        assert FOOTER.format(page=number, pages=total) in _lines(text)
        assert "UTKAST · Exempelkommun · Socialförvaltningen" in _lines(text)


def test_pdf_is_tagged_with_headings_tables_and_figures_with_alt_text(reader) -> None:
    found: dict[str, list] = {}

    def walk(node) -> None:  # noqa: ANN001
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif hasattr(node, "get") and node.get("/Type") == "/StructElem":
            found.setdefault(str(node["/S"]), []).append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    for tag in ("/H1", "/H2", "/Table", "/THead", "/TH", "/TR", "/TD", "/Figure", "/Link"):
        assert tag in found, f"no {tag} in the structure tree"
    alts = [str(figure.get("/Alt", "")) for figure in found["/Figure"]]
    assert any("Klagomål per kategori 2024" in alt for alt in alts), alts


def test_section_titles_key_figures_and_swedish_letters_are_in_the_text(
    pages: list[str],
) -> None:
    text = "\n".join(pages)
    for _, section in sample_document().walk():
        assert section.heading in text
    for name, value in KEY_FIGURES.items():
        assert name in text
        assert value in text
    assert "Förbättringsområden för 2025" in text
    assert re.search(r"Särskilt\s+boende\s+Åsen", text)


def test_swedish_hyphenation_breaks_long_words(pages: list[str]) -> None:
    body = "\n".join(pages[2:])
    broken = re.findall(r"([a-zåäö]{3,})\u2010\n([a-zåäö]{2,})", body)
    assert broken, "no hyphenated line ends: hyphens:auto with lang=sv is not working"
    words = {a + b for a, b in broken}
    assert words & {"avvikelsehanteringsprocessen", "läkemedelsavvikelser", "hemsjukvården"}


def test_long_table_repeats_its_header_and_never_splits_a_row(pages: list[str]) -> None:
    table_pages = [n for n, text in enumerate(pages) if "R-0" in text or "R-1" in text]
    assert len(table_pages) >= 3, "the sample table should run over several pages"
    for n in table_pages:
        lines = _lines(pages[n])
        assert "Sannolikhet" in lines and "Konsekvens" in lines, f"no header on page {n + 1}"
    for i in range(1, TABLE_ROWS + 1):
        holding = [n for n in table_pages if re.search(rf"\bR-{i:03d}\b", pages[n])]
        assert len(holding) == 1
        assert re.search(rf"\bnr {i}\b", pages[holding[0]]), f"row {i} split across pages"


def test_charts_are_vectors_with_text_in_the_bundled_font(reader, pages: list[str]) -> None:
    chart_page = next(n for n, text in enumerate(pages) if "Handläggning" in text)
    assert "Bemötande" in pages[chart_page] and "Övrigt" in pages[chart_page]
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            assert ref.get_object().get("/Subtype") != "/Image", "a chart became a bitmap"


def test_metadata_title_author_language_and_pdf_ua(reader) -> None:
    info = reader.metadata
    assert info.title == "Kvalitetsberättelse 2024"
    assert info.author == "Kvalitetsstrateg, Socialförvaltningen"
    assert info["/CreationDate"].startswith("D:20250220")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp and "Kvalitetsberättelse 2024" in xmp


def test_fonts_are_embedded_and_are_the_bundled_fonts(reader) -> None:
    from fontTools.ttLib import TTFont

    def version(data: bytes | Path) -> str:
        font = TTFont(io.BytesIO(data) if isinstance(data, bytes) else data)
        return font["name"].getDebugName(5)

    bundled = {
        "Sans": version(FONTS_DIR / "LiberationSans-Regular.ttf"),
        "Symbols": version(FONTS_DIR / "NotoSansSymbols2-Regular.ttf"),
    }
    fonts = _fonts(reader)
    assert {"Sans", "Symbols"} <= {name.split("-")[1] for name in fonts}, fonts
    for name, descriptor in fonts.items():
        match = re.fullmatch(r"[A-Z]{6}\+Ledningssystem-(Sans|Symbols)(-Bold)?(-Italic)?", name)
        assert match, f"{name}: not a bundled font"
        embedded = descriptor["/FontFile2"].get_object().get_data()
        assert version(embedded) == bundled[match.group(1)]


def _fonts(reader) -> dict:  # noqa: ANN001
    found = {}
    for page in reader.pages:
        for ref in page.get("/Resources", {}).get("/Font", {}).values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", []):
                desc = descendant.get_object()["/FontDescriptor"].get_object()
                found[str(font["/BaseFont"]).lstrip("/")] = desc
    return found


def test_two_renders_are_byte_identical(pdf_bytes: bytes) -> None:
    from ledningssystem.pdf import render_pdf

    assert render_pdf(sample_document()) == pdf_bytes


def test_renders_in_two_fresh_processes_are_byte_identical(tmp_path: Path) -> None:
    # As make build runs: a fresh process each time. (A worker that rendered other PDFs
    # before has warm font caches of its own, so it is not compared with a fresh process.)
    repo = Path(__file__).resolve().parents[1]
    outputs = []
    for name in ("first.pdf", "second.pdf"):
        out = tmp_path / name
        code = (
            "from tests.pdf_sample import sample_document\n"
            "from ledningssystem.pdf import render_pdf\n"
            f"open({str(out)!r}, 'wb').write(render_pdf(sample_document()))\n"
        )
        subprocess.run([sys.executable, "-c", code], cwd=repo, check=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_html_escapes_metadata_and_keeps_section_html() -> None:
    doc = dataclasses.replace(
        sample_document(),
        title="Kvalitetsberättelse <2024>",
        sections=(PdfSection("a", "Rubrik & mer", "<p>Färdig <b>HTML</b></p>"),),
    )
    html = render_html(doc)
    assert "<title>Kvalitetsberättelse &lt;2024&gt;</title>" in html
    assert 'id="a">Rubrik &amp; mer</h1>' in html
    assert "<p>Färdig <b>HTML</b></p>" in html
    assert '<html lang="sv">' in html


def test_section_ids_must_be_unique() -> None:
    twice = (PdfSection("a", "A"), PdfSection("b", "B", subsections=(PdfSection("a", "A2"),)))
    with pytest.raises(ValueError, match="repeated: a"):
        dataclasses.replace(sample_document(), sections=twice)


def test_svg_gets_the_print_styles_after_its_title() -> None:
    svg = '<svg viewBox="0 0 1 1"><title>T</title></svg>'
    doc = dataclasses.replace(sample_document(), sections=(PdfSection("a", "A", svg),))
    html = render_html(doc)
    assert '<title>T</title><style>text, tspan { font-family: "Ledningssystem Sans"' in html
    assert ".ls-chart-bar { fill: #1a4d80; }" in html


def test_missing_system_libraries_tell_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ledningssystem.pdf import check_system, engine

    def broken() -> None:
        raise SystemLibrariesMissing("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(check_system, "import_weasyprint", broken)
    assert check_system.main() == 1
    err = capsys.readouterr().err
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in err
    assert "PDF kräver systembiblioteken" in err
    assert engine.import_weasyprint() is not None


GOLDEN = Path(__file__).parent / "golden_pdf"


def test_print_html_golden() -> None:
    """tests/golden_pdf/pdf_document.html; UPDATE_GOLDEN=1 rewrites it for review in the diff."""
    doc = dataclasses.replace(
        sample_document(status="Fastställd av Socialnämnden 2025-02-20, § 12, dnr SN 2025/17"),
        sections=(
            PdfSection("a", "Sammanfattning", "<p>Året i korthet.</p>", "1"),
            PdfSection(
                "b",
                "Resultat",
                '<svg viewBox="0 0 10 10" role="img"><title>T</title></svg>',
                "2",
                (PdfSection("b-1", "Klagomål", "<p>Färre än förra året.</p>", "2.1"),),
            ),
        ),
    )
    path = GOLDEN / "pdf_document.html"
    actual = render_html(doc)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} saknas: kör UPDATE_GOLDEN=1 .venv/bin/pytest {__file__}"
    assert actual == path.read_text(encoding="utf-8")
