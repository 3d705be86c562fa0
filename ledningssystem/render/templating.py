"""The one Jinja environment for all templates (markup only; logic stays in Python)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

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
    )
    env.filters["date"] = format_date
    env.filters["number"] = format_number
    env.filters["status_badge"] = status_badge
    env.filters["plain"] = plain_text
    env.globals["today_type"] = dt.date
    return env


def render_template(name: str, **values: Any) -> str:
    return environment().get_template(name).render(**values)
