"""MkDocs glue: load and validate once, add the generated pages, never leave a half-built site.

All logic lives in the engine (ledningssystem.build); this file only connects events.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ledningssystem.build import BuildOptionError, PostBuildError, SiteBuild, shared_build
from ledningssystem.errors import ContentErrors
from ledningssystem.load import content_paths
from ledningssystem.preview import PREVIEW_FOLDER, macro_pages, write_preview_pages
from ledningssystem.sanitise import sanitise_html
from ledningssystem.site_resources import external_resources, external_resources_report
from ledningssystem.urls import in_handbook_docs, in_public_docs

log = logging.getLogger("mkdocs.plugins.ledningssystem")
_state: dict[str, object] = {}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["preview"] = command == "serve" and dirty
    if _state["preview"]:
        # make serve asks for dirty rebuilds on purpose (see ledningssystem.preview); MkDocs'
        # warning about them would fail every --strict rebuild.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


# Before every other plugin (mkdocs-macros included), so macros find the validated content.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state["site_dir"] = config.site_dir
    try:
        root = Path(config.config_file_path).parent
        build = shared_build(root, config.use_directory_urls, config.extra)
    except ContentErrors as errors:
        raise PluginError(errors.report()) from None
    except BuildOptionError as error:
        raise PluginError(str(error)) from None
    _state["build"] = build  # the macros glue gets the same build from the engine
    return config


def on_serve(server, config: MkDocsConfig, builder):  # noqa: ANN001, ANN201 - livereload types
    # Content lives outside docs/: rebuild when it changes under `make serve`.
    for path in content_paths(Path(config.config_file_path).parent):
        server.watch(str(path))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The two sites share docs/: the public one takes its look and docs/publik/, the
    # handbook everything else (theme files, from outside docs/, always stay).
    keep = in_public_docs if _build().context.public else in_handbook_docs
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if docs in Path(f.abs_src_path or "").resolve().parents]:
        if not keep(file.src_uri):
            files.remove(file)
    if _state.get("preview"):
        return _preview_files(files, config)
    for page in _build().pages:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src, content=page.markdown, inclusion=inclusion))
    for uri, path in _build().assets.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def _preview_files(files: Files, config: MkDocsConfig) -> Files:
    """Generated pages as files on disk, so a dirty rebuild renders only those that changed."""
    root = Path(config.config_file_path).parent
    folder = root / PREVIEW_FOLDER
    write_preview_pages(_build().pages, folder)
    for page in _build().pages:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(
            File(
                page.src,
                str(folder),
                config.site_dir,
                config.use_directory_urls,
                inclusion=inclusion,
            )
        )
    # Pages of docs/ with macros show the content: render them on every rebuild.
    for src in macro_pages(Path(config.docs_dir)):
        old = files.get_file_from_path(src)
        if old is not None:
            files.remove(old)
            text = Path(config.docs_dir, src).read_text(encoding="utf-8")
            files.append(File.generated(config, src, content=text, inclusion=old.inclusion))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    page.edit_url = _build().edit_url(page.file.src_uri)
    return page


# After every page's Markdown (and its macros) and before any page is written.
def on_env(env, config: MkDocsConfig, files: Files):  # noqa: ANN001, ANN201 - jinja2 Environment
    report = _build().macro_report()
    if report:
        raise PluginError(report)
    return env


# Every page's content HTML, after Markdown: remove what authors may not put in a page.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitise_html(html)


def on_post_build(config: MkDocsConfig) -> None:
    try:
        # A preview indexes search once per serve session: the index of the first build stays.
        search = not (_state.get("preview") and _state.get("indexed"))
        for pdf in _build().finish(config.site_dir, search=search):
            log.info("Skrev %s", pdf)
        _state["indexed"] = True
    except PostBuildError as error:
        raise PluginError(str(error)) from None
    outside = external_resources(Path(config.site_dir))
    if outside:
        raise PluginError(external_resources_report(outside))


def on_build_error(error: Exception) -> None:
    # A failed build must not leave a partial site behind to be published by mistake.
    site_dir = _state.get("site_dir")
    if _state.get("command") == "build" and isinstance(site_dir, str) and Path(site_dir).is_dir():
        shutil.rmtree(site_dir)
        log.error(
            "Bygget misslyckades; den ofullständiga webbplatsen i %s har tagits bort.", site_dir
        )


def _build() -> SiteBuild:
    return _state["build"]  # type: ignore[return-value]
