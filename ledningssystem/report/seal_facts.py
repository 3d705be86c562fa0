"""The facts a berättelse's texts cite, as part of its seal.

A fastställd year that writes {{ fakta("lex_sarah.frist_utredning") }} shows a value kept in
ledningssystem.yml or the organisation. The seal therefore covers the cited values, as it
covers reports/config.yml and the organisation names the year uses: changing a cited fact
breaks the seal instead of silently changing a published berättelse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ledningssystem.core.facts import FACT_CALL, ORGANISATION_GROUP
from ledningssystem.core.reading import parsed_yaml
from ledningssystem.core.yaml_lines import YamlProblem
from ledningssystem.report.risk_facts import RISK_GROUP

FACTS_ENTRY = "../../ledningssystem.yml#fakta"


def cited_facts(root: Path, year_text: str) -> bytes | None:
    """The cited facts with their values, canonical; None when the year cites none.

    The risk scale is left out: reports/config.yml is sealed on its own."""
    keys = sorted(k for k in _keys(year_text) if not k.startswith(f"{RISK_GROUP}."))
    if not keys:
        return None
    known = _written(root / "ledningssystem.yml") | _organisation(root / "roles/organisation.yml")
    return json.dumps({k: known.get(k) for k in keys}, ensure_ascii=False).encode()


def _keys(text: str) -> set[str]:
    return {m.group("key") for m in FACT_CALL.finditer(text)}


def _written(path: Path) -> dict[str, str]:
    data = _yaml(path)
    groups = data.get("fakta")
    if not isinstance(groups, dict):
        return {}
    return {
        f"{group}.{key}": str(value)
        for group, values in groups.items()
        if isinstance(values, dict)
        for key, value in values.items()
    }


def _organisation(path: Path) -> dict[str, str]:
    data = _yaml(path)

    def name(key: str) -> Any:
        body = data.get(key)
        return body.get("namn") if isinstance(body, dict) else None

    found = {
        "kommun": data.get("kommun"),
        "nämnd": name("nämnd"),
        "förvaltning": name("förvaltning"),
    }
    return {f"{ORGANISATION_GROUP}.{k}": str(v) for k, v in found.items() if v is not None}


def _yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data, _ = parsed_yaml(path.read_text("utf-8-sig", "replace"))
    except YamlProblem:
        return {}
    return data if isinstance(data, dict) else {}
