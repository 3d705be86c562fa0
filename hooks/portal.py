"""MkDocs glue: load and validate once, add the generated pages, never leave a half-built site.

All logic lives in the engine (ledningssystem.website.build); this file only connects events.
"""

from __future__ import annotations

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
from ledningssystem.core.load import content_paths
from ledningssystem.core.sanitise import sanitise_html
from ledningssystem.core.urls import in_handbook_docs, in_public_docs
from ledningssystem.website.build import PostBuildError, SiteBuild, shared_build
from ledningssystem.website.options import BuildOptionError
from ledningssystem.website.pages.content_errors import (
    ERROR_PAGE_TITLE,
    ERROR_PREVIEW_KEY,
    content_error_pages,
)
from ledningssystem.website.preview import PREVIEW_FOLDER, macro_pages, write_preview_pages
from ledningssystem.website.resources import external_resources, external_resources_report

log = logging.getLogger("mkdocs.plugins.ledningssystem")
# Not under "mkdocs.": under --strict a warning there would fail the error page's build too.
serve_log = logging.getLogger("ledningssystem.serve")
_state: dict[str, object] = {}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["preview"] = command == "serve" and dirty
    if _state["preview"]:
        # make serve asks for dirty rebuilds on purpose (see ledningssystem.website.preview); MkDocs'
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
        if _state.get("command") != "serve":
            raise PluginError(errors.report()) from None
        # The preview shows the errors in the browser instead of hanging every request.
        serve_log.warning("%s", errors.report())
        _state["build"], _state["errors"], _state["after_errors"] = None, errors, True
        config.nav = [{ERROR_PAGE_TITLE: "index.md"}]
        config.extra[ERROR_PREVIEW_KEY] = True
        return config
    except BuildOptionError as error:
        raise PluginError(str(error)) from None
    _state["build"], _state["errors"] = build, None  # the macros glue gets it from the engine
    return config


def on_serve(server, config: MkDocsConfig, builder):  # noqa: ANN001, ANN201 - livereload types
    # Content lives outside docs/: rebuild when it changes under `make serve`.
    for path in content_paths(Path(config.config_file_path).parent):
        server.watch(str(path))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    errors = _state.get("errors")
    if isinstance(errors, ContentErrors):
        return _error_files(files, config, errors)
    # The two sites share docs/: the public one takes its look and docs/publik/, the
    # handbook everything else (theme files, from outside docs/, always stay).
    keep = in_public_docs if _build().context.public else in_handbook_docs
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if docs in Path(f.abs_src_path or "").resolve().parents]:
        if not keep(file.src_uri):
            files.remove(file)
    if _state.get("preview"):
        files = _preview_files(files, config)
        if _state.pop("after_errors", False):  # the error page overwrote the start page
            _render_again(files, config, "index.md")
        return files
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


def _error_files(files: Files, config: MkDocsConfig, errors: ContentErrors) -> Files:
    """The preview of content with errors: the error page at every address, nothing else."""
    for file in [f for f in files if f.src_uri.endswith(".md")]:
        files.remove(file)
    for page in content_error_pages(errors):
        inclusion = InclusionLevel.NOT_IN_NAV if page.dest else InclusionLevel.INCLUDED
        file = File.generated(config, page.src, content=page.markdown, inclusion=inclusion)
        if page.dest:  # 404.html, which the preview answers for every unknown address
            file.dest_uri = page.dest
            file.url = page.dest
        files.append(file)
    return files


def _render_again(files: Files, config: MkDocsConfig, src: str) -> None:
    # A dirty rebuild renders only sources newer than their output; this output is newer.
    old = files.get_file_from_path(src)
    if old is not None and old.abs_src_path:
        files.remove(old)
        text = Path(old.abs_src_path).read_text(encoding="utf-8")
        files.append(File.generated(config, src, content=text, inclusion=old.inclusion))


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
