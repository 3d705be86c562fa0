"""`import` never loses data: no empty replacement, nothing written into a fastställd year."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.cli import main
from tests.conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TRESERVA = FIXTURES / "treserva-avvikelser-2025.csv"
TRESERVA_MAPPING = REPO / "reports" / "mappningar" / "treserva-avvikelser.yml"


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "import", *args])


def test_zero_counted_rows_do_not_replace_real_data(
    example_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = example_root / "reports" / "2025" / "avvikelser.csv"
    before = target.read_bytes()
    other_year = tmp_path / "fel-ar.csv"  # every row dated 2023: none counts for 2025
    other_year.write_bytes(TRESERVA.read_bytes().replace(b";2025-", b";2023-"))
    args = ["avvikelser", str(other_year), "--year", "2025", "--mapping", str(TRESERVA_MAPPING)]
    assert run(example_root, *args, "--force") == 1
    assert capsys.readouterr().err == (
        f"Fel: importen räknade inga rader ur {other_year}, så reports/2025/avvikelser.csv "
        "ersätts inte med en tom fil; kontrollera exporten, året och mappningen\n"
    )
    assert target.read_bytes() == before


def test_a_fastställd_year_is_never_overwritten(
    example_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = example_root / "reports" / "2024" / "avvikelser.csv"
    before = target.read_bytes()
    args = ["avvikelser", str(TRESERVA), "--year", "2024", "--mapping", str(TRESERVA_MAPPING)]
    assert run(example_root, *args, "--force") == 1
    assert capsys.readouterr().err == (
        "Fel: berättelsen för 2024 är fastställd och dess data ändras inte genom en import; "
        'en rättelse görs med python -m ledningssystem fastställ 2024 --rättelse "varför" '
        '--ändring "vad"\n'
    )
    assert target.read_bytes() == before


def test_many_skipped_rows_are_summarised() -> None:
    from ledningssystem.commands.import_data import _row_numbers

    assert _row_numbers([3, 7]) == "rad 3, 7"
    shown = _row_numbers(list(range(2, 600_002)))
    assert shown.endswith("och 599980 till (600000 rader)")
    assert len(shown) < 200


def test_a_hostile_mapping_file_is_a_swedish_error(
    example_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "mappning.yml"
    mapping.write_text(
        'namn: !!python/object/apply:os.system ["id"]\ntyp: avvikelser\n', encoding="utf-8"
    )
    args = ["avvikelser", str(TRESERVA), "--year", "2025", "--mapping", str(mapping), "--force"]
    assert run(example_root, *args) == 1
    assert capsys.readouterr().err == (
        "Innehållet har 1 fel som måste rättas:\n"
        f'  {mapping}:1: felaktig YAML: taggen "!!python/object/apply:os.system" är inte '
        "tillåten i innehållsfilerna; ta bort den och skriv bara värdet.\n"
    )
