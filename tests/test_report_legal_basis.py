"""Issue 10, legal correctness: a berättelse cites the law in force in its report year.

The shipped templates list both socialtjänstlagar; the legal register's dates decide which
one a year cites (tests/fixtures/lagrum: drafts for 2023, 2025 and 2026), on the page and in
the PDF. The fastställd 2024 of the example was corrected by a rättelse, so its seal holds.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import warnings
from pathlib import Path

import pytest

from ledningssystem.pdf.adapter import load_year_views, report_to_pdf_document
from ledningssystem.pdf.engine import render_pdf
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.legal_basis import legal_basis
from ledningssystem.report.legal_basis_check import undated_lagrum_warnings, undated_laws
from ledningssystem.report.seal import seal_holds, sealed_fingerprint, year_manifest
from ledningssystem.report.seal_inputs import template_input
from ledningssystem.website.build import prepare_build
from tests.conftest import REPO, copy_example

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pypdf

FIXTURE = REPO / "tests" / "fixtures" / "lagrum" / "reports"
SITE_MARKDOWN = site_markdown_extensions(REPO)
OLD, NEW = "SoL (2001:453)", "SoL (2025:400)"
PERIODS = {OLD: (dt.date(2002, 1, 1), dt.date(2025, 7, 1)), NEW: (dt.date(2025, 7, 1), None)}
PARTS = (f"{OLD} 14 kap. 2–7 §§", f"{NEW} 27 kap. 1–6 §§", "LSS 24 a–24 f §§", "SOSFS 2011:5")

SARAH = {
    2023: "SoL (2001:453) 14 kap. 2–7 §§; LSS 24 a–24 f §§; SOSFS 2011:5",
    2025: "SoL (2001:453) 14 kap. 2–7 §§ (till och med 2025-06-30); "
    "SoL (2025:400) 27 kap. 1–6 §§ (från 2025-07-01); LSS 24 a–24 f §§; SOSFS 2011:5",
    2026: "SoL (2025:400) 27 kap. 1–6 §§; LSS 24 a–24 f §§; SOSFS 2011:5",
}
UNENFORCED = {
    2025: "SoL (2001:453) 16 kap. 6 f–6 h §§ (till och med 2025-06-30); "
    "SoL (2025:400) 34 kap. 1–3 §§ (från 2025-07-01); LSS 28 f–28 h §§",
    2026: "SoL (2025:400) 34 kap. 1–3 §§; LSS 28 f–28 h §§",
}


@pytest.mark.parametrize("year", [2023, 2025, 2026])
def test_each_year_cites_the_law_then_in_force(year: int) -> None:
    assert legal_basis(PARTS, year, PERIODS) == SARAH[year]


def test_text_is_shown_as_written_and_an_unknown_law_every_year() -> None:
    written = "SoL (2025:400) 27 kap. 1–6 §§"  # text, not a list: the author's own choice
    assert legal_basis(written, 2023, PERIODS) == written
    assert legal_basis(("PSL 3 kap. 5 §", f"{NEW}a 1 §"), 2020, PERIODS) == (
        f"PSL 3 kap. 5 §; {NEW}a 1 §"  # no källa matches a longer name
    )
    assert legal_basis(PARTS, 2024, {}) == "; ".join(PARTS)  # no dates: nothing is left out


def test_a_law_starting_on_new_year_gets_no_date() -> None:
    periods = {"X": (dt.date(2026, 1, 1), None), "Y": (None, dt.date(2026, 1, 1))}
    assert legal_basis(("X 1 §", "Y 2 §"), 2026, periods) == "X 1 §"
    assert legal_basis(("X 1 §", "Y 2 §"), 2025, periods) == "Y 2 §"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("lagrum"))
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    return root


def test_the_year_pages_cite_the_law_of_their_year(root: Path) -> None:
    pages = {p.src: p.markdown for p in prepare_build(root).pages}
    for year, cited in SARAH.items():
        page = pages[f"kvalitetsberattelse/{year}.md"]
        assert f'<p class="ls-legal" markdown="0">{cited}</p>' in page, year
    assert NEW not in pages["kvalitetsberattelse/2023.md"]
    assert OLD not in pages["kvalitetsberattelse/2026.md"]  # the stad template
    for year, cited in UNENFORCED.items():
        assert (
            f'<p class="ls-legal" markdown="0">{cited}</p>'
            in pages[f"kvalitetsberattelse/{year}.md"]
        )


def test_the_pdf_cites_the_law_of_its_year(root: Path) -> None:
    content, views = load_year_views(root)
    for year in (2023, 2025):
        doc = report_to_pdf_document(views[year], markdown=SITE_MARKDOWN, today=content.today)
        reader = pypdf.PdfReader(io.BytesIO(render_pdf(doc)))
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        assert SARAH[year] in text, year
        assert (UNENFORCED[year] in text) if year in UNENFORCED else (NEW not in text)


def test_the_seal_covers_the_lagrum_the_year_shows(root: Path) -> None:
    """A register date that changes what a year cites changes the template's digest."""
    folder = root / "reports" / "2023"
    before = template_input(root, folder)
    register = root / "requirements" / "sol-2001-453.yml"
    register.write_text(
        register.read_text("utf-8").replace("upphör: 2025-07-01", "upphör: 2023-07-01"), "utf-8"
    )
    try:
        assert template_input(root, folder) != before
    finally:
        register.write_text(
            register.read_text("utf-8").replace("upphör: 2023-07-01", "upphör: 2025-07-01"),
            "utf-8",
        )
    assert template_input(root, folder) == before


def test_the_example_2024_cites_the_old_law_and_its_seal_holds() -> None:
    """The fastställd 2024 printed SoL (2025:400); it was corrected by a rättelse."""
    _, views = load_year_views(REPO)
    view = views[2024]
    [sarah] = [s for s in view.sections if s.section.id == "lex-sarah"]
    assert sarah.legal == SARAH[2023]  # the same law as 2023: the new one came in 2025
    folder = REPO / "reports" / "2024"
    meta = view.data.meta
    assert seal_holds(folder, sealed_fingerprint(meta), current=year_manifest(folder))
    assert "lagrummet för lex sarah" in meta.corrections[-1].reason.lower()


def test_a_law_the_register_cannot_date_is_a_warning(tmp_path: Path) -> None:
    assert undated_laws(PARTS, PERIODS) == []
    assert undated_laws(PARTS, {NEW: PERIODS[NEW]}) == [OLD]  # LSS, SOSFS: no SFS number
    assert undated_laws("SoL (2001:453) 14 kap.", {}) == []  # text: shown as written
    root = copy_example(tmp_path / "portal")
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    register = root / "requirements" / "sol-2001-453.yml"  # cited otherwise: no dates for OLD
    text = register.read_text("utf-8").replace(f"källa: {OLD}", "källa: SoL 2001:453")
    register.write_text(text, "utf-8")
    warnings = [w.format() for w in undated_lagrum_warnings(load_ledningssystem(root))]
    assert warnings[0] == (
        'reports/2023/report.yml:6 – fältet "mall": avsnittet "lex-sarah" i mallen "kombinerad" '
        "hänvisar till SoL (2001:453), som inte finns med datum i lagkravsregistret, så "
        "lagrummet visas utan datum och oavsett om lagen gällde under året. Lägg till "
        "författningen i requirements/ med gäller_från och upphör, eller skriv ett eget "
        "lagrum som text i en mall i reports/mallar/."
    )
    assert len(warnings) == 5  # lex Sarah 2023, 2025, 2026; ej verkställda 2025, 2026
