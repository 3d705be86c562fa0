"""`schema`: write JSON Schemas of the content files and point VS Code at them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ledningssystem.commands.registry import command
from ledningssystem.portal.schema import schema_documents, vscode_yaml_schemas

SCHEMA_FOLDER = "schemas"


@command("schema")
def schema(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    folder = root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    documents = schema_documents(root)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    _update_vscode_settings(root / ".vscode" / "settings.json", root)
    print(f"Skrev {len(documents)} scheman i {SCHEMA_FOLDER}/ och .vscode/settings.json.")
    return 0


def _update_vscode_settings(path: Path, root: Path) -> None:
    settings = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    settings["yaml.schemas"] = vscode_yaml_schemas(SCHEMA_FOLDER, root)
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
