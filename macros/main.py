"""mkdocs-macros glue: registers the engine's macros (ledningssystem.website.macro_api).

The content comes from the engine itself (shared_build), not from the MkDocs hook, so the
macros work under any engine that runs mkdocs-macros.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ledningssystem.website.build import SiteBuild, shared_build
from ledningssystem.website.macro_api import MACROS, MacroContext, MacroError, call_macro
from ledningssystem.website.pages.content_errors import ERROR_PREVIEW_KEY


def define_env(env: Any) -> None:
    conf = env.conf
    if conf["extra"].get(ERROR_PREVIEW_KEY):
        return  # make serve shows the content errors (hooks/portal.py); no page has macros
    build = shared_build(
        Path(conf["config_file_path"]).parent, conf["use_directory_urls"], conf["extra"]
    )
    for name, func in MACROS.items():
        env.macro(_bind(env, build, name, func), name)


def _bind(env: Any, build: SiteBuild, name: str, func: Callable[..., str]) -> Callable[..., str]:
    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> str:
        src = env.page.file.src_uri
        context = MacroContext(build.content, build.context.linker(src), src)
        try:
            return call_macro(name, context, *args, **kwargs)
        except MacroError as error:
            # Collected and reported by hooks/portal.py (on_env): every error at once, no traceback.
            build.macro_errors.append(str(error))
            return ""

    return call
