"""The Markdown extensions the PDF uses: the site's own, read from its mkdocs.yml.

So narrative text reads the same on paper as on the web; only `toc` is left out (narrative
headings need no anchors, and generated ids could collide with the sections' own).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"
_NOT_IN_PRINT = {"toc"}


@dataclass(frozen=True)
class MarkdownExtensions:
    names: tuple[str, ...]
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


class MarkdownConfigMissing(Exception):
    """The content root has no mkdocs.yml to read the Markdown extensions from (Swedish)."""


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; the extension list never needs them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, s, node: None)


def site_markdown_extensions(root: Path) -> MarkdownExtensions:
    """`markdown_extensions:` of `root`/mkdocs.yml (names and options), without toc."""
    path = root / CONFIG_FILE
    if not path.is_file():
        raise MarkdownConfigMissing(
            f"{CONFIG_FILE} saknas i {root}: PDF:en skrivs med webbplatsens Markdown-inställningar "
            f"därifrån. Kör kommandot i portalens mapp (där {CONFIG_FILE} ligger)."
        )
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    names: list[str] = []
    configs: dict[str, Mapping[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name in _NOT_IN_PRINT:
            continue
        names.append(name)
        if options:
            configs[name] = options
    return MarkdownExtensions(tuple(names), configs)
