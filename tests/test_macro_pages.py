"""Hostile or mistaken Jinja on docs/ pages: a Swedish message with file and line, never a
traceback, from `check` and from the build alike (cases in tests/fixtures/makron/fall.yml)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.reading import renders_macros
from ledningssystem.core.urls import Linker
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.data import Narrative
from ledningssystem.report.narrative import resolve_figures
from ledningssystem.website.macro_api import MacroContext
from ledningssystem.website.macro_page_check import macro_page_errors, page_errors
from tests.conftest import REPO, TINY, build_site, run_cli, run_mkdocs_build, soup

CASES: list[dict[str, Any]] = yaml.safe_load(
    (REPO / "tests" / "fixtures" / "makron" / "fall.yml").read_text(encoding="utf-8")
)
REFUSED = [c for c in CASES if c["fel"]]
ACCEPTED = [c for c in CASES if not c["fel"]]


@functools.cache
def _tiny() -> Ledningssystem:
    return load_ledningssystem(TINY)


@pytest.mark.parametrize("case", CASES, ids=[c["namn"] for c in CASES])
def test_each_page_gets_exactly_its_messages(case: dict[str, Any]) -> None:
    src = f"{case['namn']}.md"
    context = MacroContext(_tiny(), Linker(src), src)
    errors = page_errors(f"docs/{src}", case["sida"], context)
    assert [e.format() for e in errors] == case["fel"]


def _with_pages(root: Path, cases: list[dict[str, Any]]) -> None:
    for case in cases:
        (root / "docs" / f"{case['namn']}.md").write_text(case["sida"], encoding="utf-8")


def test_check_and_build_name_every_problem_at_once_without_a_traceback(tiny_root: Path) -> None:
    _with_pages(tiny_root, CASES)
    (tiny_root / "site").mkdir()
    (tiny_root / "site" / "index.html").write_text("en gammal webbplats", encoding="utf-8")
    expected = [message for case in REFUSED for message in case["fel"]]
    checked = run_cli(tiny_root, "check")
    built = run_mkdocs_build(tiny_root)
    for result in (checked, built):
        output = result.stdout + result.stderr
        assert result.returncode != 0
        assert f"Innehållet har {len(expected)} fel som måste rättas:" in output
        assert [m for m in expected if f"  {m}\n" not in output] == []
        assert "Traceback" not in output
        assert "Macro Rendering Error" not in output
    assert not (tiny_root / "site").exists()  # never a half-built site to publish


def test_accepted_pages_show_literal_braces_and_run_nothing_else(tiny_root: Path) -> None:
    _with_pages(tiny_root, ACCEPTED)
    checked = run_cli(tiny_root, "check")
    assert checked.returncode == 0, checked.stderr
    site = build_site(tiny_root)
    raw = soup(site / "raw-block" / "index.html").select_one("article code")
    assert raw is not None and raw.get_text() == "{{ variabel }} och {% if x %}\n"
    text = soup(site / "klamrar-som-text" / "index.html").select_one("article p")
    assert text is not None and text.get_text() == "Mängden { a, b } och }} och %} står som de är."
    comment = soup(site / "kommentar" / "index.html").select_one("article p")
    assert comment is not None and comment.get_text() == "Text."
    assert soup(site / "makro" / "index.html").select_one("article svg") is not None


def test_a_page_the_check_cannot_see_is_stopped_by_the_glue(tiny_root: Path) -> None:
    # With render_by_default every page runs its macros, also one without render_macros.
    config = tiny_root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "render_by_default: false", "render_by_default: true"
        ),
        encoding="utf-8",
    )
    (tiny_root / "docs" / "annan.md").write_text("# Annan\n\n{{ finns_inte() }}\n", "utf-8")
    built = run_mkdocs_build(tiny_root)
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert (
        '  docs/annan.md:3 – "{{ finns_inte() }}": makrot "finns_inte" finns inte. Makron som '
        "finns: arshjul, citat, fakta, figure, process_landscape, process_map, raci, "
        "role_responsibilities, routine_list.\n"
    ) in output
    assert "Traceback" not in output
    assert not (tiny_root / "site").exists()


def test_the_guide_shows_the_messages_as_check_gives_them() -> None:
    guide = (REPO / "docs" / "skriva" / "index.md").read_text(encoding="utf-8")
    section = guide[guide.index("### Fel i makron") :]
    block = section[section.index("```text\n") + 8 : section.index("\n```\n")].splitlines()
    calls = [line.split(' – "', 1)[1].split('": ', 1)[0] for line in block]
    page = "---\nrender_macros: true\n---\n# Start\n\n" + "\n".join(calls) + "\n"
    context = MacroContext(_tiny(), Linker("start.md"), "start.md")
    assert [e.format() for e in page_errors("docs/start.md", page, context)] == block


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Vi fick {{ figure(”klagomal.total”) }} synpunkter.",
            'reports/2025/text/x.md:1 – fältet "figure": citattecken från Word (” eller ’) '
            'fungerar inte i makron. Skriv raka citattecken: {{ figure("klagomal.total") }}.',
        ),
        (
            'Vi fick {{ figur("klagomal.total") }} synpunkter.',
            'reports/2025/text/x.md:1 – fältet "figure": okänt makro {{ figur("klagomal.total") '
            '}}. Menade du "figure"? Bara figurer, citat och fakta kan användas i texten, t.ex. '
            '{{ figure("avvikelser.sol.total") }}, {{ citat("…", källa="…") }} eller '
            '{{ fakta("lex_sarah.frist_utredning") }}.',
        ),
    ],
)
def test_a_berattelse_text_names_word_quotes_and_a_misspelt_macro(text: str, message: str) -> None:
    _, errors = resolve_figures(Narrative("reports/2025/text/x.md", text), {}, 2025, {})
    assert [e.format() for e in errors] == [message]


_JINJA_BITS = st.sampled_from(
    ["{{", "}}", "{%", "%}", "{#", "#}", "(", ")", '"', "”", "'", "raw", "endraw", "figure",
     "config", "include", ".__class__", "\n", "```", "`", " ", "x", "=", ",", "|", "-", "2025"]
)  # fmt: skip


@given(st.lists(_JINJA_BITS, max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_any_page_gives_messages_never_an_exception(body: str) -> None:
    page = "---\nrender_macros: true\n---\n" + body
    context = MacroContext(_tiny(), Linker("x.md"), "x.md")
    for error in page_errors("docs/x.md", page, context):
        assert error.file == "docs/x.md" and error.line is not None and error.message


def test_the_public_site_checks_only_the_pages_it_publishes(tiny_root: Path) -> None:
    page = "---\nrender_macros: true\n---\n{{ finns_inte() }}\n"
    (tiny_root / "docs" / "intern.md").write_text(page, encoding="utf-8")
    (tiny_root / "docs" / "publik").mkdir()
    (tiny_root / "docs" / "publik" / "index.md").write_text(page, encoding="utf-8")
    handbook = macro_page_errors(tiny_root, _tiny(), public=False)
    public = macro_page_errors(tiny_root, _tiny(), public=True)
    assert [e.file for e in handbook] == ["docs/intern.md", "docs/publik/index.md"]
    assert [e.file for e in public] == ["docs/publik/index.md"]


def test_brackets_nested_thousands_deep_give_a_message_not_a_recursion_error() -> None:
    page = "---\nrender_macros: true\n---\n{{ figure(" + "(" * 5000 + "1" + ")" * 5001 + " }}\n"
    assert [e.format() for e in page_errors("docs/x.md", page, None)] == [
        "docs/x.md: ett makro har för många parenteser i varandra för att läsas. "
        'Skriv t.ex. {{ figure("klagomal.total") }}.'
    ]


@pytest.mark.parametrize(
    ("front", "renders"),
    [
        ("render_macros: true", True),
        ("render_macros: True", True),
        ("render_macros: yes", True),  # YAML 1.1, as MkDocs reads it
        ("render_macros: ja", False),  # a string to mkdocs-macros: the page is not run
        ("render_macros: false", False),
        ("title: render_macros: true", False),
    ],
)
def test_which_pages_run_macros_is_decided_as_mkdocs_macros_decides(
    front: str, renders: bool
) -> None:
    assert renders_macros(f"---\n{front}\n---\n# Sida\n") is renders
