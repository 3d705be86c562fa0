"""Tables in plain Markdown, for text read outside the site (pull request comments, reports)."""

from __future__ import annotations

from collections.abc import Sequence


def markdown_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A pipe table, with a bold title line above it when `title` is given."""
    lines = [f"**{title}**", ""] if title else []
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(markdown_cell(str(v)) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown_cell(text: str) -> str:
    """One cell's text: a pipe would end the cell and a newline the row."""
    return text.replace("|", "\\|").replace("\n", " ")
