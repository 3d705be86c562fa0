"""A model rebuilt from what validated in a failed file, so its references are checked in the
same run.

A file with a misspelt key, a missing field or a wrong value fails validation, and a failed
file's references to roles, steps and rutiner would otherwise go unchecked until that is
fixed: the author would learn about a wrong owner or a missing step only on the next run.
`salvage` keeps every field that validates on its own and puts a neutral value in every
field that does not (its default, or an empty value that no reference check reports), item
by item, so list indexes and line numbers stay those of the file. The result skips the
model's own rules (`model_construct`), is never published, and only lets validate_references
report everything at once.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

M = TypeVar("M", bound=BaseModel)
_FAILED = object()  # a value that did not validate and could not be salvaged


def salvage(model: type[M], data: Any) -> M | None:
    """`data` as `model` with each faulty field neutral; None when `data` is not a mapping."""
    if not isinstance(data, dict):
        return None
    data = _before(model, data)
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        value = _field_value(field, data[key]) if key in data else _FAILED
        if value is not _FAILED:
            values[name] = value
        elif field.is_required():
            values[name] = _neutral(field.annotation)
    return model.model_construct(**values)


def _before(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """`data` after the model's own before-validators (e.g. `ägare: roll@enhet` split)."""
    for name, decorator in model.__pydantic_decorators__.model_validators.items():
        if decorator.info.mode != "before":
            continue
        try:
            changed = getattr(model, name)(data)
        except (PydanticCustomError, ValueError, TypeError):
            continue
        data = changed if isinstance(changed, dict) else data
    return data


def _field_value(field: FieldInfo, value: Any) -> Any:
    annotation = field.annotation
    if field.metadata:
        annotation = Annotated[(annotation, *field.metadata)]  # type: ignore[assignment]
    return _value(annotation, value)


def _value(annotation: Any, value: Any) -> Any:
    """`value` validated as `annotation`; else salvaged part by part; else _FAILED."""
    try:
        return _adapter(annotation).validate_python(value)
    except ValidationError:
        pass
    inner = _without_annotated(annotation)
    origin, args = typing.get_origin(inner), typing.get_args(inner)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return salvage(inner, value) if isinstance(value, dict) else _FAILED
    if origin in (tuple, list) and isinstance(value, list) and args:
        # Every item keeps its place, so the line of item n is still found by index n.
        items = [_value(args[0], item) for item in value]
        return tuple(_neutral(args[0]) if item is _FAILED else item for item in items)
    if origin is dict and isinstance(value, dict) and len(args) == 2:
        pairs = ((_value(args[0], k), _value(args[1], v)) for k, v in value.items())
        return {k: v for k, v in pairs if k is not _FAILED and v is not _FAILED}
    return _FAILED


def _neutral(annotation: Any) -> Any:
    """An empty value of the annotation's type: nothing for a reference check to report."""
    inner = _without_annotated(annotation)
    origin, args = typing.get_origin(inner), typing.get_args(inner)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        return None
    if origin is typing.Literal:
        return args[0]
    if origin in (tuple, list):
        return ()
    if origin is dict:
        return {}
    if isinstance(inner, type):
        if issubclass(inner, BaseModel):
            return salvage(inner, {})
        if issubclass(inner, enum.Enum):
            return next(iter(inner))
        if issubclass(inner, dt.date):
            return dt.date(1900, 1, 1)
        if issubclass(inner, (str, int, float, bool)):
            return inner()
    return None


def _without_annotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


@functools.lru_cache(maxsize=512)
def _cached_adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    try:
        return _cached_adapter(annotation)
    except TypeError:  # an annotation that cannot be hashed
        return TypeAdapter(annotation)
