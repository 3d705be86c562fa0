"""Fastställda years are frozen: check and the build stop a change unless it is a rättelse."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.core import parse_cache, reading
from ledningssystem.report import seal, seal_check
from ledningssystem.report.meta import ReportMeta
from ledningssystem.report.seal import LOCK_FILE, year_manifest
from ledningssystem.report.seal_check import check_seal
from tests.conftest import build_site, run_cli, run_mkdocs_build, soup

HINT = (
    "Berättelsen för 2024 är fastställd och får inte ändras i efterhand. Ångra ändringen, "
    "eller, om det är en rättelse, registrera den: make faststall YEAR=2024 "
    'RATTELSE="varför" ANDRING="vad som ändrades".'
)


def _change_2024(root: Path) -> None:
    """A change that keeps every total (the control totals still agree): only in_time moves."""
    path = root / "reports/2024/klagomal.csv"
    text = path.read_text(encoding="utf-8")
    assert "hemtjanst-norr;brukare;bemotande;4;4;okänt\n" in text
    path.write_text(
        text.replace("bemotande;4;4;okänt\n", "bemotande;4;3;okänt\n", 1), encoding="utf-8"
    )


def test_the_example_2024_is_sealed_and_unchanged(example_root: Path) -> None:
    result = run_cli(example_root, "fastställ", "2024")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "2024 är redan förseglat och oförändrat; inget att göra.\n"


def test_a_change_to_a_faststalld_year_fails_check_until_recorded_as_a_rattelse(
    example_root: Path,
) -> None:
    _change_2024(example_root)
    (example_root / "reports/2024/text/extra.md").write_text("Ny.\n", encoding="utf-8")
    result = run_cli(example_root, "check")
    assert result.returncode == 1
    assert (
        "reports/2024/klagomal.csv: året 2024 är fastställt och filen har ändrats efter beslutet. "
        + HINT
    ) in result.stderr
    assert "reports/2024/text/extra.md: året 2024 är fastställt och filen har lagts till" in (
        result.stderr
    )

    (example_root / "reports/2024/text/extra.md").unlink()
    plain = run_cli(example_root, "fastställ", "2024")
    assert plain.returncode == 1
    assert "Registrera ändringen som en rättelse" in plain.stderr

    recorded = run_cli(
        example_root,
        "fastställ",
        "2024",
        "--rättelse",
        "Ett klagomål var felaktigt registrerat som besvarat i tid",
        "--ändring",
        "klagomal.csv: i_tid för hemtjanst-norr",
        "--datum",
        "2025-03-10",
    )
    assert recorded.returncode == 0, recorded.stderr
    meta = (example_root / "reports/2024/report.yml").read_text(encoding="utf-8")
    assert "\n- datum: 2025-03-10\n  orsak: Ett klagomål var felaktigt" in meta
    assert run_cli(example_root, "check").returncode == 0

    again = run_cli(example_root, "fastställ", "2024", "--rättelse", "x", "--ändring", "y")
    assert again.returncode == 1
    assert "inget i 2024 har ändrats sedan det förseglades" in again.stderr


def test_the_build_stops_and_the_published_page_lists_the_rattelse(example_root: Path) -> None:
    _change_2024(example_root)
    failed = run_mkdocs_build(example_root)
    assert failed.returncode != 0
    assert "året 2024 är fastställt och filen har ändrats efter beslutet" in (
        failed.stdout + failed.stderr
    )
    run_cli(
        example_root,
        "fastställ",
        "2024",
        "--rättelse",
        "Felregistrerat klagomål",
        "--ändring",
        "Andelen besvarade i tid",
        "--datum",
        "2025-03-10",
    )
    site = build_site(example_root)
    article = soup(site / "kvalitetsberattelse/2024/index.html").find("article")
    heading = article.find(id="rattelser")
    assert heading is not None and heading.get_text(strip=True).startswith("Rättelser")
    table = article.find("table", class_="ls-corrections")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.find_all("tr")]
    assert ["2025-03-10", "Felregistrerat klagomål", "Andelen besvarade i tid"] in rows
    assert "Rättad efter beslutet" in article.find(class_="ls-approved").get_text()
    draft = soup(site / "kvalitetsberattelse/2025/index.html").find("article")
    assert draft.find(id="rattelser") is None


# --- the fingerprint itself ---------------------------------------------------------------

META = """\
år: 2024
typ: kvalitetsberättelse
nämnd: n
förvaltning: f
status: {status}
fastställd: {{datum: 2025-02-20, av: Nämnden{fingerprint}}}
mall: kombinerad
"""


def _year(tmp_path: Path, status: str = "fastställd", fingerprint: str = "") -> Path:
    folder = tmp_path / "reports" / "2024"
    (folder / "text").mkdir(parents=True)
    (folder / "klagomal.csv").write_text("enhet;från;kategorier\na;b;c\n", encoding="utf-8")
    (folder / "text" / "sammanfattning.md").write_text("Text.\n", encoding="utf-8")
    extra = f", fingeravtryck: {fingerprint}" if fingerprint else ""
    meta = META.format(status=status, fingerprint=extra)
    (folder / "report.yml").write_text(meta, encoding="utf-8")
    return folder


def _meta(folder: Path) -> ReportMeta:
    from ledningssystem.core.yaml_lines import parse_yaml

    data, _ = parse_yaml((folder / "report.yml").read_text(encoding="utf-8"))
    return ReportMeta.model_validate(data)


def _messages(folder: Path) -> list[str]:
    return [e.format() for e in check_seal(folder, "reports/2024", _meta(folder))]


def test_an_unsealed_faststalld_year_says_which_command_to_run(tmp_path: Path) -> None:
    assert _messages(_year(tmp_path)) == [
        'reports/2024/report.yml – fältet "fastställd": året 2024 är fastställt men dess innehåll '
        "är inte förseglat. Kör: make faststall YEAR=2024 (det skriver fastställd › "
        "fingeravtryck och faststalld.lock, så att ändringar efter beslutet upptäcks)."
    ]


def test_line_endings_and_comments_do_not_change_the_fingerprint(tmp_path: Path) -> None:
    folder = _year(tmp_path)
    before = year_manifest(folder).fingerprint
    csv = folder / "klagomal.csv"
    csv.write_bytes(csv.read_bytes().replace(b"\n", b"\r\n"))
    meta = folder / "report.yml"
    meta.write_text("# En kommentar\n" + meta.read_text(encoding="utf-8"), encoding="utf-8")
    assert year_manifest(folder).fingerprint == before
    csv.write_text("enhet;från;kategorier\na;b;d\n", encoding="utf-8")
    assert year_manifest(folder).fingerprint != before


def test_a_draft_with_a_lock_file_was_faststalld_before(tmp_path: Path) -> None:
    folder = _year(tmp_path, status="utkast")
    assert _messages(folder) == []
    (folder / LOCK_FILE).write_text("", encoding="utf-8")
    assert _messages(folder)[0].startswith(
        'reports/2024/report.yml – fältet "status": året 2024 har fastställts '
        "(reports/2024/faststalld.lock finns) men status är utkast."
    )


def test_without_the_lock_file_the_change_is_still_caught(tmp_path: Path) -> None:
    folder = _year(tmp_path)
    result = run_cli(tmp_path, "fastställ", "2024", "--utan-pdf")
    assert result.returncode == 0, result.stderr
    assert _messages(folder) == []
    (folder / LOCK_FILE).unlink()
    (folder / "text" / "sammanfattning.md").write_text("Annan text.\n", encoding="utf-8")
    assert _messages(folder) == [
        "reports/2024/report.yml: året 2024 är fastställt och dess data eller text har ändrats "
        "efter beslutet (vilka filer går inte att säga: faststalld.lock saknas eller stämmer "
        "inte). " + HINT
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--rättelse", "x"), 'en rättelse behöver både --rättelse "varför" och --ändring "vad"'),
        (("--rättelse", "x", "--ändring", "y"), "2024 är inte förseglat ännu"),
    ],
)
def test_faststall_refuses_an_incomplete_rattelse(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    _year(tmp_path)
    result = run_cli(tmp_path, "fastställ", "2024", *args)
    assert result.returncode == 1
    assert message in result.stderr


def test_faststall_refuses_a_draft(tmp_path: Path) -> None:
    _year(tmp_path, status="utkast")
    result = run_cli(tmp_path, "fastställ", "2024")
    assert result.returncode == 1
    assert "berättelsen för 2024 är inte fastställd" in result.stderr


def test_the_pdf_ends_with_the_rattelser() -> None:
    from ledningssystem.pdf.adapter import corrections_section
    from ledningssystem.report.meta import Correction

    assert corrections_section(()) == ()
    correction = Correction.model_validate(
        {"datum": "2025-03-10", "orsak": "Fel <summa>", "ändring": "klagomal.csv"}
    )
    (section,) = corrections_section((correction,))
    assert (section.id, section.title) == ("rattelser", "Rättelser")
    assert "<td>2025-03-10</td><td>Fel &lt;summa&gt;</td><td>klagomal.csv</td>" in section.html


def test_check_hashes_a_sealed_year_once(example_root: Path, monkeypatch) -> None:
    """Hashing a year's files is the seal check's whole cost: once per year and run."""
    hashed: list[str] = []
    original = seal.year_manifest

    def counted(folder: Path, meta_text: str | None = None, dependencies: bool = True):
        if dependencies:  # the previous year's own files are a part of this year's manifest
            hashed.append(folder.name)
        return original(folder, meta_text, dependencies)

    monkeypatch.setattr(seal, "year_manifest", counted)
    monkeypatch.setattr(seal_check, "year_manifest", counted, raising=False)
    folder = example_root / "reports/2024"
    assert check_seal(folder, "reports/2024", _meta(folder)) == []
    assert hashed == ["2024"]


def test_a_year_manifest_parses_each_yaml_text_once(
    example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """organisation.yml, config.yml and the history take part in every year's manifest: a
    rebuild or the next year reuses their parse (remembered by text, so an edit counts)."""
    parsed: list[str] = []
    real = parse_cache.parse_yaml
    monkeypatch.setattr(parse_cache, "parse_yaml", lambda t, o=0: parsed.append(t) or real(t, o))
    reading._parsed.cache_clear()
    folder = example_root / "reports/2024"
    first = year_manifest(folder)
    assert parsed
    parsed.clear()
    assert year_manifest(folder) == first and parsed == []
    organisation = example_root / "roles/organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "\n# ny\n", "utf-8")
    year_manifest(folder)
    assert len(parsed) == 1
