"""JSON Schemas of the report files (report.yml, the YAML data files, own templates, config.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, create_model

from ledningssystem.report.config import ReportConfig
from ledningssystem.report.config_additions import ADDITIONS_KEY
from ledningssystem.report.data import KINDS
from ledningssystem.report.history_file import HISTORY_FILE, History
from ledningssystem.report.importer.mapping import Mapping
from ledningssystem.report.load import load_report_config
from ledningssystem.report.meta import ReportMeta
from ledningssystem.report.own_kinds import ROWS_KEY
from ledningssystem.report.section_templates import ReportTemplate


class PartialReportConfig(ReportConfig):
    """reports/config.yml: every key is optional, missing ones come from the defaults."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        schema.pop("required", None)
        schema["properties"][ADDITIONS_KEY] = {
            "type": "object",
            "description": "Samma nycklar som ovan; listorna läggs till standardvärdena i stället "
            "för att ersätta dem, t.ex. klagomål: {kategorier: [{id: maltider, namn: Måltider}]}.",
        }
        return schema


def _file_model(stem: str, key: str, row: type[BaseModel]) -> type[BaseModel]:
    """A model of one YAML data file: a list of rows under `key`."""
    return create_model(  # type: ignore[no-any-return, call-overload]
        f"{row.__name__}File",
        __doc__=f"reports/<år>/{stem}.yml",
        rows=(list[row], Field(alias=key, description=f"Raderna i {stem}.yml.")),  # type: ignore[valid-type]
    )


def report_schemas() -> dict[str, tuple[type[BaseModel], list[str]]]:
    """Schema file name → (model, editor globs), in the form of portal.schema.SCHEMAS."""
    schemas: dict[str, tuple[type[BaseModel], list[str]]] = {
        "berattelse.schema.json": (ReportMeta, ["reports/*/report.yml"]),
        "berattelse-mall.schema.json": (ReportTemplate, ["reports/mallar/*.yml"]),
        "berattelse-installningar.schema.json": (PartialReportConfig, ["reports/config.yml"]),
        "berattelse-mappning.schema.json": (Mapping, ["reports/mappningar/*.yml"]),
        "berattelse-historik.schema.json": (History, [HISTORY_FILE]),
    }
    for _, stem, key, row in KINDS:
        schemas[f"berattelse-{stem}.schema.json"] = (
            _file_model(stem, key, row),
            [f"reports/*/{stem}.yml"],
        )
    return schemas


def own_schemas(root: Path) -> dict[str, tuple[type[BaseModel], list[str]]]:
    """One schema per own kind (egna_uppgifter) in the portal's reports/config.yml.

    They depend on the organisation's settings, so `make schema` writes them from the
    portal it runs in; a broken config.yml gives none (check reports it).
    """
    config, errors = load_report_config(root)
    if errors:
        return {}
    return {
        f"berattelse-egen-{kind.id}.schema.json": (
            _file_model(kind.id, ROWS_KEY, kind.row_model()),
            [f"reports/*/{kind.id}.yml"],
        )
        for kind in config.own
    }
