"""The PDF reads its Markdown extensions from mkdocs.yml: a change there reaches the paper too."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.pdf.adapter import markdown_to_html
from ledningssystem.pdf.markdown_config import site_markdown_extensions
from tests.conftest import REPO

TEXT = "Ärendet gick till IVO.\n\n*[IVO]: Inspektionen för vård och omsorg"


def test_the_example_uses_the_sites_extensions_without_toc() -> None:
    extensions = site_markdown_extensions(REPO)
    assert "toc" not in extensions.names
    assert {"admonition", "tables", "pymdownx.superfences"} <= set(extensions.names)


def test_an_extension_added_to_mkdocs_yml_is_used_by_the_pdf(tmp_path: Path) -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "<abbr" not in markdown_to_html(TEXT, site_markdown_extensions(REPO))
    added = config.replace("markdown_extensions:\n", "markdown_extensions:\n  - abbr\n", 1)
    (tmp_path / "mkdocs.yml").write_text(added, encoding="utf-8")
    html = markdown_to_html(TEXT, site_markdown_extensions(tmp_path))
    assert '<abbr title="Inspektionen för vård och omsorg">IVO</abbr>' in html


def test_options_and_python_tags_are_read(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n"
        "  - toc:\n      permalink: true\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "  - footnotes\n",
        encoding="utf-8",
    )
    extensions = site_markdown_extensions(tmp_path)
    assert extensions.names == ("pymdownx.emoji", "footnotes")
    assert extensions.configs == {"pymdownx.emoji": {"emoji_index": None}}
