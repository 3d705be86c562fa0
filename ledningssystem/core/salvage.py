"""A model rebuilt without its faulty keys, so its references are checked in the same run.

A file with a misspelt key or a wrong value fails validation, and a failed file's
references to roles, steps and rutiner would otherwise go unchecked until that is fixed:
the author would learn about a wrong owner only on the next run. Dropping the faulty keys
(when the model still validates without them) gives a model that is never published; it
only lets validate_references report everything at once.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


def without_unknown_keys(model: type[M], data: Any) -> M | None:
    """`data` as `model` once its unknown and invalid keys are dropped; None when a required
    field is missing or the model does not validate without them."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        if not errors or any(e["type"] == "missing" or not e["loc"] for e in errors):
            return None
        trimmed = copy.deepcopy(data)
        for error in errors:
            _drop(trimmed, tuple(error["loc"]))
        try:
            return model.model_validate(trimmed)
        except ValidationError:
            return None
    return None  # valid as it is: nothing to salvage


def _drop(data: Any, loc: tuple[Any, ...]) -> None:
    *parents, last = loc
    for part in parents:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(data, dict):
        data.pop(last, None)
