"""The one Jinja environment for all templates (markup only; logic stays in Python)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket

from ledningssystem.render.finished_html import finished
from ledningssystem.render.format import format_date, format_number, plain_text
from ledningssystem.render.status_badge import status_badge


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ledningssystem", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The templates are the engine's own files and change with it, not while it runs: each
        # is compiled once per process and never checked on disk again (a city build renders
        # templates some 20,000 times). Every template is kept, however many there are.
        auto_reload=False,
        cache_size=-1,
    )
    env.filters["date"] = format_date
    env.filters["number"] = format_number
    env.filters["status_badge"] = status_badge
    env.filters["plain"] = plain_text
    env.filters["finished"] = finished
    env.globals["today_type"] = dt.date
    return env


def render_template(name: str, **values: Any) -> str:
    return environment().get_template(name).render(**values)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory by name and source checksum (Jinja checks it).

    MkDocs makes a new theme environment for every build, so under `make serve` every save
    compiled Material's templates again; with this cache on that environment, once per session.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
