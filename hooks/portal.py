"""MkDocs glue: load and validate once, add the generated pages, never leave a half-built site.

All logic lives in the engine (ledningssystem.website.build); this file only connects events.
"""

from __future__ import annotations

import gc
import logging
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.file_names import content_paths
from ledningssystem.core.sanitise import sanitise_html
from ledningssystem.pdf.jobs import PdfJobs
from ledningssystem.render.templating import MemoryBytecodeCache
from ledningssystem.website.build import PostBuildError, SiteBuild, shared_build
from ledningssystem.website.file_plan import (
    FilePlan,
    PlannedFile,
    build_plan,
    error_plan,
    hide_dirty_warnings,
)
from ledningssystem.website.options import BuildOptionError
from ledningssystem.website.pages.content_errors import ERROR_PAGE_TITLE, ERROR_PREVIEW_KEY
from ledningssystem.website.resources import ResourceScan, external_resources_report

log = logging.getLogger("mkdocs.plugins.ledningssystem")
# Not under "mkdocs.": under --strict a warning there would fail the error page's build too.
serve_log = logging.getLogger("ledningssystem.serve")
_state: dict[str, object] = {}
# A preview rebuild reads again only the files it wrote (the others were checked before).
_resources = ResourceScan()
# The theme's templates, compiled once per serve session (MkDocs makes a new env each build).
_compiled_templates = MemoryBytecodeCache()


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["preview"] = command == "serve" and dirty
    if _state["preview"]:
        hide_dirty_warnings()


# Before every other plugin (mkdocs-macros included), so macros find the validated content.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state["site_dir"] = config.site_dir
    try:
        root = Path(config.config_file_path).parent
        build = shared_build(root, config.use_directory_urls, config.extra)
        # The year PDFs render in other processes while MkDocs renders the pages.
        _state["pdfs"] = build.start_pdfs()
    except ContentErrors as errors:
        if _state.get("command") != "serve":
            raise PluginError(errors.report()) from None
        # The preview shows the errors in the browser instead of hanging every request.
        serve_log.warning("%s", errors.report())
        _state["build"], _state["errors"], _state["after_errors"] = None, errors, True
        config.nav = [{ERROR_PAGE_TITLE: "index.md"}]
        config.extra[ERROR_PREVIEW_KEY] = True
        return config
    except (BuildOptionError, PostBuildError) as error:
        raise PluginError(str(error)) from None
    _state["build"], _state["errors"] = build, None  # the macros glue gets it from the engine
    if _state.get("preview"):
        # The loaded content and MkDocs' own objects live until the next save: the collector
        # need not walk them again and again while the pages render (~0.5 s a rebuild).
        gc.freeze()
    return config


def on_serve(server, config: MkDocsConfig, builder):  # noqa: ANN001, ANN201 - livereload types
    # Content lives outside docs/: rebuild when it changes under `make serve`.
    for path in content_paths(Path(config.config_file_path).parent):
        server.watch(str(path))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    errors = _state.get("errors")
    if isinstance(errors, ContentErrors):
        return _apply(error_plan(errors, [f.src_uri for f in files]), files, config)
    docs = Path(config.docs_dir).resolve()
    in_docs = [f.src_uri for f in files if docs in Path(f.abs_src_path or "").resolve().parents]
    preview = bool(_state.get("preview"))
    after_errors = preview and bool(_state.pop("after_errors", False))
    root = Path(config.config_file_path).parent
    plan = build_plan(_build(), root, docs, in_docs, preview, after_errors)
    return _apply(plan, files, config)


def _apply(plan: FilePlan, files: Files, config: MkDocsConfig) -> Files:
    """The engine's plan as MkDocs Files."""
    for src in plan.remove:
        files.remove(files.src_uris[src])
    for planned in plan.add:
        old = files.get_file_from_path(planned.src) if planned.replaces else None
        if planned.replaces and old is None:
            continue
        if old is not None:
            files.remove(old)
        files.append(_file(planned, config, old.inclusion if old else _inclusion(planned)))
    return files


def _inclusion(planned: PlannedFile) -> InclusionLevel:
    if planned.in_nav is None:
        return InclusionLevel.UNDEFINED  # not a page: MkDocs decides
    return InclusionLevel.INCLUDED if planned.in_nav else InclusionLevel.NOT_IN_NAV


def _file(planned: PlannedFile, config: MkDocsConfig, inclusion: InclusionLevel) -> File:
    if planned.folder is not None:  # on disk: a dirty rebuild renders it only when it changed
        dirs = (str(planned.folder), config.site_dir, config.use_directory_urls)
        return File(planned.src, *dirs, inclusion=inclusion)
    path = str(planned.path) if planned.path else None
    file = File.generated(
        config, planned.src, content=planned.content, abs_src_path=path, inclusion=inclusion
    )
    if planned.dest:  # 404.html, which the preview answers for every unknown address
        file.dest_uri = file.url = planned.dest
    return file


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _state.get("build"):
        page.edit_url = _build().edit_url(page.file.src_uri)
    return page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The preview answers every unknown address with 404.html: its links must not depend on
    # the address it is shown at.
    if _state.get("errors") is not None and page.file.dest_uri == "404.html":
        root = urlsplit(config.site_url or "/").path or "/"
        return output.replace("<head>", f'<head><base href="{root}">', 1)
    return output


# After every page's Markdown (and its macros) and before any page is written.
def on_env(env, config: MkDocsConfig, files: Files):  # noqa: ANN001, ANN201 - jinja2 Environment
    report = _build().macro_report() if _state.get("build") else None
    if report:
        raise PluginError(report)
    if _state.get("preview"):
        env.bytecode_cache = _compiled_templates
    return env


# Every page's content HTML, after Markdown: remove what authors may not put in a page.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _state.get("build"):
        return html  # the preview's error page: the engine's own escaped markup and reload script
    return sanitise_html(html)


def on_post_build(config: MkDocsConfig) -> None:
    if not _state.get("build"):
        return  # the preview's error page: no PDFs, no search index
    try:
        # A preview indexes search once per serve session: the index of the first build stays.
        search = not (_state.get("preview") and _state.get("indexed"))
        for pdf in _build().finish(config.site_dir, search=search, pdfs=_started_pdfs()):
            log.info("Skrev %s", pdf)
        _state["indexed"] = True
    except PostBuildError as error:
        raise PluginError(str(error)) from None
    outside = _resources.scan(Path(config.site_dir))
    if outside:
        raise PluginError(external_resources_report(outside))


def on_build_error(error: Exception) -> None:
    pdfs = _started_pdfs()
    if pdfs is not None:
        pdfs.cancel()  # no worker may go on rendering for a build that failed
    # A failed build must not leave a partial site behind to be published by mistake.
    site_dir = _state.get("site_dir")
    if _state.get("command") == "build" and isinstance(site_dir, str) and Path(site_dir).is_dir():
        shutil.rmtree(site_dir)
        log.error(
            "Bygget misslyckades; den ofullständiga webbplatsen i %s har tagits bort.", site_dir
        )


def _build() -> SiteBuild:
    return _state["build"]  # type: ignore[return-value]


def _started_pdfs() -> PdfJobs | None:
    pdfs = _state.pop("pdfs", None)
    return pdfs if isinstance(pdfs, PdfJobs) else None
