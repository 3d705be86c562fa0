"""A seal covers everything the fastställd year reads: standard settings, the previous year.

Older seals (written before these took part) still hold on what they covered, check asks
for `make faststall YEAR=…` to widen them, and that command changes nothing else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledningssystem.core.yaml_lines import parse_yaml
from ledningssystem.report import seal_inputs
from ledningssystem.report.meta import ReportMeta
from ledningssystem.report.seal import (
    LOCK_FILE,
    Manifest,
    is_dependency,
    read_lock,
    year_manifest,
)
from ledningssystem.report.seal_check import check_seal
from tests.conftest import REPO, run_cli


def _meta(folder: Path) -> ReportMeta:
    data, _ = parse_yaml((folder / "report.yml").read_text(encoding="utf-8"))
    return ReportMeta.model_validate(data)


def _errors(folder: Path) -> list[str]:
    return [e.format() for e in check_seal(folder, "reports/2024", _meta(folder))]


def _two_years(tmp_path: Path) -> Path:
    """reports/2023 and a sealed reports/2024, with the example's config, organisation and
    legal register (its dates decide the lagrum the year cites, which the seal covers)."""
    root = tmp_path / "portal"
    for name in ("reports/config.yml", "reports/historik.yml", "roles/organisation.yml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "requirements", root / "requirements")
    shutil.copytree(REPO / "reports/2024", root / "reports/2024")
    shutil.copytree(
        REPO / "reports/2024",
        root / "reports/2023",
        ignore=lambda _, names: [n for n in names if n == LOCK_FILE or n.endswith(".pdf")],
    )
    result = run_cli(root, "fastställ", "2024", "--utan-pdf")
    assert result.returncode == 0, result.stderr
    assert _errors(root / "reports/2024") == []
    return root


def test_a_change_to_the_previous_year_breaks_the_seal(tmp_path: Path) -> None:
    root = _two_years(tmp_path)
    path = root / "reports/2023/klagomal.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _errors(root / "reports/2024")[0].startswith(
        "reports/2023: året 2024 är fastställt och föregående års data, som berättelsen "
        "jämför med, har ändrats efter beslutet (berättelsens siffror och namn bygger på den;"
    )


def test_a_change_to_the_standard_settings_breaks_the_seal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _two_years(tmp_path)
    changed = tmp_path / "standard.yml"
    text = seal_inputs.STANDARD_FILE.read_text(encoding="utf-8")
    changed.write_text(text.replace("namn: Närstående}", "namn: Anhöriga}", 1), encoding="utf-8")
    monkeypatch.setattr(seal_inputs, "STANDARD_FILE", changed)
    errors = _errors(root / "reports/2024")
    assert len(errors) == 1
    assert errors[0].startswith(
        "ledningssystem/report/standard.yml: året 2024 är fastställt och filen har ändrats "
        "efter beslutet"
    )
    assert "skriv de gamla värdena i reports/config.yml" in errors[0]


def test_a_standard_key_the_organisation_replaces_does_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _two_years(tmp_path)
    changed = tmp_path / "standard.yml"
    text = seal_inputs.STANDARD_FILE.read_text(encoding="utf-8")
    assert "kräver_åtgärd_från: 12" in text  # riskmatris: set in reports/config.yml
    changed.write_text(text.replace("kräver_åtgärd_från: 12", "kräver_åtgärd_från: 9"), "utf-8")
    monkeypatch.setattr(seal_inputs, "STANDARD_FILE", changed)
    assert _errors(root / "reports/2024") == []


def test_an_older_seal_is_widened_by_faststall_without_changing_the_year(tmp_path: Path) -> None:
    root = _two_years(tmp_path)
    folder = root / "reports/2024"
    full = year_manifest(folder)
    own = Manifest({p: d for p, d in full.files.items() if not is_dependency(p)})
    meta = folder / "report.yml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(full.fingerprint, own.fingerprint), "utf-8"
    )
    (folder / LOCK_FILE).write_text(own.lock_text(), encoding="utf-8")
    assert _errors(folder) == [
        'reports/2024/report.yml – fältet "fastställd": förseglingen av 2024 omfattar inte allt '
        "som berättelsen bygger på: ledningssystem/report/builtin_templates/kombinerad.yml, "
        "ledningssystem/report/standard.yml, roles/organisation.yml, reports/2023, "
        "reports/config.yml. Kör make faststall YEAR=2024: det förnyar "
        "förseglingen så att den omfattar också dessa, utan att ändra något i berättelsen. Har "
        "något av dem ändrats sedan beslutet, ångra först den ändringen."
    ]
    before = {p: d for p, d in own.files.items() if p != "report.yml"}
    result = run_cli(root, "fastställ", "2024", "--utan-pdf")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Förseglingen av 2024 omfattar nu också ")
    assert _errors(folder) == []
    lock = read_lock(folder)
    assert lock is not None and lock.files == full.files
    assert {p: d for p, d in year_manifest(folder).files.items() if p in before} == before


def test_removing_a_dependency_line_from_the_lock_does_not_weaken_the_seal(
    tmp_path: Path,
) -> None:
    root = _two_years(tmp_path)
    folder = root / "reports/2024"
    lock = folder / LOCK_FILE
    kept = [line for line in lock.read_text("utf-8").splitlines() if "config.yml" not in line]
    lock.write_text("\n".join(kept) + "\n", encoding="utf-8")
    config = root / "reports/config.yml"
    config.write_text(config.read_text("utf-8").replace("från: 12}", "från: 25}", 1), "utf-8")
    assert _errors(folder) != []


def _own_template(root: Path) -> Path:
    """The year uses the organisation's own copy of the combined template (reports/mallar)."""
    own = root / "reports/mallar/egen.yml"
    own.parent.mkdir(parents=True, exist_ok=True)
    text = (seal_inputs.BUILTIN_TEMPLATES / "kombinerad.yml").read_text(encoding="utf-8")
    own.write_text(text.replace("id: kombinerad", "id: egen", 1), encoding="utf-8")
    meta = root / "reports/2024/report.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("mall: kombinerad", "mall: egen"))
    return own


