"""A portal macro on a docs/ page that does not run macros would show as literal text."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.website.macro_page_check import unrun_macro_errors
from tests.conftest import run_cli

PAGE = '# Siffror\n\nVi fick {{ figure("klagomal.total") }} klagomål.\n'


def test_a_macro_on_a_page_without_render_macros_is_an_error_with_line_and_fix() -> None:
    [error] = unrun_macro_errors("docs/siffror.md", PAGE)
    assert error.format() == (
        'docs/siffror.md:3 – "Vi fick {{ figure("klagomal.total") }} klagomål.": makrot figure '
        "körs inte på den här sidan och skulle synas som text. Skriv render_macros: true i "
        "sidans uppgifter överst (mellan raderna ---), eller skriv makrot som kod (`{{ … }}`) "
        "om det ska synas som det är."
    )


def test_a_macro_shown_as_code_is_an_example_not_an_error() -> None:
    text = '```\n{{ figure("x") }}\n```\n\nSkriv `{{ figure("x") }}` i texten.\n'
    assert unrun_macro_errors("docs/guide.md", text) == []


def test_check_refuses_the_page(tiny_root: Path) -> None:
    (tiny_root / "docs" / "siffror.md").write_text(PAGE, encoding="utf-8")
    result = run_cli(tiny_root, "check")
    assert result.returncode == 1
    assert "docs/siffror.md:3 – " in result.stderr
    assert "makrot figure körs inte på den här sidan och skulle synas som text" in result.stderr
