"""import-word: real .docx files (built with python-docx) become rutin drafts."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown
from PIL import Image

from ledningssystem.core.load import split_front_matter
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.wordimport.html_markdown import html_to_markdown
from ledningssystem.wordimport.labels import parse_date, parse_version
from tests.conftest import run_cli
from tests.gitrepo import ORGANISATION, ROLES, GitRepo
from tests.word_docs import header_docx, png_bytes, rutin_docx

PERSONNUMMER = "19121212-1212"  # Skatteverket's test number: a valid check digit
TARGET = "routines/importerade/rapportera-avvikelse-i-hemtjansten.md"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "portal")
    repo.write(
        "roles/roller.yml",
        ROLES + "  - id: avdelningschef\n    namn: Avdelningschef\n    beskrivning: Leder.\n",
    )
    repo.write("roles/organisation.yml", ORGANISATION)
    return repo


def _front(path: Path) -> tuple[dict[str, object], str]:
    split = split_front_matter(path.read_text(encoding="utf-8"))
    assert split is not None
    return yaml.safe_load(split[0]), split[1]


def test_a_word_rutin_becomes_a_draft_with_its_metadata(repo: GitRepo, tmp_path: Path) -> None:
    word = rutin_docx(tmp_path / "Rapportera avvikelse.docx")
    result = run_cli(repo.root, "import-word", str(word))
    assert result.returncode == 0, result.stdout + result.stderr
    front, body = _front(repo.root / TARGET)
    assert {k: str(v) for k, v in front.items() if k not in {"nyckelord", "enheter"}} == {
        "id": "rapportera-avvikelse-i-hemtjansten",
        "titel": "Rapportera avvikelse i hemtjänsten",
        "typ": "rutin",
        "ägare": "avdelningschef@ifo",
        "status": "utkast",
        "version": "2.1",
        "fastställd_av": "forvaltningschef",
        "fastställd_datum": "2024-03-01",
        "revideras_senast": "2026-03-01",
        "sammanfattning": "",
        "importerad_från": "Rapportera avvikelse.docx",
    }
    assert front["enheter"] == ["ifo"]
    assert front["nyckelord"] == ["avvikelse", "fall"]
    image = "rapportera-avvikelse-i-hemtjansten-bild-1.png"
    assert body.strip() == (
        "## Syfte\n\nRutinen är **viktig** och *gäller alla*.\n\n"
        "## Så här gör du\n\n1. Ta hand om brukaren.\n2. Rapportera i systemet.\n"
        "3. Informera enhetschefen.\n\n### Kontakter\n\n| Roll | Telefon |\n| --- | --- |\n"
        "| SAS | ankn. 123 |\n\n"
        "Läs mer hos [Socialstyrelsen](<https://www.socialstyrelsen.se/>)\n\n"
        f"![Bild: beskriv bilden (alternativtext saknades i Word)]({image})"
    )
    assert (repo.root / "routines/importerade" / image).read_bytes() == png_bytes()
    assert '"Diarienummer" (de första raderna) har inget fält i en rutin' in result.stdout
    load_ledningssystem(repo.root)  # the draft validates with everything else


def test_page_header_and_document_properties_are_read(repo: GitRepo, tmp_path: Path) -> None:
    word = header_docx(tmp_path / "hembesok.docx")
    assert run_cli(repo.root, "import-word", str(word)).returncode == 0
    front, body = _front(repo.root / "routines/importerade/checklista-vid-hembesok.md")
    assert front["titel"] == "Checklista vid hembesök"
    assert front["typ"] == "checklista"
    assert front["version"] == "1.0"
    assert str(front["fastställd_datum"]) == "2024-03-01"
    assert str(front["revideras_senast"]) == "2025-03-01"
    assert front["ägare"] == "kvalitetschef"  # none found: the default reviewer, with a warning
    assert body.strip() == "- Kontrollera att dörren är låst."


def test_personnummer_stops_the_file_without_echoing_it(repo: GitRepo, tmp_path: Path) -> None:
    word = rutin_docx(tmp_path / "avvikelse.docx", extra_line=f"Exempel: {PERSONNUMMER} föll.")
    result = run_cli(repo.root, "import-word", str(word))
    assert result.returncode == 1
    assert "ser ut som ett personnummer" in result.stdout
    assert PERSONNUMMER not in result.stdout + result.stderr
    assert "121212" not in result.stdout + result.stderr
    assert not (repo.root / "routines").exists()  # nothing of it written, images neither
    named = rutin_docx(tmp_path / f"Utredning {PERSONNUMMER}.docx")
    result = run_cli(repo.root, "import-word", str(named))
    assert result.returncode == 1
    assert "Utredning xxxxxxxx-xxxx.docx: inte importerad" in result.stdout
    assert PERSONNUMMER not in result.stdout + result.stderr


def test_folder_import_summarises_and_never_overwrites(repo: GitRepo, tmp_path: Path) -> None:
    folder = tmp_path / "Rutiner"
    folder.mkdir()
    rutin_docx(folder / "avvikelse.docx")
    header_docx(folder / "hembesok.docx")
    rutin_docx(folder / "personnummer.docx", extra_line=PERSONNUMMER)
    (folder / "gammal.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    repo.write(TARGET.replace(".md", "-bild-1.png"), "inte en bild")  # must not be overwritten
    result = run_cli(repo.root, "import-word", str(folder))
    assert result.returncode == 1
    table = result.stdout.splitlines()
    assert table[0].split() == ["Fil", "Rutin", "(id)", "Uppgifter", "som", "hittades", "Varningar"]
    assert table[2].startswith("Rutiner/avvikelse.docx") and "INTE IMPORTERAD" in table[2]
    assert table[3].split()[:2] == ["Rutiner/gammal.doc", "INTE"]
    assert table[4].split()[:2] == ["Rutiner/hembesok.docx", "checklista-vid-hembesok"]
    report = (repo.root / "importrapport-word.md").read_text(encoding="utf-8")
    assert "| Fil | Rutin | Uppgifter som hittades | Varningar |" in report
    assert "| Rutiner/hembesok.docx | `routines/importerade/checklista-vid-hembesok.md` |" in report
    assert "| Rutiner/gammal.doc | **inte importerad** |" in report
    assert "gamla Word-formatet (.doc)" in report
    assert "| Rutiner/personnummer.docx | **inte importerad** |" in report
    assert PERSONNUMMER not in report
    # avvikelse.docx would write an image over an existing file: refused, nothing written.
    assert "finns redan och skrivs aldrig över" in report
    assert not (repo.root / TARGET).exists()
    assert (repo.root / TARGET.replace(".md", "-bild-1.png")).read_text() == "inte en bild"
    again = run_cli(repo.root, "import-word", str(folder / "hembesok.docx"))
    assert again.returncode == 1
    assert "är redan importerad som routines/importerade/checklista-vid-hembesok.md" in again.stdout


def test_not_a_word_file_is_a_swedish_error(repo: GitRepo, tmp_path: Path) -> None:
    fake = tmp_path / "rutin.docx"
    fake.write_text("<html>inte Word</html>", encoding="utf-8")
    result = run_cli(repo.root, "import-word", str(fake))
    assert result.returncode == 1
    assert "rutin.docx är inte ett Word-dokument (.docx)" in result.stdout
    assert "Traceback" not in result.stderr


def test_pasted_html_and_markdown_characters_stay_text() -> None:
    markdown = html_to_markdown(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; 5 * 3 [x](y)</p><p>1. inte en lista</p>"
    )
    assert markdown == (
        "&lt;script\\>alert(1)&lt;/script\\> 5 \\* 3 \\[x\\](y)\n\n1\\. inte en lista\n"
    )


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_any_typed_text_renders_as_that_text(text: str) -> None:
    """Whatever was typed in Word, the page shows it as text: no element, link or list."""
    markdown = html_to_markdown(f"<p>{html.escape(text)}</p>")
    rendered = Markdown(extensions=["tables"]).convert(markdown)
    inner = re.sub(r"</?p>", "", rendered)
    assert "<" not in inner.replace("&lt;", "")
    assert html.unescape(inner).split() == html.unescape(html.escape(text)).split()


def test_an_image_no_browser_shows_is_left_out_with_a_warning(
    repo: GitRepo, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_heading("Instruktion för larm", level=1)
    tiff = io.BytesIO()
    Image.new("RGB", (10, 10), "blue").save(tiff, format="TIFF")
    tiff.seek(0)
    document.add_picture(tiff)
    document.save(tmp_path / "larm.docx")
    result = run_cli(repo.root, "import-word", str(tmp_path / "larm.docx"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "en bild i formatet image/tiff kan inte visas på webben" in result.stdout
    assert sorted(p.name for p in (repo.root / "routines/importerade").iterdir()) == [
        "instruktion-for-larm.md"
    ]
    front, body = _front(repo.root / "routines/importerade/instruktion-for-larm.md")
    assert front["typ"] == "instruktion"
    assert "![" not in body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01", dt.date(2024, 3, 1)),
        ("2024\u201303\u201301", dt.date(2024, 3, 1)),  # Word's en dash
        ("2024.03.01 § 12", dt.date(2024, 3, 1)),
        ("1 mars 2024", dt.date(2024, 3, 1)),
        ("20240301", dt.date(2024, 3, 1)),
        ("våren 2025", None),
        ("2024-02-30", None),
    ],
)
def test_dates_as_municipal_documents_write_them(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_versions_with_a_decimal_comma() -> None:
    assert [parse_version(t) for t in ("2,1", "Version 3.0.1", "v. 2", "ny")] == [
        "2.1",
        "3.0.1",
        "2",
        None,
    ]
