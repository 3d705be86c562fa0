"""The authoring guide, JSON Schemas and the `new` scaffold stay in step with the model."""

from __future__ import annotations

import json
from pathlib import Path

from ledningssystem.portal.schema import portal_schemas, schema_documents
from ledningssystem.website.macro_api import MACROS
from tests.conftest import REPO, run_cli

GUIDE = REPO / "docs" / "skriva" / "index.md"


def test_every_macro_is_documented_with_an_example() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [name for name in MACROS if f"{{{{ {name}(" not in guide]
    assert missing == []
    undocumented = [name for name, func in MACROS.items() if "Exempel:" not in (func.__doc__ or "")]
    assert undocumented == []


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in schema_documents(REPO).items():
        committed = REPO / "schemas" / name
        assert committed.read_text(encoding="utf-8") == text, (
            f"{committed} är inaktuell: kör make schema"
        )
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert set(settings["yaml.schemas"]) == {
        f"./schemas/{n}" for n, (_, g) in portal_schemas(REPO).items() if not g[0].endswith(".md")
    }


def test_new_scaffolds_valid_files_with_unused_ids(tiny_root: Path) -> None:
    first = run_cli(tiny_root, "new", "rutin", "Rapportera en avvikelse")
    assert first.returncode == 0, first.stderr
    second = run_cli(tiny_root, "new", "rutin", "Rapportera en avvikelse")
    assert second.returncode == 0, second.stderr
    created = sorted(p.name for p in (tiny_root / "routines").glob("rapportera-en-avvikelse*"))
    assert created == ["rapportera-en-avvikelse-2.md", "rapportera-en-avvikelse.md"]
    text = (tiny_root / "routines" / "rapportera-en-avvikelse.md").read_text(encoding="utf-8")
    assert "gäller_från: 2025-06-01" in text  # today, from the settings' fixed date
    process = run_cli(tiny_root, "new", "process", "Kompetensförsörjning", "--typ", "stödprocess")
    assert process.returncode == 0, process.stderr
    assert (tiny_root / "processes" / "kompetensforsorjning.yml").is_file()
    assert run_cli(tiny_root, "check").returncode == 0


def test_new_refuses_an_unknown_owner(tiny_root: Path) -> None:
    result = run_cli(tiny_root, "new", "rutin", "X", "--ägare", "ingen")
    assert result.returncode == 1
    assert 'rollen "ingen" finns inte' in result.stderr
    assert not (tiny_root / "routines" / "x.md").exists()
