"""Reading content files with line numbers, collecting every problem as a ContentError.

The base of both readers (the handbook in load.py, the berättelse in report/files.py):
a file that cannot be read, parsed or validated adds an error and yields None.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ledningssystem.core.errors import ContentError
from ledningssystem.core.messages import translate
from ledningssystem.core.model.base import Source
from ledningssystem.core.parse_cache import parse_cached
from ledningssystem.core.yaml_lines import LineMap, YamlProblem

M = TypeVar("M", bound=BaseModel)


class ContentReader:
    """Reads files relative to the content root; errors collect in `errors`."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        # Texts read in this run: loading, the personnummer scan and the facts check read
        # the same files, and one run sees each file as it was when first read.
        self._texts: dict[Path, str] = {}

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def add(self, file: str, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.errors.append(ContentError(file, line, field, message, hint))

    def text(self, path: Path) -> str | None:
        if path in self._texts:
            return self._texts[path]
        try:
            text = self._texts[path] = path.read_text(encoding="utf-8-sig")
            return text
        except UnicodeDecodeError:
            self.add(
                self.rel(path),
                None,
                "",
                "filen är inte sparad som UTF-8",
                "Spara om filen med teckenkodningen UTF-8.",
            )
        except OSError as exc:
            self.add(self.rel(path), None, "", f"filen kan inte läsas ({exc.strerror})")
        return None

    def yaml(
        self, path: Path, file: str | None = None, *, line_offset: int = 0, text: str | None = None
    ) -> tuple[Any, LineMap] | None:
        """Parsed YAML of `path` (or of `text` read from it) with its line map, or None."""
        text = self.text(path) if text is None else text
        if text is None:
            return None
        try:
            return _parsed(text, line_offset)
        except YamlProblem as problem:
            self.add(file or self.rel(path), problem.line, "", problem.message)
            return None

    def validate(
        self,
        model: type[M],
        data: Any,
        file: str,
        lines: LineMap,
        prefix: tuple[str | int, ...] = (),
    ) -> M | None:
        """`data` as `model`, remembering where it came from; None after adding its errors."""
        try:
            built = model.model_validate(data)
        except ValidationError as exc:
            self.errors += translate(exc, file, lines, model, prefix)
            return None
        built.with_source(Source(file, sub_lines(lines, prefix)))  # type: ignore[attr-defined]
        return built


def sub_lines(lines: LineMap, prefix: tuple[str | int, ...]) -> LineMap:
    """The line map of the value at `prefix`, addressed from that value itself."""
    if not prefix:
        return lines
    n = len(prefix)
    sub = {path[n:]: line for path, line in lines.lines.items() if path[:n] == prefix}
    return LineMap(offset=lines.offset, lines=sub)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts) of a Markdown file, or None."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in {"---", "..."}:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def parsed_yaml(text: str) -> tuple[Any, LineMap]:
    """parse_yaml(text), remembered by text like every content file's parse (raises
    YamlProblem). Shared between callers and builds: never change the result."""
    return _parsed(text, 0)


@functools.lru_cache(maxsize=8192)
def _parsed(text: str, line_offset: int) -> tuple[Any, LineMap]:
    """parse_yaml, remembered by text: a preview rebuild parses only the files that changed.

    Below this memory, `make check` keeps parses on disk (parse_cache) for its next run.

    The result is shared between builds, so nothing downstream may change it (models are
    validated from it, never written back into it).
    """
    return parse_cached(text, line_offset)


def renders_macros(text: str) -> bool:
    """Whether mkdocs-macros runs the macros of this docs/ page: `render_macros: true` in its
    front matter, read as MkDocs reads it (YAML, so `yes` and `True` count, `ja` does not)."""
    split = split_front_matter(text)
    if split is None:
        return False
    try:
        meta = yaml.safe_load(split[0])
    except yaml.YAMLError:
        return False
    return isinstance(meta, dict) and meta.get("render_macros") is True
