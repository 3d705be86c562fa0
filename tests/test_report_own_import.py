"""Import into an own counted kind (egna_uppgifter), issue 10: `make import TYP=<own kind>`.

tests/fixtures/egna's 2025 felaktiga-utbetalningar.yml is what importing the sample export
tests/fixtures/import/ekonomisystem-felaktiga-utbetalningar-2025.csv with the fixture's
mapping writes, byte for byte; an unknown TYP names every kind there is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.report.importer import import_export, known_ids
from tests.conftest import REPO, copy_example, run_cli

FIXTURE = REPO / "tests" / "fixtures" / "egna" / "reports"
EXPORT = "tests/fixtures/import/ekonomisystem-felaktiga-utbetalningar-2025.csv"
MAPPING = "reports/mappningar/ekonomisystem-felaktiga-utbetalningar.yml"


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    root = copy_example(tmp_path / "portal")
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    shutil.copytree(REPO / "tests" / "fixtures" / "import", root / "tests" / "fixtures" / "import")
    return root


def test_importing_the_sample_export_writes_the_fixture_file(portal: Path) -> None:
    target = portal / "reports" / "2025" / "felaktiga-utbetalningar.yml"
    target.write_text("ändras av importen\n", encoding="utf-8")
    args = ["import", "felaktiga-utbetalningar", EXPORT, "--year", "2025"]
    result = run_cli(portal, *args, "--mapping", MAPPING, "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes() == (FIXTURE / "2025" / "felaktiga-utbetalningar.yml").read_bytes()
    assert "Räknade 8 rader. Per åtgärd:\n  aterkrav: 4\n  ingen: 1\n  polisanmalan: 3" in (
        result.stdout
    )
    assert '"Makulerad" i kolumnen "Åtgärd" räknas inte enligt mappningen: rad 11' in result.stdout


def test_an_empty_amount_is_written_as_okänt_never_zero(portal: Path) -> None:
    text = (FIXTURE / "2025" / "felaktiga-utbetalningar.yml").read_text(encoding="utf-8")
    assert "{enhet: ekonomiskt-bistand, atgard: ingen, belopp: okänt," in text


def test_an_unknown_typ_lists_the_built_in_and_own_kinds(portal: Path) -> None:
    result = run_cli(portal, "import", "domr", "saknas.csv", "--year", "2025")
    assert result.returncode != 0
    assert result.stderr.strip().endswith(
        'TYP "domr" finns inte. Menade du "domar"? Inbyggda: avvikelser, klagomal, '
        "personuppgiftsincidenter, lex-sarah, lex-maria, ej-verkstallda-beslut. "
        "Egna uppgifter: domar, felaktiga-utbetalningar."
    )


def test_a_mapping_field_the_kind_lacks_and_a_value_it_lacks(portal: Path) -> None:
    mapping = portal / "mappning.yml"
    mapping.write_text(
        "namn: Test\ntyp: domar\nkolumner:\n  enhet: Enhet\n  domstol: Domstol\n", encoding="utf-8"
    )
    export = portal / "export.csv"
    export.write_text("Enhet;Domstol\nekonomiskt-bistand;tingsratt\n", encoding="utf-8")
    kind = next(k for k in known_ids(portal).own_kinds if k.id == "domar")
    with pytest.raises(ContentErrors) as caught:
        import_export(portal, kind, export, 2025, known_ids(portal), mapping, force=True)
    assert [e.format() for e in caught.value.errors] == [
        'mappning.yml:3 – fältet "kolumner": ange kolumn eller fast värde för instans, utfall. '
        "Skriv kolumnens namn i exporten under kolumner (t.ex. instans: Instans) eller ett "
        "värde för alla rader under fasta_värden.",
        'mappning.yml:5 – fältet "kolumner": "domstol" är inget fält för domar. Fälten är enhet, '
        "instans, utfall, antal, datum.",
    ]
    mapping.write_text(
        "namn: Test\ntyp: domar\nkolumner:\n  enhet: Enhet\n  instans: Domstol\n"
        "fasta_värden:\n  utfall: faststallt\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as caught:
        import_export(portal, kind, export, 2025, known_ids(portal), mapping, force=True)
    assert [e.format() for e in caught.value.errors] == [
        'export.csv:2 – fältet "Domstol": värdet "tingsratt" finns inte (instans). Menade du '
        '"forvaltningsratt"? Tillåtna: forvaltningsratt, kammarratt, okänt. Lägg till det under '
        "värden › instans i mappningen."
    ]


def test_each_mapping_error_has_its_line_and_a_typo_is_one_error(portal: Path) -> None:
    """A misspelt field is told where it is written, once: the field it meant is not also
    reported missing."""
    mapping = portal / "mappning.yml"
    mapping.write_text(
        "namn: Test\n"
        "typ: domar\n"
        "kolumner:\n"
        "  enhet: Enhet\n"
        "  instanz: Domstol\n"
        "fasta_värden:\n"
        "  utfal: faststallt\n"
        "värden:\n"
        "  instanz:\n"
        "    Tingsrätt: forvaltningsratt\n",
        encoding="utf-8",
    )
    export = portal / "export.csv"
    export.write_text("Enhet;Domstol\nekonomiskt-bistand;Tingsrätt\n", encoding="utf-8")
    result = run_cli(portal, "import", "domar", "export.csv", "--year", "2025", "--mapping",
                     "mappning.yml", "--force")  # fmt: skip
    assert result.returncode == 1
    fields = "Fälten är enhet, instans, utfall, antal, datum."
    assert result.stderr.splitlines()[-3:] == [
        f'  mappning.yml:5 – fältet "kolumner": "instanz" är inget fält för domar. Menade du '
        f'"instans"? {fields}',
        f'  mappning.yml:7 – fältet "fasta_värden": "utfal" är inget fält för domar. Menade du '
        f'"utfall"? {fields}',
        f'  mappning.yml:9 – fältet "värden": "instanz" är inget fält för domar. Menade du '
        f'"instans"? {fields}',
    ]
    assert "Innehållet har 3 fel" in result.stderr


def test_a_mapping_for_another_kind_names_its_typ_line(portal: Path) -> None:
    (portal / "mappning.yml").write_text(
        "namn: Test\n\ntyp: domar\nkolumner: {enhet: Enhet, instans: I, utfall: U}\n", "utf-8"
    )
    args = ["import", "felaktiga-utbetalningar", EXPORT, "--year", "2025"]
    result = run_cli(portal, *args, "--mapping", "mappning.yml", "--force")
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        'mappning.yml:3 – fältet "typ": mappningen gäller domar, men importen är '
        "felaktiga-utbetalningar. Välj en mappning med typ: felaktiga-utbetalningar, eller "
        "importera med TYP=domar."
    )


def test_a_broken_own_kind_is_told_once_and_nothing_is_written(portal: Path) -> None:
    """A config error stops the import with that one error: no "TYP finns inte", no
    follow-on value errors, and nothing written."""
    config = portal / "reports" / "config.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("{id: kammarratt, namn: Kammarrätten}", "{id: kammarratt}"))
    target = portal / "reports" / "2025" / "domar.csv"
    before = target.read_bytes()
    args = ["import", "domar", "tests/fixtures/import/treserva-domar-2025.csv", "--year", "2025"]
    result = run_cli(
        portal, *args, "--mapping", str(REPO / "reports/mappningar/treserva-domar.yml"), "--force"
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Innehållet har 1 fel som måste rättas:",
        '  reports/config.yml:16 – fältet "egna_uppgifter nr 1 › kolumner nr 1 › värden nr 2 › '
        'namn": fältet saknas. Lägg till det. Namnet som visas, t.ex. Bemötande.',
    ]
    assert target.read_bytes() == before


def test_a_personnummer_in_any_cell_stops_an_own_kind_import(portal: Path) -> None:
    """As for the built-in kinds: also a column the mapping does not use, never shown."""
    export = portal / "export.csv"
    export.write_text(
        "Enhet;Instans;Utfall;Anteckning\n"
        "ekonomiskt-bistand;kammarratt;faststallt;\n"
        "ekonomiskt-bistand;kammarratt;faststallt;Gäller 19121212-1212\n",
        encoding="utf-8",
    )
    target = portal / "reports" / "2025" / "domar.csv"
    before = target.read_bytes()
    result = run_cli(portal, "import", "domar", "export.csv", "--year", "2025", "--force")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].strip() == (
        'export.csv:3 – fältet "Anteckning": cellen innehåller något som ser ut som ett '
        "personnummer eller samordningsnummer; inget har skrivits. Ta bort personuppgifterna ur "
        "exporten (eller hela kolumnen) och importera igen."
    )
    assert "1212" not in result.stdout + result.stderr
    assert target.read_bytes() == before
