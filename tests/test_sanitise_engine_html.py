"""Every kind of HTML the engine and Markdown make passes the sanitiser unchanged.

tests/test_sanitise_diagrams.py holds the diagrams to it; this builds the fixture portal and
year (tests/fixtures, not the example content) with a rutin that uses every construct an
author writes, records each page's content before and after the sanitiser, and compares
their elements and attributes: generated tables, status badges, details/summary, cards,
the berättelse's blocks and charts, RACI, the årshjul, abbr, admonitions and code blocks.
"""

from __future__ import annotations

import shutil
from collections import Counter

import nh3
import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, build_site
from tests.golden_cases import CASES, build_root, read_case

GLUE = ("mkdocs.yml", "docs", "hooks", "macros", "overrides")
AUTHOR_MARKUP = """
!!! note "Tänk på"
    En anmärkning med **fetstil** och [en länk](../index.md).

??? info "Mer om avvikelser"
    Hopfälld text.

| Steg | Vem |
|---|---|
| 1 | <abbr title="Medicinskt ansvarig sjuksköterska">MAS</abbr> |

```python
print("kod")
```

Tryck <kbd>Ctrl</kbd>+<kbd>S</kbd>, H<sub>2</sub>O, x<sup>2</sup>.

<details markdown="1"><summary>Bakgrund</summary>

Text i en details.

</details>

<div class="ls-card" markdown="1">Ett kort.</div>
"""
# One marker per kind of markup the comparison must have seen, as (tag, class or "").
KINDS = {
    ("table", ""), ("details", ""), ("summary", ""), ("abbr", ""), ("kbd", ""),
    ("div", "admonition"), ("code", ""), ("pre", ""), ("span", "ls-badge"),
    ("figure", "ls-chart"), ("svg", "ls-arshjul"), ("a", "ls-hotspot"), ("figure", ""),
}  # fmt: skip


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    return [
        (tag.name, {k: " ".join(v) if isinstance(v, list) else v for k, v in tag.attrs.items()})
        for tag in BeautifulSoup(html, "html.parser").find_all(True)
    ]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(content before, content after) the sanitiser for every page of the fixture build."""
    root = build_root(read_case(CASES / "berattelse-2025"), tmp_path_factory.mktemp("html"))
    for name in GLUE:
        source = REPO / name
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, root / name)
    routine = root / "routines" / "rapportera-avvikelse.md"
    routine.write_text(routine.read_text(encoding="utf-8") + AUTHOR_MARKUP, encoding="utf-8")
    seen: list[tuple[str, str]] = []
    clean = nh3.clean

    def recording(html: str, *args: object, **kwargs: object) -> str:
        after = clean(html, *args, **kwargs)  # type: ignore[arg-type]
        seen.append((html, after))
        return after

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nh3, "clean", recording)
        build_site(root)
    return seen


def test_every_kind_of_markup_was_compared(pages: list[tuple[str, str]]) -> None:
    found = set()
    for before, _ in pages:
        for tag, attrs in _elements(before):
            found.add((tag, ""))
            found.update((tag, c) for c in attrs.get("class", "").split())
    assert KINDS - found == set()


def test_sanitising_keeps_every_element_and_attribute(pages: list[tuple[str, str]]) -> None:
    lost: Counter[str] = Counter()
    for before, after in pages:
        lost.update(_counted(before) - _counted(after))
        lost.update(f"tillagt: {e}" for e in _counted(after) - _counted(before) if "tbody" not in e)
    assert not lost, lost.most_common(20)


def _counted(html: str) -> Counter[str]:
    # markdown="0" is md_in_html's instruction to itself, left on a few blocks; no browser
    # reads it, so the sanitiser may drop it. nh3 adds the <tbody> a browser would infer.
    return Counter(
        repr((tag, {k: v for k, v in attrs.items() if k != "markdown"}))
        for tag, attrs in _elements(html)
    )
