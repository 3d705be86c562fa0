"""Everything a site build needs, prepared once before any page renders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.file_names import content_paths
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.parse_cache import PARSE_CACHE_FOLDER, parse_cache_in
from ledningssystem.core.routine_assets import routine_assets
from ledningssystem.core.scan_memo import tree_stamp
from ledningssystem.doccontrol.history import read_history
from ledningssystem.pdf.engine import SystemLibrariesMissing
from ledningssystem.pdf.jobs import PdfJobs
from ledningssystem.pdf.site import year_pdfs
from ledningssystem.portal.load import load_content
from ledningssystem.website.macro_page_check import macro_page_errors
from ledningssystem.website.map_cache import MAP_CACHE_FOLDER, MapCache
from ledningssystem.website.options import BuildOptions
from ledningssystem.website.pages import BuildContext, Page, generate_pages
from ledningssystem.website.pages.memo import (
    PageMemo,
    listed_digests,
    outline_digest,
    shared_digest,
    source_digests,
)
from ledningssystem.website.pages.report import site_reports
from ledningssystem.website.search_index import (
    ALL_PAGES,
    REPORT_YEAR_PAGES,
    SearchIndexError,
    build_search_index,
)


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

    def start_pdfs(self) -> PdfJobs | None:
        """Start rendering the PDFs the year pages link to, in other processes, while the pages
        render (None when this build makes none); `finish` writes them. Raises PostBuildError."""
        return self._pdfs(background=True)

    def finish(
        self, site_dir: Path | str, search: bool = True, pdfs: PdfJobs | None = None
    ) -> list[Path]:
        """After MkDocs wrote the pages: the search index, and the PDFs the year pages link to
        (those of `pdfs` from start_pdfs, else rendered now).

        Returns the PDFs written. The public site's search covers the berättelse years only.
        """
        try:
            if search:  # first: Pagefind runs while the workers finish the PDFs
                build_search_index(
                    site_dir, REPORT_YEAR_PAGES if self.context.public else ALL_PAGES
                )
            jobs = pdfs or self._pdfs(background=False)
            return jobs.write(site_dir) if jobs else []
        except SearchIndexError as error:
            raise PostBuildError(str(error)) from None
        except SystemLibrariesMissing as error:  # in a worker
            raise _without_libraries(error) from None
        finally:
            if pdfs is not None:
                pdfs.cancel()

    def _pdfs(self, background: bool) -> PdfJobs | None:
        reports = site_reports(self.content, self.context) if self.context.pdf else None
        if reports is None:
            return None
        try:
            return year_pdfs(self.content, reports, background)
        except SystemLibrariesMissing as error:
            raise _without_libraries(error) from None


def prepare_build(
    root: Path | str,
    directory_urls: bool = True,
    options: BuildOptions | Mapping[str, object] | None = None,
    previous: PageMemo | None = None,
) -> SiteBuild:
    """Load and validate the content under `root` and generate its pages (raises ContentErrors).

    `options` are BuildOptions, or mkdocs.yml's `extra:` to read them from (BuildOptionError).
    With the `previous` build's memo, document pages whose inputs did not change are reused.
    """
    chosen = options if isinstance(options, BuildOptions) else BuildOptions.read(options)
    content, errors = load_content(root)
    # The macros of docs/ pages are checked before mkdocs-macros may run any of them.
    errors += macro_page_errors(Path(root), content, directory_urls, chosen.public)
    if errors:
        raise ContentErrors(errors)
    history = read_history(root, start=content.settings.document_control.history_start)
    memo = PageMemo()
    if previous is not None:
        digests = source_digests(Path(root))
        shared = shared_digest(digests, content.today, (directory_urls, chosen))
        listed = listed_digests(content.processes.values(), digests)
        outline = outline_digest(digests, shared, history)
        listed_outline = outline_digest(digests, shared, history, listed)
        memo = previous.next(digests, shared, outline, listed, listed_outline)
    context = BuildContext(
        directory_urls=directory_urls,
        history=history,
        public=chosen.public,
        drafts=chosen.drafts,
        pdf=chosen.pdf,
        memo=memo,
        maps=MapCache(Path(root) / MAP_CACHE_FOLDER),
    )
    assets = {} if chosen.public else routine_assets(root)
    return SiteBuild(content, context, generate_pages(content, context), assets=assets)


# One prepared build per root and options, shared by every entry into the engine (the MkDocs
# hook, the macros glue, an export): the content is loaded and validated once, and neither
# entry depends on state the other one left behind.
_SHARED: dict[tuple[str, bool, BuildOptions], tuple[tuple[int, int], SiteBuild]] = {}


def shared_build(
    root: Path | str, directory_urls: bool = True, options: Mapping[str, object] | None = None
) -> SiteBuild:
    """The prepared build of `root`, reused while no content or docs/ file has changed."""
    resolved = Path(root).resolve()
    chosen = BuildOptions.read(options)
    key = (str(resolved), directory_urls, chosen)
    stamp = _content_stamp(resolved)
    cached = _SHARED.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    # Parsed YAML is kept on disk as for `check`: a second build parses only changed files.
    with parse_cache_in(resolved / PARSE_CACHE_FOLDER):
        build = prepare_build(resolved, directory_urls, chosen, _last_memo())
    _SHARED.clear()  # keep only the latest build: a serve session must not grow without end
    _SHARED[key] = (stamp, build)
    return build


def _last_memo() -> PageMemo:
    """The page memo of the latest shared build (an empty one before the first)."""
    return next((build.context.memo for _, build in _SHARED.values()), PageMemo())


def _content_stamp(root: Path) -> tuple[int, int]:
    """(number of entries, newest modification time) of the content and docs/."""
    stamps = [tree_stamp(top) for top in [*content_paths(root), root / "docs"]]
    return sum(count for count, _ in stamps), max((newest for _, newest in stamps), default=0)


def _without_libraries(error: SystemLibrariesMissing) -> PostBuildError:
    return PostBuildError(f"{error}\nEller bygg utan PDF: make build PDF=nej")
