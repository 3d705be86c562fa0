"""Where every generated page lives, and links between them relative to the current page.

Raw HTML (maps, tables) is not rewritten by MkDocs, so renderers must emit links
relative to the page they are placed on; a Linker does that.
"""

from __future__ import annotations

import posixpath

PROCESS_INDEX = "processer/index.md"
ROUTINE_INDEX = "rutiner/index.md"
ROLE_INDEX = "roller/index.md"
REQUIREMENT_INDEX = "lagkrav/index.md"
CALENDAR_PAGE = "arshjul.md"
DOCUMENT_CONTROL_PAGE = "dokumentstyrning/index.md"
DOCUMENT_CONTROL_CSV = "dokumentstyrning/dokumentstyrning.csv"
DOCUMENT_CONTROL_JSON = "dokumentstyrning/dokumentstyrning.json"
CHANGELOG_PAGE = "andringslogg/index.md"


def process_page(process_id: str) -> str:
    return f"processer/{process_id}.md"


def process_map_page(process_id: str) -> str:
    """The process map on a page of its own: full width, to fit or to scroll."""
    return f"processer/{process_id}/karta.md"


def process_bpmn(process_id: str) -> str:
    """The process as BPMN 2.0 XML, for 2c8, Canea and Camunda (open data)."""
    return f"processer/{process_id}.bpmn"


def routine_page(routine_id: str) -> str:
    return f"rutiner/{routine_id}.md"


def changelog_month_page(year: int, month: int) -> str:
    return f"andringslogg/{year}-{month:02d}.md"


def role_page(role_id: str) -> str:
    return f"roller/{role_id}.md"


def step_anchor(step_id: str) -> str:
    return f"steg-{step_id}"


def requirement_anchor(requirement_id: str) -> str:
    return requirement_id


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page, relative to the site root (e.g. "rutiner/x/")."""
    stem, _ = posixpath.splitext(src_path)
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


class Linker:
    """Builds hrefs from the page being rendered to any other generated page."""

    def __init__(self, current_src: str, directory_urls: bool = True, public: bool = False):
        self.directory_urls = directory_urls
        # On the public site only the berättelse exists: handbook pages are not published.
        self.public = public
        self.base = posixpath.dirname(
            "/" + page_url(current_src, directory_urls).rstrip("/") + "/x"
        )
        if not directory_urls:
            self.base = posixpath.dirname("/" + page_url(current_src, directory_urls))

    def to(self, src_path: str, anchor: str = "") -> str:
        target = "/" + page_url(src_path, self.directory_urls)
        relative = posixpath.relpath(target, self.base)
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        if relative == "./":
            relative = "./"
        return relative + (f"#{anchor}" if anchor else "")

    def process(self, process_id: str) -> str:
        return self.to(process_page(process_id))

    def step(self, process_id: str, step_id: str) -> str:
        return self.to(process_page(process_id), step_anchor(step_id))

    def routine(self, routine_id: str) -> str:
        return self.to(routine_page(routine_id))

    def role(self, role_id: str) -> str:
        return self.to(role_page(role_id))

    def requirement(self, requirement_id: str) -> str:
        return self.to(REQUIREMENT_INDEX, requirement_anchor(requirement_id))

    def page(self, src_path: str, anchor: str = "") -> str:
        return self.to(src_path, anchor)

    def published(self, src_path: str) -> bool:
        """Whether the page `src_path` exists on the site this Linker links within."""
        return not self.public or is_public_page(src_path)

    def file(self, path: str) -> str:
        """A non-page file of the site (e.g. open data), copied as it is."""
        return posixpath.relpath("/" + path, self.base)


REPORT_INDEX = "kvalitetsberattelse/index.md"


def report_page(year: int) -> str:
    return f"kvalitetsberattelse/{year}.md"


def report_data(year: int, suffix: str) -> str:
    """Open data of one year: kvalitetsberattelse/<år>/nyckeltal.json or .csv."""
    return f"kvalitetsberattelse/{year}/nyckeltal.{suffix}"


def report_pdf(year: int) -> str:
    """The PDF of one year, beside its open data (written when the build makes PDFs)."""
    return f"kvalitetsberattelse/{year}/kvalitetsberattelse-{year}.pdf"


PUBLIC_INDEX = "index.md"


# Hand-written pages of docs/ for the public site only (e.g. its tillgänglighetsredogörelse).
PUBLIC_DOCS_FOLDER = "publik/"


def is_public_page(src_path: str) -> bool:
    """Pages of the public site: its start page, the berättelse and docs/publik/."""
    return src_path == PUBLIC_INDEX or src_path.startswith(
        ("kvalitetsberattelse/", PUBLIC_DOCS_FOLDER)
    )


PUBLIC_ASSET_FOLDERS = ("stylesheets/", "javascripts/")


def is_public_asset(src_path: str) -> bool:
    """Files of docs/ the public site also needs: its look, never a handbook page."""
    return src_path.startswith(PUBLIC_ASSET_FOLDERS) and not src_path.endswith(".md")


def in_public_docs(src_path: str) -> bool:
    """A file of docs/ that the public site publishes: its look and docs/publik/."""
    return is_public_asset(src_path) or src_path.startswith(PUBLIC_DOCS_FOLDER)


def in_handbook_docs(src_path: str) -> bool:
    """A file of docs/ that the handbook publishes: everything but docs/publik/."""
    return not src_path.startswith(PUBLIC_DOCS_FOLDER)
