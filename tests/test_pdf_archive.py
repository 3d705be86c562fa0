"""A fastställd year's PDF is archived by fastställ and published byte for byte (seal_archive)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from ledningssystem.pdf import engine
from ledningssystem.pdf.adapter import load_year_views
from ledningssystem.pdf.cache import PDF_CACHE_FOLDER
from ledningssystem.pdf.site import write_year_pdfs
from ledningssystem.report.seal import LOCK_FILE, read_lock, year_manifest
from tests.conftest import REPO, run_cli

ARCHIVE = "reports/2024/kvalitetsberattelse-2024.pdf"
SITE_PDF = "kvalitetsberattelse/{year}/kvalitetsberattelse-{year}.pdf"
NOTICE = (
    "Obs: reports/2024/report.yml: den fastställda berättelsen för 2024 har ingen arkiverad "
    "PDF, så dess PDF skrivs ut på nytt vid varje bygge med dagens mallar. Arkivera den: "
    "make faststall YEAR=2024"
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _unarchive(root: Path) -> None:
    """2024 as sealed before the archive existed: no PDF, no lock line, the older fingerprint."""
    folder = root / "reports/2024"
    sealed = year_manifest(folder).fingerprint
    (root / ARCHIVE).unlink()
    meta = folder / "report.yml"
    older = year_manifest(folder, archive=False).fingerprint
    meta.write_text(meta.read_text(encoding="utf-8").replace(sealed, older), encoding="utf-8")
    (folder / LOCK_FILE).write_text(year_manifest(folder).lock_text(), encoding="utf-8")


def _site_pdfs(root: Path, site: Path) -> dict[int, bytes]:
    content, _ = load_year_views(root)
    assert content.reports is not None
    write_year_pdfs(content, content.reports, site)
    return {year: (site / SITE_PDF.format(year=year)).read_bytes() for year in (2024, 2025)}


def test_the_example_2024_is_archived_and_its_lock_names_the_pdf() -> None:
    lock = read_lock(REPO / "reports/2024")
    assert lock is not None
    assert lock.files["kvalitetsberattelse-2024.pdf"] == _sha(REPO / ARCHIVE)
    assert 50_000 < (REPO / ARCHIVE).stat().st_size < 1_000_000
    assert (REPO / ARCHIVE).read_bytes().startswith(b"%PDF-")


def test_an_older_seal_builds_as_before_and_faststall_archives_it(example_root: Path) -> None:
    _unarchive(example_root)
    checked = run_cli(example_root, "check")
    assert checked.returncode == 0, checked.stderr
    assert NOTICE in checked.stdout.splitlines()
    published = _site_pdfs(example_root, example_root / "site")[2024]
    assert published.startswith(b"%PDF-")

    result = run_cli(example_root, "fastställ", "2024")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "Förseglingen av 2024 omfattar nu också reports/2024/kvalitetsberattelse-2024.pdf. "
        "Inget i berättelsen har ändrats.\n"
    )
    lock = read_lock(example_root / "reports/2024")
    assert lock is not None
    assert lock.files["kvalitetsberattelse-2024.pdf"] == _sha(example_root / ARCHIVE)
    # The document archived is the one the build published: the same content, the same bytes.
    assert (example_root / ARCHIVE).read_bytes() == published
    again = run_cli(example_root, "check")
    assert again.returncode == 0, again.stderr
    assert NOTICE not in again.stdout


def test_the_build_publishes_the_archive_even_when_the_stylesheet_changes(
    example_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _site_pdfs(example_root, tmp_path / "before")
    changed = tmp_path / "print.css"
    changed.write_text(
        engine.PRINT_CSS.read_text(encoding="utf-8") + "\nbody { font-size: 16pt; }\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(engine, "PRINT_CSS", changed)
    shutil.rmtree(example_root / PDF_CACHE_FOLDER)  # keyed on the package's own print.css
    after = _site_pdfs(example_root, tmp_path / "after")
    archived = (example_root / ARCHIVE).read_bytes()
    assert before[2024] == after[2024] == archived
    assert before[2025] != after[2025]  # the draft is rendered with the new stylesheet


def test_a_tampered_archive_is_refused_by_check(example_root: Path) -> None:
    path = example_root / ARCHIVE
    path.write_bytes(path.read_bytes() + b"% changed\n")
    result = run_cli(example_root, "check")
    assert result.returncode == 1
    assert (
        "reports/2024/kvalitetsberattelse-2024.pdf: året 2024 är fastställt och den arkiverade "
        "PDF:en, dokumentet som fastställdes, stämmer inte med faststalld.lock. Den arkiverade "
        "PDF:en ändras inte i efterhand: hämta tillbaka den ur Git. Är det en rättelse, "
        'registrera den med make faststall YEAR=2024 RATTELSE="varför" ANDRING="vad som '
        'ändrades" (det skriver en ny PDF).'
    ) in result.stderr
    path.unlink()
    gone = run_cli(example_root, "check")
    assert gone.returncode == 1
    assert "den arkiverade PDF:en, dokumentet som fastställdes, har tagits bort." in gone.stderr


def test_an_archive_in_a_draft_year_is_refused(example_root: Path) -> None:
    (example_root / "reports/2025/kvalitetsberattelse-2025.pdf").write_bytes(b"%PDF-1.7\n%%EOF")
    result = run_cli(example_root, "check")
    assert result.returncode == 1
    assert (
        "reports/2025/kvalitetsberattelse-2025.pdf: en arkiverad PDF finns för 2025, men "
        "berättelsen är inte fastställd. Bara en fastställd berättelse har en arkiverad PDF "
        "(den skrivs av make faststall YEAR=2025). Ta bort filen: ett utkasts PDF skrivs vid "
        "varje bygge."
    ) in result.stderr


def test_a_rattelse_replaces_the_archive(example_root: Path) -> None:
    path = example_root / "reports/2024/klagomal.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bemotande;4;4;okänt\n", "bemotande;4;3;okänt\n", 1), "utf-8")
    signed = (example_root / ARCHIVE).read_bytes()
    result = run_cli(
        example_root,
        "fastställ",
        "2024",
        "--rättelse",
        "Ett klagomål var felaktigt registrerat som besvarat i tid",
        "--ändring",
        "klagomal.csv: i_tid",
        "--datum",
        "2025-03-10",
    )
    assert result.returncode == 0, result.stderr
    corrected = (example_root / ARCHIVE).read_bytes()
    assert corrected != signed and corrected.startswith(b"%PDF-")
    lock = read_lock(example_root / "reports/2024")
    assert lock is not None
    assert lock.files["kvalitetsberattelse-2024.pdf"] == _sha(example_root / ARCHIVE)
    assert run_cli(example_root, "check").returncode == 0
    assert _site_pdfs(example_root, example_root / "site")[2024] == corrected
