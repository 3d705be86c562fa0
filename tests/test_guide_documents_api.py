"""The authoring guide documents every macro with its signature and every content field.

In the spirit of datasette's test_plugin_hooks_are_documented: a macro or a field added to
the engine without a line in docs/skriva/ fails here, with what to add.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import Callable
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from pydantic import BaseModel

from ledningssystem.portal.schema import SCHEMAS
from ledningssystem.website.macro_api import MACROS
from tests.conftest import REPO

GUIDES = sorted((REPO / "docs" / "skriva").glob("*.md"))


def _guide() -> str:
    assert GUIDES, "docs/skriva/ has no pages"
    return "\n".join(path.read_text(encoding="utf-8") for path in GUIDES)


def _aliases(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every Swedish key of `model` and of the models nested in it."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    found = set()
    for name, field in model.model_fields.items():
        found.add(field.alias or name)
        for nested in _models_in(field.annotation):
            found |= _aliases(nested, seen)
    return found


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


def documented_signature(name: str, func: Callable[..., str]) -> str:
    """How the guide writes a macro's call: `figure(name, year=None, visa="värde")`.

    The first parameter (the MacroContext) is bound by the glue, not written by authors.
    """
    parts = []
    for parameter in list(inspect.signature(func).parameters.values())[1:]:
        if parameter.default is inspect.Parameter.empty:
            parts.append(parameter.name)
        elif isinstance(parameter.default, str):
            parts.append(f'{parameter.name}="{parameter.default}"')
        else:
            parts.append(f"{parameter.name}={parameter.default!r}")
    return f"`{name}({', '.join(parts)})`"


def _macros_main() -> ModuleType:
    """macros/main.py as mkdocs-macros loads it: a file, not a package."""
    spec = importlib.util.spec_from_file_location("macros_main", REPO / "macros" / "main.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def registered_macros(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[..., Any]]:
    """The names macros/main.py registers with mkdocs-macros, with a stand-in for the build."""
    main = _macros_main()
    monkeypatch.setattr(main, "shared_build", lambda *args: SimpleNamespace())
    registered: dict[str, Callable[..., Any]] = {}
    env = SimpleNamespace(
        conf={"extra": {}, "config_file_path": str(REPO / "mkdocs.yml"), "use_directory_urls": 1},
        macro=lambda func, name: registered.__setitem__(name, func),
    )
    main.define_env(env)
    return registered


def test_every_registered_macro_is_in_the_guide_with_its_signature(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registered = registered_macros(monkeypatch)
    assert set(registered) == set(MACROS), "macros/main.py registers other macros than MACROS"
    guide = _guide()
    missing = [
        documented_signature(name, MACROS[name])
        for name in sorted(registered)
        if documented_signature(name, MACROS[name]) not in guide
    ]
    assert missing == [], f"Skriv makrots anrop i docs/skriva/index.md: {missing}"


def test_the_signature_is_read_from_the_function() -> None:
    """The check above could fail: a parameter added to a macro changes what must be written."""
    assert documented_signature("figure", MACROS["figure"]) == (
        '`figure(name, year=None, visa="värde")`'
    )

    def renamed(ctx: object, process_id: str, detalj: bool = False) -> str:
        return ""

    assert documented_signature("x", renamed) == "`x(process_id, detalj=False)`"


def test_every_content_field_is_in_the_guide() -> None:
    """Every key an author writes, in every content file, appears as `key` in docs/skriva/."""
    keys = set().union(*(_aliases(model) for model, _ in SCHEMAS.values()))
    assert {"utförare", "nästa", "revideras_senast", "roller", "fakta"} <= keys
    guide = _guide()
    missing = sorted(key for key in keys if f"`{key}`" not in guide)
    assert missing == [], f"Fält som saknas i docs/skriva/: {missing}"


def test_every_content_file_kind_has_a_model_here() -> None:
    """Process, rutin, roles, requirements, årshjul, settings and the berättelse are covered."""
    expected = {"process", "rutin", "roller", "lagkrav", "arshjul", "installningar", "berattelse"}
    assert expected <= {name.removesuffix(".schema.json") for name in SCHEMAS}
