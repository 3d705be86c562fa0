"""Facts written once: `{{ fakta("…") }}` in rutiner, processes and macro pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledningssystem.core.errors import ContentErrors
from ledningssystem.core.facts import expand_facts, fact_errors
from ledningssystem.portal.facts import fact_table
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.config import RiskClass, RiskMatrix
from ledningssystem.report.risk_facts import risk_facts
from ledningssystem.website.build import prepare_build
from tests.conftest import build_site, run_cli, run_mkdocs_build, soup
from tests.gitrepo import GitRepo, routine

FACTS = """\
idag: 2025-06-01
fakta:
  lex_sarah:
    frist_utredning: sex veckor
    anmäler_till_ivo: SAS
"""


@pytest.fixture
def facts_root(tiny_root: Path) -> Path:
    (tiny_root / "ledningssystem.yml").write_text(FACTS, encoding="utf-8")
    routine = tiny_root / "routines/rapportera-avvikelse.md"
    text = routine.read_text(encoding="utf-8").replace(
        "Text.", 'Utredningen ska vara klar inom {{ fakta("lex_sarah.frist_utredning") }}.'
    )
    routine.write_text(text, encoding="utf-8")
    return tiny_root


def test_a_rutin_shows_the_value_written_once(facts_root: Path) -> None:
    pages = {p.src: p.markdown for p in prepare_build(facts_root).pages}
    assert "Utredningen ska vara klar inom sex veckor." in pages["rutiner/rapportera-avvikelse.md"]
    assert "fakta(" not in pages["rutiner/rapportera-avvikelse.md"]


def test_an_unknown_key_in_a_rutin_stops_check_with_file_and_line(facts_root: Path) -> None:
    routine = facts_root / "routines/rapportera-avvikelse.md"
    text = routine.read_text(encoding="utf-8").replace("frist_utredning", "frist_utrednig")
    routine.write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_ledningssystem(facts_root)
    assert [e.format() for e in raised.value.errors] == [
        'routines/rapportera-avvikelse.md:20: faktan "lex_sarah.frist_utrednig" finns inte. '
        'Menade du "lex_sarah.frist_utredning"? Fakta skrivs under fakta: i ledningssystem.yml.'
    ]


def test_an_unknown_key_on_a_macro_page_fails_the_build_with_file_and_line(
    facts_root: Path,
) -> None:
    page = facts_root / "docs/ansvar.md"
    page.write_text(
        "---\nrender_macros: true\n---\n# Ansvar\n\n"
        'Anmälan till IVO görs av {{ fakta("lex_sarah.anmäler_till_ivo") }}.\n\n'
        'Fristen är {{ fakta("lex_sarah.okänd") }}.\n',
        encoding="utf-8",
    )
    result = run_mkdocs_build(facts_root)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert 'docs/ansvar.md:8: faktan "lex_sarah.okänd" finns inte.' in output
    assert "Traceback" not in output
    assert not (facts_root / "site").exists()  # never a half-built site
    page.write_text(page.read_text(encoding="utf-8").replace("okänd", "frist_utredning"), "utf-8")
    site = build_site(facts_root)
    text = soup(site / "ansvar/index.html").select_one("article").get_text(" ", strip=True)
    assert "Anmälan till IVO görs av SAS." in text and "Fristen är sex veckor." in text


def test_a_page_without_macros_and_raw_blocks_are_not_checked() -> None:
    known = {"a.b": "x"}
    assert fact_errors("docs/x.md", '{% raw %}\n{{ fakta("okänd") }}\n{% endraw %}\n', known) == []
    errors = fact_errors(
        "docs/x.md", 'rad 1\n{% raw %}\n\n{% endraw %}\n{{ fakta("c.d") }}\n', known
    )
    assert [(e.line, e.message) for e in errors] == [(5, 'faktan "c.d" finns inte')]
    assert expand_facts('{{ fakta("a.b") }} och {{fakta( "a.b" )}}', known) == "x och x"


def test_the_risk_scale_is_the_berattelse_scale() -> None:
    matrix = RiskMatrix.model_validate(
        {
            "sannolikhet": ["1", "2", "3", "4", "5"],
            "konsekvens": ["1", "2", "3", "4", "5"],
            "klasser": [
                RiskClass.model_validate({"id": "lag", "namn": "Låg", "från": 1}),
                RiskClass.model_validate({"id": "medium", "namn": "Medium", "från": 5}),
                RiskClass.model_validate({"id": "kritisk", "namn": "Kritisk", "från": 12}),
            ],
            "kräver_åtgärd_från": 12,
        }
    )
    assert risk_facts(matrix) == {
        "risk.matris": "5 × 5",
        "risk.lag": "1–4",
        "risk.medium": "5–11",
        "risk.kritisk": "12–25",
        "risk.klasser": "låg 1–4, medium 5–11, kritisk 12–25",
        "risk.kräver_åtgärd_från": "12",
    }


def test_the_example_riskanalys_uses_the_configured_scale(example_root: Path) -> None:
    content = load_ledningssystem(example_root)
    facts = fact_table(content)
    assert facts["risk.klasser"] == "låg 1–4, medel 5–11, kritisk 12–25"
    pages = {p.src: p.markdown for p in prepare_build(example_root).pages}
    process = pages["processer/riskanalys.md"]
    assert "låg 1–4, medel 5–11, kritisk 12–25" in process
    assert "8–12" not in process and "15–25" not in process
    for page in ("processer/lex-sarah.md", "rutiner/utreda-lex-sarah.md"):
        assert "sex veckor" in pages[page]
    assert "volontär" not in pages["processer/lex-sarah.md"]
    assert "Förvaltningschef | Beslutar om anmälan" not in pages["rutiner/utreda-lex-sarah.md"]


def test_the_reviewer_summary_lists_a_changed_fact_and_where_it_shows(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    settings = repo.root / "ledningssystem.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + "fakta:\n  lex_sarah:\n    frist_utredning: sex veckor\n", "utf-8")
    body = 'Klar inom {{ fakta("lex_sarah.frist_utredning") }}.'
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0", body=body))
    repo.write("routines/b.md", routine("b", "Rutin B", "1.0"))
    repo.commit("Start", "2025-01-01")
    repo.git("checkout", "-q", "-b", "andring")
    text = settings.read_text(encoding="utf-8").replace("sex veckor", "fyra veckor")
    settings.write_text(text, encoding="utf-8")
    repo.commit("Kortare frist", "2025-02-01")
    result = run_cli(repo.root, "changes", "--base", "main")
    assert result.returncode == 0, result.stdout + result.stderr
    section = result.stdout[result.stdout.index("### Ändrade fakta") :]
    assert "| `lex_sarah.frist_utredning` | sex veckor | fyra veckor | `routines/a.md` |" in section
    assert "routines/b.md" not in section


@given(st.text(alphabet=st.sampled_from(list("{}%\"' fakta()raw.endrawa\n")), max_size=80))
def test_any_text_gives_facts_errors_never_an_exception(text: str) -> None:
    known = {"a.b": "x"}
    for error in fact_errors("docs/x.md", text, known):
        assert error.file == "docs/x.md" and error.line and error.line >= 1
    assert "fakta(" in expand_facts(text, {}) or "fakta(" not in text
