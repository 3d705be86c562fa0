"""`python -m ledningssystem import`: case-system exports → reports/<år>/ data files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledningssystem.cli import main
from ledningssystem.commands.import_data import summary_text
from ledningssystem.core.errors import ContentErrors
from ledningssystem.report.importer import ImportSummary, known_ids, load_mapping
from ledningssystem.report.importer.aggregate import aggregate
from ledningssystem.report.importer.convert import Known, convert
from ledningssystem.report.importer.mapping import ImportKind, identity
from ledningssystem.report.importer.reading import read_table

FIXTURES = Path(__file__).parent / "fixtures" / "import"
REPO = Path(__file__).parent.parent
TRESERVA = FIXTURES / "treserva-avvikelser-2025.csv"
LIFECARE = FIXTURES / "lifecare-klagomal-2025.csv"
TRESERVA_MAPPING = REPO / "reports" / "mappningar" / "treserva-avvikelser.yml"
LIFECARE_MAPPING = REPO / "reports" / "mappningar" / "lifecare-klagomal.yml"

# Counted by hand from the sample exports (20 and 14 rows; two skipped in each).
EXPECTED_DEVIATIONS = """\
enhet;typ;kategori;antal;utredda;avslutade
hemsjukvard;hsl;fall;1;1;1
hemsjukvard;hsl;lakemedel;1;1;1
sarskilt-boende;hsl;fall;2;2;1
sarskilt-boende;hsl;lakemedel;3;2;2
sarskilt-boende;hsl;trycksar;1;0;0
daglig-verksamhet;lss;utebliven-insats;1;1;1
gruppbostader;lss;bemotande;1;1;0
gruppbostader;lss;utebliven-insats;1;1;1
administration;organisatorisk;it-system;1;1;1
hemtjanst-soder;organisatorisk;bemanning;1;0;0
hemtjanst-norr;sol;bemotande;1;1;0
hemtjanst-norr;sol;utebliven-insats;2;2;2
hemtjanst-soder;sol;utebliven-insats;2;1;1
"""
EXPECTED_COMPLAINTS = """\
enhet;från;kategorier;antal;i_tid
barn-och-unga;brukare;handlaggning;1;0
barn-och-unga;narstaende;bemotande,handlaggning;1;1
ekonomiskt-bistand;brukare;information,tillganglighet;1;1
gruppbostader;narstaende;bemotande;1;1
hemtjanst-norr;brukare;bemotande;2;2
hemtjanst-norr;narstaende;information,utforande;1;0
hemtjanst-norr;narstaende;utforande;2;1
sarskilt-boende;narstaende;utforande;1;1
sarskilt-boende;patientnamnden;utforande;1;1
vuxen;annan-myndighet;samverkan;1;1
"""


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "import", *args])


def test_treserva_deviations_give_the_hand_checked_aggregates(
    example_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = example_root / "reports" / "2025" / "avvikelser.csv"
    target.unlink()
    code = run(
        example_root, "avvikelser", str(TRESERVA), "--year", "2025",
        "--mapping", str(TRESERVA_MAPPING),
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert target.read_text(encoding="utf-8") == EXPECTED_DEVIATIONS
    assert "Läste 20 rader" in out and "(CSV, Windows-1252, semikolon)" in out
    assert "Räknade 18 rader" in out
    assert "  hsl › lakemedel: 4\n" in out and "  sol › utebliven-insats: 4\n" in out
    assert "Hoppade över 2 rader:" in out
    assert '"Testenhet" i kolumnen "Utförare" räknas inte enligt mappningen: rad 19' in out
    assert "datumet ligger inte i 2025: rad 20" in out
    assert "Skrev reports/2025/avvikelser.csv (13 rader)." in out
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []


def test_lifecare_complaints_give_the_hand_checked_aggregates(
    example_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = example_root / "reports" / "2025" / "klagomal.csv"
    code = run(
        example_root, "klagomal", str(LIFECARE), "--year", "2025",
        "--mapping", str(LIFECARE_MAPPING), "--force",
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert target.read_text(encoding="utf-8") == EXPECTED_COMPLAINTS
    assert "Läste 14 rader" in out and "(CSV, UTF-8, semikolon)" in out
    assert "Räknade 12 rader" in out
    assert "  bemotande: 4\n" in out and "  utforande: 5\n" in out
    assert '"Beröm" i kolumnen "Synpunktsområde" räknas inte enligt mappningen: rad 15' in out


def test_xlsx_export_gives_the_same_file_as_csv(example_root: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    lines = LIFECARE.read_text(encoding="utf-8-sig").splitlines()
    for number, line in enumerate(lines):
        cells: list[object] = [c.strip('"') for c in line.split(";")]
        if number:  # Excel keeps dates as dates
            day, month, year = (int(p) for p in str(cells[1]).split("/"))
            cells[1] = dt.datetime(year, month, day)
        sheet.append(cells)
    export = tmp_path / "synpunkter.xlsx"
    book.save(export)
    code = run(
        example_root, "klagomal", str(export), "--year", "2025",
        "--mapping", str(LIFECARE_MAPPING), "--force",
    )  # fmt: skip
    assert code == 0
    target = example_root / "reports" / "2025" / "klagomal.csv"
    assert target.read_text(encoding="utf-8") == EXPECTED_COMPLAINTS


def test_imported_files_load_with_the_report_loader(
    example_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (example_root / "reports" / "2025" / "avvikelser.csv").unlink()
    report = example_root / "reports" / "2025" / "report.yml"
    # The diary's total must follow the imported complaints (12), or check stops the build.
    report.write_text(
        report.read_text(encoding="utf-8").replace("klagomal.total: 48", "klagomal.total: 12"),
        encoding="utf-8",
    )
    assert run(example_root, "avvikelser", str(TRESERVA), "--year", "2025",
               "--mapping", str(TRESERVA_MAPPING)) == 0  # fmt: skip
    assert run(example_root, "klagomal", str(LIFECARE), "--year", "2025",
               "--mapping", str(LIFECARE_MAPPING), "--force") == 0  # fmt: skip
    capsys.readouterr()
    assert main(["--root", str(example_root), "check"]) == 0
    assert main(["--root", str(example_root), "nyckeltal", "2025"]) == 0
    figures = capsys.readouterr().out
    assert "avvikelser.hsl.total\t8" in figures
    assert "klagomal.total\t12" in figures


def test_existing_file_is_kept_without_force(
    example_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = example_root / "reports" / "2025" / "avvikelser.csv"
    before = target.read_bytes()
    args = ["avvikelser", str(TRESERVA), "--year", "2025", "--mapping", str(TRESERVA_MAPPING)]
    assert run(example_root, *args) == 1
    assert capsys.readouterr().err == (
        "Fel: reports/2025/avvikelser.csv finns redan och skrivs inte över; "
        "lägg till --force om den ska ersättas med importen\n"
    )
    assert target.read_bytes() == before
    assert run(example_root, *args, "--force") == 0
    assert target.read_text(encoding="utf-8") == EXPECTED_DEVIATIONS


def test_yaml_data_file_stays_yaml(example_root: Path) -> None:
    folder = example_root / "reports" / "2025"
    (folder / "avvikelser.csv").unlink()
    (folder / "avvikelser.yml").write_text("avvikelser: []\n", encoding="utf-8")
    args = ["avvikelser", str(TRESERVA), "--year", "2025", "--mapping", str(TRESERVA_MAPPING)]
    assert run(example_root, *args, "--force") == 0
    text = (folder / "avvikelser.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# Importerad med make import TYP=avvikelser ur ")
    assert lines[5:7] == [
        "avvikelser:",
        "  - {enhet: hemsjukvard, typ: hsl, kategori: fall, antal: 1, utredda: 1, avslutade: 1}",
    ]
    assert not (folder / "avvikelser.csv").exists()
    assert main(["--root", str(example_root), "check"]) == 0


def _lifecare_lines() -> list[str]:
    return LIFECARE.read_text(encoding="utf-8-sig").splitlines()


BAD_EXPORTS = [
    pytest.param(
        "klagomal",
        ("\n".join(_lifecare_lines()).replace(";", "|") + "\n").encode("utf-8"),
        True,
        [
            "export.csv:1: rubrikraden har bara en kolumn, så avgränsaren är troligen fel. "
            "Exporten ska ha semikolon, komma eller tabb mellan kolumnerna, t.ex. "
            "Inkom;Enhet;Inkommit från;Synpunktsområde;Besvarad inom tid.",
        ],
        id="wrong-delimiter",
    ),
    pytest.param(
        "avvikelser",
        "enhet;typ;kategori;utredd;avslutad\n"
        "hemsjukvard;hsl;fall;ja;ja\n"
        "hemsjukvard;hsl;Läkemedel;ja;nej\n"
        "sarskilt-boende;hsl;Läkemedel;nej;nej\n".encode(),
        False,
        [
            'export.csv:3 – fältet "kategori": värdet "Läkemedel" finns inte i mappningen '
            "(kategori) (och på 1 rad till). Lägg till det under värden › kategori i "
            'mappningen, t.ex. "Läkemedel": lakemedel, eller ~ om raden inte ska räknas. '
            "Tillåtna id: lakemedel, fall, trycksar, informationsoverforing, ovrigt, okänt.",
        ],
        id="unknown-category-without-mapping",
    ),
    pytest.param(
        "klagomal",
        "\n".join(_lifecare_lines()).encode("utf-16-le"),  # UTF-16 without its BOM
        True,
        [
            "export.csv:1: teckenkodningen går inte att läsa (varken UTF-8, UTF-16 eller "
            "Windows-1252). "
            'Spara om exporten från Excel som "CSV UTF-8 (kommaavgränsad)" eller som xlsx.',
        ],
        id="unreadable-encoding",
    ),
    pytest.param(
        "klagomal",
        b"",
        True,
        ["export.csv:1: filen är tom. Gör om exporten; den ska ha en rubrikrad."],
        id="empty-file",
    ),
    pytest.param(
        "klagomal",
        "\n".join(
            line.replace("Städning ej utförd", "Gäller 19121212-1212, städning ej utförd")
            for line in _lifecare_lines()
        ).encode("utf-8-sig"),
        True,
        [
            'export.csv:3 – fältet "Sammanfattning": cellen innehåller något som ser ut som ett '
            "personnummer eller samordningsnummer; inget har skrivits. Ta bort "
            "personuppgifterna ur exporten (eller hela kolumnen) och importera igen.",
        ],
        id="personnummer-in-free-text",
    ),
]


@pytest.mark.parametrize(("kind", "data", "mapped", "expected"), BAD_EXPORTS)
def test_bad_exports_give_swedish_errors_and_write_nothing(
    example_root: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    data: bytes,
    mapped: bool,
    expected: list[str],
) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(data)
    folder = example_root / "reports" / "2025"
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    mapping = ["--mapping", str(LIFECARE_MAPPING)] if mapped else []
    code = main(
        ["--root", str(example_root), "import", kind, str(export), "--year", "2025",
         "--force", *mapping]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    problems = [line.strip().replace(str(tmp_path) + "/", "") for line in err.splitlines()[1:]]
    assert problems == expected
    assert "1212" not in err
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_mapping_errors_name_the_line(example_root: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "mappning.yml"
    mapping.write_text(
        "namn: Test\ntyp: avvikelser\nkolumner:\n  enhet: Enhet\n  färg: Färg\n", encoding="utf-8"
    )
    export = tmp_path / "export.csv"
    export.write_text("Enhet\nhemsjukvard\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_mapping(mapping, example_root)
    assert '"färg" är inget fält för avvikelser' in str(caught.value)


def test_year_without_report_is_refused(
    example_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(example_root, "avvikelser", str(TRESERVA), "--year", "2030") == 1
    assert "make ny-berattelse YEAR=2030" in capsys.readouterr().err
    assert not (example_root / "reports" / "2030").exists()


def _known() -> Known:
    return known_ids(REPO)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(alphabet=';,\t\n"åäö19-/aB0 ', max_size=200))
def test_any_export_reads_or_reports(
    tmp_path_factory: pytest.TempPathFactory, data: object
) -> None:
    export = tmp_path_factory.mktemp("fuzz") / "export.csv"
    export.write_bytes(data if isinstance(data, bytes) else str(data).encode("utf-8"))
    mapping = load_mapping(LIFECARE_MAPPING, REPO)
    try:
        table = read_table(export, "export.csv", mapping.header_row)
        convert(table, mapping, _known(), 2025)
    except ContentErrors as errors:
        assert all(e.file == "export.csv" and e.message for e in errors.errors)


def test_privacy_check_covers_the_header_and_names_columns_by_position(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("enhet;Anteckning 19121212-1212\nhemsjukvard;x\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        convert(
            read_table(export, "export.csv"), identity(ImportKind.DEVIATIONS, ()), _known(), 2025
        )
    assert [e.format() for e in caught.value.errors] == [
        'export.csv:1 – fältet "kolumn 2": cellen innehåller något som ser ut som ett '
        "personnummer eller samordningsnummer; inget har skrivits. Ta bort personuppgifterna "
        "ur exporten (eller hela kolumnen) och importera igen."
    ]


def test_identity_mapping_reads_counts_comma_dates_and_tabs(tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    export.write_text(
        "enhet\ttyp\tkategori\tantal\tutredd\tavslutad\tdatum\n"
        "hemsjukvard\thsl\tfall\t1 204\tja\tnej\t31/12/2025\n"
        "hemsjukvard\thsl\tfall\t3,0\tJa\tja\t2025-01-01\n"
        "hemsjukvard\thsl\tfall\t9\tja\tja\t01/01/2026\n",
        encoding="utf-8",
    )
    table = read_table(export, "export.txt")
    assert table.description == "CSV, UTF-8, tabb"
    converted = convert(table, identity(ImportKind.DEVIATIONS, table.header), _known(), 2025)
    assert aggregate(ImportKind.DEVIATIONS, converted.events) == [
        {"enhet": "hemsjukvard", "typ": "hsl", "kategori": "fall", "antal": 1207,
         "utredda": 1207, "avslutade": 3},
    ]  # fmt: skip
    assert converted.skipped == {"datumet ligger inte i 2025": [4]}


def test_old_excel_and_unreadable_dates_are_reported(tmp_path: Path) -> None:
    old = tmp_path / "export.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 40)
    with pytest.raises(ContentErrors) as caught:
        read_table(old, "export.xls")
    assert "det gamla Excel-formatet (xls) kan inte läsas" in caught.value.report()
    export = tmp_path / "export.csv"
    export.write_text("enhet;från;kategorier;datum\nvuxen;brukare;samverkan;31 jan\n", "utf-8")
    table = read_table(export, "export.csv")
    with pytest.raises(ContentErrors) as caught:
        convert(table, identity(ImportKind.COMPLAINTS, table.header), _known(), 2025)
    assert [e.format() for e in caught.value.errors] == [
        'export.csv:2 – fältet "datum": datumet går inte att läsa. '
        "Skriv ÅÅÅÅ-MM-DD eller DD/MM/ÅÅÅÅ, ÅÅÅÅ-MM om bara månaden är känd (t.ex. 2025-03 "
        "eller mars 2025)."
    ]


def test_the_summary_says_1_rad_not_1_rader() -> None:
    summary = ImportSummary("export.csv", "Lifecare", 1, 1, {"Bemötande": 1}, {"tom": [3]}, "x", 1)
    assert summary_text(summary).splitlines() == [
        "Läste 1 rad ur export.csv (Lifecare).",
        "Räknade 1 rad. Per kategori:",
        "  Bemötande: 1",
        "Hoppade över 1 rad:",
        "  tom: rad 3",
        "Skrev x (1 rad).",
    ]