def _correct(root: Path) -> None:
    result = run_cli(
        root,
        "fastställ",
        "2024",
        "--utan-pdf",
        "--rättelse",
        "Egen mall",
        "--ändring",
        "mall: egen",
    )
    assert result.returncode == 0, result.stderr


def test_a_changed_section_template_breaks_the_seal(tmp_path: Path) -> None:
    root = tmp_path / "portal"
    own = _own_template(_two_years(tmp_path).parent / "portal")
    _correct(root)
    assert "../mallar/egen.yml" in read_lock(root / "reports/2024").files  # type: ignore[union-attr]
    assert _errors(root / "reports/2024") == []
    text = own.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if "rubrik:" in line)
    own.write_text(text.replace(heading, heading + " (ny rubrik)", 1), encoding="utf-8")
    errors = _errors(root / "reports/2024")
    assert len(errors) == 1
    assert errors[0].startswith(
        "reports/mallar/egen.yml: året 2024 är fastställt och filen har ändrats efter beslutet "
        "(berättelsens siffror och namn bygger på den;"
    )
    assert "Ett nytt avsnitt i en mall får från_år: med det första år det gäller" in errors[0]


def test_a_section_for_later_years_leaves_the_seal_as_it_was(tmp_path: Path) -> None:
    root = tmp_path / "portal"
    own = _own_template(_two_years(tmp_path).parent / "portal")
    _correct(root)
    later = "  - id: nytt-avsnitt\n    rubrik: Nytt avsnitt\n    från_år: 2026\n"
    own.write_text(own.read_text(encoding="utf-8") + later, encoding="utf-8")
    assert _errors(root / "reports/2024") == []
    own.write_text(own.read_text(encoding="utf-8").replace("2026", "2024"), encoding="utf-8")
    assert _errors(root / "reports/2024")[0].startswith("reports/mallar/egen.yml: året 2024")


def test_the_shipped_template_is_sealed_by_its_path(tmp_path: Path) -> None:
    root = _two_years(tmp_path)
    files = year_manifest(root / "reports/2024").files
    assert "../../ledningssystem/report/builtin_templates/kombinerad.yml" in files


def test_an_enhetsgrupp_for_later_years_leaves_the_seal_as_it_was(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text("nyckeltal: [klagomal.total]\n", encoding="utf-8")
    before = seal_inputs.canonical_config(config, "2024")
    group = "enhetsgrupper:\n  - {id: bou, namn: BoU, enheter: [a, b], från_år: %s}\n"
    config.write_text("nyckeltal: [klagomal.total]\n" + group % 2025, encoding="utf-8")
    assert seal_inputs.canonical_config(config, "2024") == before
    assert seal_inputs.canonical_config(config, "2025") != before
    config.write_text("nyckeltal: [klagomal.total]\n" + group % 2024, encoding="utf-8")
    assert seal_inputs.canonical_config(config, "2024") != before  # it changes how 2024 reads
