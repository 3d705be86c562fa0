"""JSON Schemas of the content files, for editor completion and red underlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ledningssystem.core.model.calendar import Calendar
from ledningssystem.core.model.organisation import Organisation
from ledningssystem.core.model.process import Process
from ledningssystem.core.model.requirement import RequirementSource
from ledningssystem.core.model.role import Role
from ledningssystem.core.model.routine import Routine
from ledningssystem.core.model.settings import Settings
from ledningssystem.report.schema import own_schemas, report_schemas


class RoleFile(BaseModel):
    """roles/roller.yml"""

    roles: list[Role] = Field(alias="roller", description="Ledningssystemets roller.")


# schema file name → (model, the files it applies to, as editor globs)
SCHEMAS: dict[str, tuple[type[BaseModel], list[str]]] = {
    "rutin.schema.json": (Routine, ["routines/**/*.md"]),
    "process.schema.json": (Process, ["processes/*.yml"]),
    "roller.schema.json": (RoleFile, ["roles/roller.yml"]),
    "organisation.schema.json": (Organisation, ["roles/organisation.yml"]),
    "lagkrav.schema.json": (RequirementSource, ["requirements/*.yml"]),
    "arshjul.schema.json": (Calendar, ["arshjul/*.yml"]),
    "installningar.schema.json": (Settings, ["ledningssystem.yml"]),
    **report_schemas(),
}


def portal_schemas(root: Path) -> dict[str, tuple[type[BaseModel], list[str]]]:
    """Every schema of the portal at `root`: the fixed ones and one per own kind."""
    return {**SCHEMAS, **own_schemas(root)}


def schema_documents(root: Path) -> dict[str, str]:
    """File name → JSON text of every schema, stable across runs."""
    return {
        name: _dump(model.model_json_schema(by_alias=True))
        for name, (model, _) in portal_schemas(root).items()
    }


def vscode_yaml_schemas(folder: str, root: Path) -> dict[str, list[str]]:
    """The `yaml.schemas` setting of the VS Code YAML extension."""
    return {
        f"./{folder}/{name}": globs
        for name, (_, globs) in portal_schemas(root).items()
        if not globs[0].endswith(".md")
    }


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
