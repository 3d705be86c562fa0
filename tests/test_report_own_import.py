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
        'mappning.yml – fältet "kolumner": "domstol" är inget fält för domar; fälten är enhet, '
        "instans, utfall, antal, datum.",
        'mappning.yml – fältet "kolumner": ange kolumn eller fast värde för instans, utfall.',
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
