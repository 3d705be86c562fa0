"""The guides list the ids an author needs: template section ids and every default category."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel

from ledningssystem.report.load import load_report_config
from ledningssystem.report.section_templates import ReportTemplate
from tests.conftest import REPO

REPORT_GUIDE = REPO / "docs" / "skriva" / "kvalitetsberattelse.md"
BUILT_IN_TEMPLATES = REPO / "ledningssystem" / "report" / "templates"


def _choice_lists(model: BaseModel, path: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    """(setting, ids) for every configured list of named values (id, namn) in the defaults."""
    found = []
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        alias = field.alias or name
        if isinstance(value, tuple) and value and all(hasattr(v, "id") for v in value):
            found.append((" › ".join((*path, alias)), [v.id for v in value]))
            for item in value:
                found += _choice_lists(item, (*path, alias, item.id))
        elif isinstance(value, BaseModel):
            found += _choice_lists(value, (*path, alias))
    return found


def _section_ids(sections: tuple) -> list[str]:  # type: ignore[type-arg]
    return [i for s in sections for i in [s.id, *_section_ids(s.subsections)]]


def test_every_default_category_is_listed_in_the_guide(tmp_path: Path) -> None:
    defaults, errors = load_report_config(tmp_path)  # no reports/config.yml: the defaults alone
    assert errors == []
    guide = REPORT_GUIDE.read_text(encoding="utf-8")
    lists = _choice_lists(defaults)
    assert len(lists) >= 10
    for setting, ids in lists:
        row = next((line for line in guide.splitlines() if line.startswith(f"| `{setting}` |")), "")
        assert row, f"{setting} saknas i tabellen över standardvärden i {REPORT_GUIDE.name}"
        assert row.endswith(", ".join(f"`{i}`" for i in ids) + " |"), row


def test_every_built_in_section_id_is_listed_in_the_guide() -> None:
    guide = REPORT_GUIDE.read_text(encoding="utf-8")
    for path in sorted(BUILT_IN_TEMPLATES.glob("*.yml")):
        template = ReportTemplate.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        expected = f"- `{template.id}`: " + ", ".join(
            f"`{i}`" for i in _section_ids(template.sections)
        )
        assert expected in guide, f"mallen {template.id}: avsnitten saknas i {REPORT_GUIDE.name}"
