"""Finished HTML in a generated page: markup the engine built whole, which Markdown need not parse.

Generated pages are Markdown with large blocks of the engine's own HTML (process maps, RACI
tables, history tables, the Ändringslogg, a role's steps), and Markdown parses each block again
to find where it ends (md_in_html) and MkDocs parses it once more to collect its ids. A page
template marks such a block with the `finished` filter; before conversion the block is swapped
for a short placeholder paragraph, and after it the block is put back (`FinishedSplit.restore`),
so the HTML is the same byte for byte, only not parsed. The ids of the blocks are returned apart
(`anchor_ids`), as MkDocs would have found them, so links into them still validate.

A block is taken out only where leaving it in gives the same HTML: it stands alone between
blank lines (or with a heading on the line after its last), opens with a block-level tag, asks
for no Markdown inside (`markdown=`), holds nothing Markdown would normalise (tabs, carriage
returns, lines of spaces), and has no blank line but before a closing tag (between two
top-level blocks Markdown keeps one line end, and after one it reads text as Markdown). Any
other marked block stays in the Markdown (unmarked), and a page whose placeholders did not
come through intact is to be converted whole (restore gives None). Unmarked Markdown
(`unmarked`) is the page as before: what a build without the portal's hooks (the export) reads.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup

START, END = "<!--ls-finished-->", "<!--/ls-finished-->"
_BLOCK = re.compile(re.escape(START) + "(.*?)" + re.escape(END), re.DOTALL)
_TOKEN = "lsfinishedhtml"  # a page containing this word is converted whole
_PLACEHOLDER = re.compile(rf"<p>{_TOKEN}(\d+)x</p>")
# Markdown's block-level tags a portal block opens with (markdown.util.BLOCK_LEVEL_ELEMENTS).
_OPENS_BLOCK = re.compile(r"<(?:div|table|p|ul|ol|dl|details|figure|section|nav)[\s>]")
_NORMALISED = re.compile(r"[\t\r\x02\x03]|\n +\n|\n\n(?!</)|\bmarkdown=")
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*)")
_ANCHOR_ATTR = re.compile(r"\s(id|name)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# A heading on the very next line: Markdown ends the raw block before it, as after a blank line.
_HEADING_NEXT = re.compile(r"\n#{1,6} ")


def finished(markup: str) -> Markup:
    """Jinja filter: `markup` marked as finished HTML (built by the engine, no Markdown in it)."""
    return Markup(f"{START}{markup}{END}")


def unmarked(markdown: str) -> str:
    """`markdown` without the marks: the page exactly as Markdown is to read it whole."""
    if START not in markdown:
        return markdown
    return markdown.replace(START, "").replace(END, "")


@dataclass(frozen=True)
class FinishedSplit:
    """A page's Markdown with its finished blocks taken out, and the blocks."""

    markdown: str  # without marks, a placeholder paragraph for each block taken out
    blocks: tuple[str, ...]
    marked: str  # the page's Markdown as generated

    @property
    def whole(self) -> str:
        """The page's Markdown without marks, every block in it: to convert it whole."""
        return unmarked(self.marked)

    def restore(self, converted: str) -> str | None:
        """The converted HTML with each block back in its placeholder's place; None when the
        placeholders did not come through one each (then convert `whole`)."""
        if not self.blocks:
            return converted
        seen: list[int] = []

        def block(match: re.Match[str]) -> str:
            seen.append(int(match.group(1)))
            return self.blocks[seen[-1]] if seen[-1] < len(self.blocks) else ""

        # Markdown strips its whole output: a block at the page's end ends without a line end.
        restored = _PLACEHOLDER.sub(block, converted).strip()
        return restored if sorted(seen) == list(range(len(self.blocks))) else None

    def anchor_ids(self) -> set[str]:
        """The ids the blocks hold, as MkDocs collects them from raw HTML (id, and name on a)."""
        found: set[str] = set()
        for text in self.blocks:
            for tag in _START_TAG.finditer(text):
                for attr in _ANCHOR_ATTR.finditer(tag.group(2)):
                    if attr.group(1) == "id" or tag.group(1).lower() == "a":
                        found.add(html.unescape(attr.group(2) or attr.group(3) or ""))
        found.discard("")
        return found


def split_finished(markdown: str) -> FinishedSplit | None:
    """`markdown` with its finished blocks taken out (those that can be), None without marks."""
    if START not in markdown:
        return None
    if _TOKEN in markdown:
        return FinishedSplit(unmarked(markdown), (), markdown)
    blocks: list[str] = []
    parts: list[str] = []
    last = 0
    for match in _BLOCK.finditer(markdown):
        text = match.group(1)
        parts.append(markdown[last : match.start()])
        if _stands_alone(markdown, match.start(), match.end()) and _verbatim(text):
            # The line ends stay too: a blank line may be the block's last one and the next.
            parts.append(f"{_TOKEN}{len(blocks)}x" + "\n" * (len(text) - len(text.rstrip("\n"))))
            blocks.append(text)
        else:
            parts.append(text)
        last = match.end()
    parts.append(markdown[last:])
    return FinishedSplit(unmarked("".join(parts)), tuple(blocks), markdown)


def _stands_alone(markdown: str, start: int, end: int) -> bool:
    """A block of its own: a blank line (or the page's edge) before and after it."""
    before = start == 0 or markdown.endswith("\n\n", 0, start)
    if markdown.endswith(f"{END}\n", 0, start):  # right after another block: its line end
        before = markdown.endswith(f"\n{END}\n", 0, start)
    at_end = end == len(markdown) or (end == len(markdown) - 1 and markdown[end] == "\n")
    ends_line = markdown.endswith("\n", 0, end - len(END))  # the block's last line ends in it
    after = at_end or markdown.startswith("\n\n", end) or (ends_line and markdown[end] == "\n")
    heading_next = not ends_line and bool(_HEADING_NEXT.match(markdown, end))
    return before and (after or heading_next)


def _verbatim(text: str) -> bool:
    """Markdown would give `text` back as it is: one or more raw blocks, nothing normalised."""
    return bool(_OPENS_BLOCK.match(text)) and not _NORMALISED.search(text)
