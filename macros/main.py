"""mkdocs-macros glue: registers the engine's macros (ledningssystem.macro_api)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ledningssystem.macro_api import MACROS, MacroContext, MacroError, call_macro


def define_env(env: Any) -> None:
    for name, func in MACROS.items():
        env.macro(_bind(env, name, func), name)


def _bind(env: Any, name: str, func: Callable[..., str]) -> Callable[..., str]:
    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> str:
        build = env.conf["extra"]["ledningssystem"]  # set by hooks/portal.py
        src = env.page.file.src_uri
        context = MacroContext(build.content, build.context.linker(src), src)
        try:
            return call_macro(name, context, *args, **kwargs)
        except MacroError as error:
            # Collected and reported by hooks/portal.py (on_env): every error at once, no traceback.
            build.macro_errors.append(str(error))
            return ""

    return call
