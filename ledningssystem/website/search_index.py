"""The site's search index: Pagefind run over the built HTML, after MkDocs has written it.

Why Pagefind and not Material's search: Material's search_index.json holds the full text of
every page and is downloaded whole before the first result (15 MB at 2,000 pages). Pagefind
splits its index into small chunks and a query loads only the chunks it needs; it stems
Swedish, runs offline, and its binary ships inside the PyPI wheel.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

# Only the article is indexed (the main.html override marks it with data-pagefind-body);
# these parts of it are page furniture, not content. Diagram labels (SVG) repeat the text
# alternative beside each diagram, which is indexed.
EXCLUDED = (".headerlink", ".md-source-file", ".md-content__button", "svg")
BUNDLE_DIR = "pagefind"
ALL_PAGES = "**/*.html"
# The public site searches the berättelse of each year, not its start or help pages.
REPORT_YEAR_PAGES = "kvalitetsberattelse/*/index.html"


class SearchIndexError(Exception):
    """Pagefind could not index the site (a message in Swedish)."""


def build_search_index(site_dir: Path | str, pages: str = ALL_PAGES) -> Path:
    """Index the pages matching the glob `pages` in `site_dir` with Swedish stemming.

    Returns the bundle folder.
    """
    site = Path(site_dir)
    command = [
        str(_executable()),
        "--site",
        str(site),
        "--glob",
        pages,
        "--output-subdir",
        BUNDLE_DIR,
        "--force-language",
        "sv",
        "--exclude-selectors",
        ", ".join(EXCLUDED),
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            "Sökindexet kunde inte byggas (Pagefind avslutades med kod "
            f"{result.returncode}): {(result.stderr or result.stdout).strip()}"
        )
    return site / BUNDLE_DIR


def _executable() -> Path:
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
    except ImportError:
        raise SearchIndexError(
            "Pagefind saknas. Installera beroendena igen: make install (eller "
            "pip install -r requirements.lock)."
        ) from None
    return Path(get_executable())
