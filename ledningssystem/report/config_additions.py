"""`lägg_till:` in reports/config.yml: add categories, sources or kinds to the defaults.

A key of reports/config.yml replaces the whole default value; under `lägg_till:` the same
keys add to the defaults instead, so an organisation names only its own category:

    lägg_till:
      klagomål:
        kategorier:
          - {id: maltider, namn: Måltider}
      avvikelser:
        - id: hsl            # an existing kind: its lists are extended
          kategorier:
            - {id: nutrition, namn: Nutrition}
"""

from __future__ import annotations

from typing import Any

ADDITIONS_KEY = "lägg_till"


def add_to_defaults(base: Any, additions: Any) -> Any:
    """`base` with `additions` merged in: mappings key by key, lists appended (by id)."""
    if isinstance(base, dict) and isinstance(additions, dict):
        merged = dict(base)
        for key, value in additions.items():
            merged[key] = add_to_defaults(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(additions, list):
        return _extend(base, additions)
    return additions


def _extend(base: list[Any], additions: list[Any]) -> list[Any]:
    merged = list(base)
    positions = {item.get("id"): i for i, item in enumerate(merged) if isinstance(item, dict)}
    for item in additions:
        item_id = item.get("id") if isinstance(item, dict) else None
        if item_id is not None and item_id in positions:
            index = positions[item_id]
            merged[index] = add_to_defaults(merged[index], item)
        else:
            merged.append(item)
    return merged
