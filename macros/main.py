"""mkdocs-macros glue: registers the engine's macros (ledningssystem.website.macro_api).

The content comes from the engine itself (shared_build), not from the MkDocs hook, so the
macros work under any engine that runs mkdocs-macros.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ledningssystem.website.build import SiteBuild, shared_build
from ledningssystem.website.macro_api import (
    MACROS,
    MacroContext,
    MacroError,
    call_macro,
    macro_failure,
)
from ledningssystem.website.macro_page_check import page_errors
from ledningssystem.website.pages.content_errors import ERROR_PREVIEW_KEY

_log = logging.getLogger("mkdocs.plugins.ledningssystem")


def define_env(env: Any) -> None:
    if env.conf["extra"].get(ERROR_PREVIEW_KEY):
        return  # make serve shows the content errors (hooks/portal.py); no page has macros
    build = _build(env)
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
        except Exception as error:  # noqa: BLE001 - a macro's own fault must not print a traceback
            _log.debug("macro %s on docs/%s", name, src, exc_info=error)  # for maintainers (-v)
            build.macro_errors.append(macro_failure(src, name))
        return ""

    return call


def on_pre_page_macros(env: Any) -> None:
    """A page the engine's check did not see (it is checked before the build) is not run."""
    page, wanted = env.page, env.page.meta.get("render_macros")
    renders = wanted is True or (wanted is None and env.config["render_by_default"])
    if env.conf["extra"].get(ERROR_PREVIEW_KEY) or not renders:
        return
    path = page.file.abs_src_path
    text = Path(path).read_text(encoding="utf-8") if path else env.markdown
    errors = page_errors(f"docs/{page.file.src_uri}", text, None)
    if errors:
        _build(env).macro_errors.extend(e.format() for e in errors)
        env.markdown = ""  # mkdocs-macros would stop with a traceback; on_env reports them


def _build(env: Any) -> SiteBuild:
    conf = env.conf
    root = Path(conf["config_file_path"]).parent
    return shared_build(root, conf["use_directory_urls"], conf["extra"])
