"""Everything a site build needs, prepared once before any page renders."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ledningssystem.core.load import content_paths
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.routine_assets import routine_assets
from ledningssystem.doccontrol.history import read_history
from ledningssystem.pdf.engine import SystemLibrariesMissing
from ledningssystem.pdf.site import write_year_pdfs
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.website.pages import BuildContext, Page, generate_pages
from ledningssystem.website.pages.report import site_reports
from ledningssystem.website.search_index import (
    ALL_PAGES,
    REPORT_YEAR_PAGES,
    SearchIndexError,
    build_search_index,
)

# mkdocs.yml `extra:` keys that choose what a build makes (mkdocs.public.yml sets the first).
SITE_KEY = "ledningssystem_site"  # "handbok" (default) or "public"
DRAFTS_KEY = "ledningssystem_utkast"  # public site: also berättelser not yet fastställda
PDF_KEY = "ledningssystem_pdf"  # write each year's PDF and link it from the year page
SITE_KINDS = ("handbok", "public")
# Environment variables that override the yes/no options (set by make build / make public).
ENVIRONMENT = {DRAFTS_KEY: "LEDNINGSSYSTEM_UTKAST", PDF_KEY: "LEDNINGSSYSTEM_PDF"}


class BuildOptionError(ValueError):
    """A build option in mkdocs.yml has a value the portal does not know (Swedish message)."""


class PostBuildError(RuntimeError):
    """A step after MkDocs wrote the pages failed: PDFs or the search index (Swedish message)."""


@dataclass(frozen=True)
class SiteBuild:
    """The validated content, the build context and the generated pages of one build."""

    content: Ledningssystem
    context: BuildContext
    pages: list[Page]
    # Filled by the macros glue while pages render; reported together before any page is written.
    macro_errors: list[str] = field(default_factory=list)
    # Site path → file of the images beside the rutiner (routine_assets), published as they are.
    assets: dict[str, Path] = field(default_factory=dict)

    def macro_report(self) -> str | None:
        """All macro errors of the build as one Swedish message, or None."""
        if not self.macro_errors:
            return None
        errors = sorted(set(self.macro_errors))
        return "\n".join(
            [f"Makron i docs/ har {len(errors)} fel som måste rättas:"] + [f"  {e}" for e in errors]
        )

    @cached_property
    def _edit_paths(self) -> dict[str, str | None]:
        return {page.src: page.edit_path for page in self.pages}

    def edit_url(self, src: str) -> str | None:
        """The "Redigera sidan" link of the page at `src` (generated or in docs/), if any."""
        pattern = self.content.settings.git.edit_url
        if self.context.public or not pattern:  # public readers cannot reach the repository
            return None
        edit_path = self._edit_paths.get(src, f"docs/{src}")
        return pattern.format(path=edit_path) if edit_path else None

    def finish(self, site_dir: Path | str, search: bool = True) -> list[Path]:
        """After MkDocs wrote the pages: the PDFs the year pages link to, and the search index.

        Returns the PDFs written. The public site's search covers the berättelse years only.
        """
        written: list[Path] = []
        try:
            if self.context.pdf:
                written = _write_pdfs(self.content, self.context, site_dir)
            if search:
                build_search_index(
                    site_dir, REPORT_YEAR_PAGES if self.context.public else ALL_PAGES
                )
        except SearchIndexError as error:
            raise PostBuildError(str(error)) from None
        return written


def prepare_build(
    root: Path | str, directory_urls: bool = True, options: Mapping[str, object] | None = None
) -> SiteBuild:
    """Load and validate the content under `root` and generate its pages (raises ContentErrors).

    `options` are mkdocs.yml's `extra:` (SITE_KEY, DRAFTS_KEY, PDF_KEY; the latter two
    overridden by ENVIRONMENT); raises BuildOptionError.
    """
    options = options or {}
    site = options.get(SITE_KEY) or "handbok"
    if site not in SITE_KINDS:
        raise BuildOptionError(
            f"{SITE_KEY}: okänt värde {site!r} i mkdocs-konfigurationen. "
            f"Välj en av: {', '.join(SITE_KINDS)}."
        )
    public = site == "public"
    content = load_ledningssystem(root)
    context = BuildContext(
        directory_urls=directory_urls,
        history=read_history(root, start=content.settings.document_control.history_start),
        public=public,
        drafts=not public or _flag(options, DRAFTS_KEY),
        pdf=_flag(options, PDF_KEY),
    )
    assets = {} if public else routine_assets(root)
    return SiteBuild(content, context, generate_pages(content, context), assets=assets)


# One prepared build per root and options, shared by every entry into the engine (the MkDocs
# hook, the macros glue, an export): the content is loaded and validated once, and neither
# entry depends on state the other one left behind.
_SHARED: dict[tuple[str, bool, str], tuple[tuple[int, int], SiteBuild]] = {}


def shared_build(
    root: Path | str, directory_urls: bool = True, options: Mapping[str, object] | None = None
) -> SiteBuild:
    """The prepared build of `root`, reused while no content or docs/ file has changed."""
    resolved = Path(root).resolve()
    plain = {k: str(v) for k, v in (options or {}).items() if k in (SITE_KEY, DRAFTS_KEY, PDF_KEY)}
    variables = {v: os.environ.get(v, "") for v in ENVIRONMENT.values()}
    key = (str(resolved), directory_urls, repr(sorted({**plain, **variables}.items())))
    stamp = _content_stamp(resolved)
    cached = _SHARED.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    build = prepare_build(resolved, directory_urls, options)
    _SHARED.clear()  # keep only the latest build: a serve session must not grow without end
    _SHARED[key] = (stamp, build)
    return build


def _content_stamp(root: Path) -> tuple[int, int]:
    """(number of files, newest modification time) of the content and docs/: cheap to compare."""
    count, newest = 0, 0
    for top in [*content_paths(root), root / "docs"]:
        paths = [top] if top.is_file() else top.rglob("*") if top.is_dir() else []
        for path in paths:
            stat = path.stat()
            count, newest = count + 1, max(newest, stat.st_mtime_ns)
    return count, newest


def _flag(options: Mapping[str, object], key: str) -> bool:
    """A yes/no option: its environment variable, else mkdocs.yml; true/false or ja/nej."""
    variable = ENVIRONMENT[key]
    source, value = (
        (variable, os.environ[variable]) if variable in os.environ else (key, options.get(key))
    )
    if isinstance(value, bool) or value is None:
        return bool(value)
    text = str(value).strip().lower()
    if text in ("ja", "true", "1"):
        return True
    if text in ("nej", "false", "0", ""):
        return False
    raise BuildOptionError(f"{source}: {value!r} är inget giltigt värde. Skriv ja eller nej.")


def _write_pdfs(content: Ledningssystem, context: BuildContext, site_dir: Path | str) -> list[Path]:
    reports = site_reports(content, context)
    if reports is None:
        return []
    try:
        return write_year_pdfs(content, reports, site_dir)
    except SystemLibrariesMissing as error:
        raise PostBuildError(f"{error}\nEller bygg utan PDF: make build PDF=nej") from None
