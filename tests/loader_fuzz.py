"""Property tests for content loaders: any input ends in a model or a ContentError.

Reusable by every loader (report data, CSV import, …): describe the file with a
`LoaderCase` (where it lives, a valid example, the keys it knows) and add it to the table in
tests/test_loaders_fuzz.py, or call `assert_loads_or_reports` from your own @given test with
`content_texts(case)` as the strategy. Hypothesis then feeds the loader mutated copies of the
valid text, random YAML built from the known keys, and plain garbage.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from ledningssystem.core.errors import ContentError, ContentErrors
from ledningssystem.portal.load import load_ledningssystem

Loader = Callable[[Path], Any]


@dataclass(frozen=True)
class LoaderCase:
    """One kind of content file and how to load the content root that holds it."""

    name: str
    path: str  # relative to the content root
    valid: str  # a valid text of the file
    keys: tuple[str, ...]  # the keys the file knows, to build plausible YAML from
    front_matter: bool = False  # Markdown with YAML front matter (rutiner)
    load: Loader = load_ledningssystem


# Characters that mean something in YAML or Markdown, plus Swedish letters and odd space.
_SPECIAL = ":-[]{}#&*!|>'\"%@`,?\t\n åäöÅÄÖé\u00a0\ufeff\\"
_characters = st.characters(blacklist_categories=("Cs",))
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.text(_characters, max_size=20),
    st.sampled_from(["2025-02-30", "2025-01-01", "1.10", "gällande", "R", "A", "x-y", "@a"]),
)


def _values(keys: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.recursive(
        _scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.sampled_from(keys) | st.text(max_size=6), inner, max_size=5),
        ),
        max_leaves=25,
    )


def content_texts(case: LoaderCase) -> st.SearchStrategy[str]:
    """Texts for `case`'s file: mutated valid text, YAML from its keys, and garbage."""
    structured = st.dictionaries(st.sampled_from(case.keys), _values(case.keys), max_size=12).map(
        lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    )
    if case.front_matter:
        structured = structured.map(lambda text: f"---\n{text}---\n\n# Rubrik\n")
    garbage = st.text(st.sampled_from(_SPECIAL) | _characters, max_size=200)
    return st.one_of(_mutations(case.valid), structured, garbage)


def _mutations(valid: str) -> st.SearchStrategy[str]:
    return st.builds(_mutate, st.just(valid), st.randoms(use_true_random=False), st.integers(1, 4))


def _mutate(text: str, rng: random.Random, times: int) -> str:
    for _ in range(times):
        lines = text.splitlines(keepends=True) or ["\n"]
        i = rng.randrange(len(lines))
        action = rng.randrange(6)
        if action == 0:
            del lines[i]
        elif action == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif action == 2:
            lines[i] = "  " + lines[i] if rng.random() < 0.5 else lines[i].lstrip()
        elif action == 3:
            key, sep, _ = lines[i].partition(":")
            junk = rng.choice(["", "[", "{a: 1}", "- x", "''", "ja", "9999-99-99", "*x", "åäö"])
            lines[i] = f"{key}{sep or ':'} {junk}\n"
        elif action == 4:
            at = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + rng.choice(_SPECIAL) + lines[i][at:]
        else:
            lines[i] = lines[i].replace(":", "", 1)
        text = "".join(lines)
    return text


def assert_loads_or_reports(case: LoaderCase, root: Path, text: str) -> None:
    """Write `text` as `case`'s file under `root` and load: a model or located ContentErrors.

    Any other exception escapes and fails the test with the input that caused it.
    """
    target = root / case.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    try:
        loaded = case.load(root)
    except ContentErrors as errors:
        assert errors.errors, "ContentErrors utan fel"
        for error in errors.errors:
            assert error.file and not error.file.startswith("/"), error
            assert _sealed_file_changed(case, error) or (
                error.line is not None and error.line >= 1
            ), error
            assert error.message, error
            assert "Traceback" not in error.message, error
        return
    assert loaded is not None


def _sealed_file_changed(case: LoaderCase, error: ContentError) -> bool:
    """The one error that may lack a line: the fuzzed file is an input of the example's
    fastställd 2024 (its organisation names) and the copy has no Git history to find the
    changed line in, which the message says, with what to do."""
    return (
        error.file == case.path
        and error.line is None
        and error.message.startswith("året 2024 är fastställt och filen har ändrats efter beslutet")
        and "Vilken rad som ändrats går inte att säga utan Git-historik" in error.hint
        and "make faststall YEAR=2024" in error.hint
    )
