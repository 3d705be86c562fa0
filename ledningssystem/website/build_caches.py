"""The disk caches a build reads and fills under .cache/, and pruning them after a good build.

Parsed YAML (core.parse_cache), held HTML (website.held_html), process maps
(website.map_cache) and the berättelser's PDFs (pdf.cache) are each keyed on everything their
entries follow from, so they never go stale but do grow: every edit leaves entries nothing
reads again. A successful build has stamped every entry it used; what no build or preview has
used for a week goes (core.cache_files).
A failed build prunes nothing: it may have stopped before using what the next one needs.
"""

from __future__ import annotations

from pathlib import Path

from ledningssystem.core.cache_files import prune_unused
from ledningssystem.core.parse_cache import PARSE_CACHE_FOLDER
from ledningssystem.pdf.cache import PDF_CACHE_FOLDER
from ledningssystem.website.held_html import HTML_CACHE_FOLDER
from ledningssystem.website.map_cache import MAP_CACHE_FOLDER

BUILD_CACHE_FOLDERS = (PARSE_CACHE_FOLDER, HTML_CACHE_FOLDER, MAP_CACHE_FOLDER, PDF_CACHE_FOLDER)


def prune_build_caches(root: Path, now: float | None = None) -> int:
    """Remove the unused entries of the build's caches under `root`; how many were removed."""
    return sum(prune_unused(root / folder, now) for folder in BUILD_CACHE_FOLDERS)
