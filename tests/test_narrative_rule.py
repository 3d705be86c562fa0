"""The narrative rule: a text never states a count of the year's things as a literal number.

The refused and accepted sentences below are the rule's specification (issue 10); the
counted words come from the standard settings (ledningssystem/report/standard.yml).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledningssystem import cli
from ledningssystem.core.errors import ContentError
from ledningssystem.report.config import CountedThing, ReportConfig
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.literal_counts import Lexicon, lexicon, literal_counts
from ledningssystem.report.load import load_report_config
from tests.conftest import copy_example, run_mkdocs_build

FILE = "reports/2025/text/klagomal.md"
NBSP = "\u00a0"
VALUES = {
    "klagomal.total": 41,
    "avvikelser.total": 1234,
    "avvikelser.sol.total": 85,
    "avvikelser.organisatorisk.total": 6,
    "lex-sarah.rapporter": 9,
    "lex-sarah.utredningar": 7,
    "lex-sarah.anmalda-ivo": 2,
    "lex-maria.utredningar": 4,
    "personuppgiftsincidenter.total": 11,
    "risker.total": 24,
    "egenkontroller.total": 18,
    "granskningar.total": 3,
    "atgarder.total": 12,
    "uppfoljning.total": 5,
}


def _figures() -> FigureSet:
    figures = FigureSet(2025)
    for name, number in VALUES.items():
        figures.add(name, name, number)
    return figures


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> ReportConfig:
    """The standard settings alone: a root without reports/config.yml."""
    found, errors = load_report_config(tmp_path_factory.mktemp("standard"))
    assert errors == []
    return found


@pytest.fixture(scope="module")
def words(config: ReportConfig) -> Lexicon:
    return lexicon(config, _figures())


def _messages(text: str, words: Lexicon) -> list[str]:
    return [e.format() for e in literal_counts(FILE, text, _figures(), words)]


def _refused(quote: str, figure: str, shown: str, line: int = 1) -> str:
    return (
        f'{FILE}:{line} – "{quote}": skriv {{{{ figure("{figure}") }}}} '
        f"(ger {shown} i datafilerna)."
    )


ORG = "avvikelser.organisatorisk.total"
SARAH = "lex-sarah.utredningar"
REFUSED = [
    ("Vi tog emot 34 synpunkter under året.", "34 synpunkter", "klagomal.total", "41"),
    ("34 synpunkter kom från närstående.", "34 synpunkter", "klagomal.total", "41"),
    ("Förvaltningen fick 1 234 klagomål.", "1 234 klagomål", "klagomal.total", "41"),
    (f"Det blev 1{NBSP}234 avvikelser.", "1 234 avvikelser", "avvikelser.total", f"1{NBSP}234"),
    ("Tre klagomål gällde bemötande.", "Tre klagomål", "klagomal.total", "41"),
    (
        "Av klagomålen besvarades tolv synpunkterna sent.",
        "tolv synpunkterna",
        "klagomal.total",
        "41",
    ),
    ("Det kom tjugotre avvikelser.", "tjugotre avvikelser", "avvikelser.total", f"1{NBSP}234"),
    (
        "Under hösten kom trettio avvikelser till.",
        "trettio avvikelser",
        "avvikelser.total",
        f"1{NBSP}234",
    ),
    ("Totalt 12 SoL-avvikelser rapporterades.", "12 SoL-avvikelser", "avvikelser.sol.total", "85"),
    (
        "Vi hade 3 organisatoriska avvikelser.",
        "3 organisatoriska avvikelser",
        "avvikelser.organisatorisk.total",
        "6",
    ),
    (
        "SAS utredde 5 lex Sarah-utredningar.",
        "5 lex Sarah-utredningar",
        "lex-sarah.utredningar",
        "7",
    ),
    ("Det kom 8 lex Sarah-rapporter.", "8 lex Sarah-rapporter", "lex-sarah.rapporter", "9"),
    ("Två lex Sarah-ärenden pågår.", "Två lex Sarah-ärenden", SARAH, "7"),
    ("Vi gjorde fyra anmälningar till IVO.", "fyra anmälningar", "lex-sarah.anmalda-ivo", "2"),
    ("MAS avslutade 6 utredningar.", "6 utredningar", SARAH, "7"),
    ("Det inträffade 10 incidenter.", "10 incidenter", "personuppgiftsincidenter.total", "11"),
    ("Två HSL-incidenter anmäldes.", "Två HSL-incidenter", "personuppgiftsincidenter.total", "11"),
    ("Riskanalysen fann 24 risker.", "24 risker", "risker.total", "24"),
    ("Vi genomförde tio egenkontroller.", "tio egenkontroller", "egenkontroller.total", "18"),
    ("Det gjordes 2 granskningar.", "2 granskningar", "granskningar.total", "3"),
    ("Vi beslutade om 15 förbättringsåtgärder.", "15 förbättringsåtgärder", "atgarder.total", "12"),
    ("Fem förbättringsområden följdes upp.", "Fem förbättringsområden", "uppfoljning.total", "5"),
    ("Antal risker: 12", "risker: 12", "risker.total", "24"),
    ("Antal klagomål 34 st.", "klagomål 34", "klagomal.total", "41"),
    ("| Klagomål | 34 |", "Klagomål | 34", "klagomal.total", "41"),
    ("Vi fick **34** synpunkter.", "34 synpunkter", "klagomal.total", "41"),
    ("<p>Vi fick 34&nbsp;synpunkter.</p>", "34 synpunkter", "klagomal.total", "41"),
    ("Vi tog emot 34\nsynpunkter.", "34 synpunkter", "klagomal.total", "41"),
    ("Vi fick 1\u2009234 syn\u00adpunk\u00adter.", "1 234 synpunkter", "klagomal.total", "41"),
    # Up to two modifiers between the number and the counted word.
    ("Vi fick 34 nya synpunkter under året.", "34 nya synpunkter", "klagomal.total", "41"),
    (
        "Det kom tre allvarliga avvikelser.",
        "tre allvarliga avvikelser",
        "avvikelser.total",
        f"1{NBSP}234",
    ),
    (
        "Vi tog emot 12 inkomna lex Sarah-rapporter.",
        "12 inkomna lex Sarah-rapporter",
        "lex-sarah.rapporter",
        "9",
    ),
    ("Vi hade 24 nya identifierade risker.", "24 nya identifierade risker", "risker.total", "24"),
    (
        "Sju allvarliga organisatoriska avvikelser utreddes.",
        "Sju allvarliga organisatoriska avvikelser",
        ORG,
        "6",
    ),
    ("Vi fick 34 **nya** synpunkter.", "34 nya synpunkter", "klagomal.total", "41"),
    # Modifiers listed with a comma are modifiers still.
    (
        "Det kom 34 nya, allvarliga avvikelser.",
        "34 nya, allvarliga avvikelser",
        "avvikelser.total",
        f"1{NBSP}234",
    ),
    (
        "SAS tog emot 12 inkomna, utredda lex Sarah-rapporter.",
        "12 inkomna, utredda lex Sarah-rapporter",
        "lex-sarah.rapporter",
        "9",
    ),
    ("Vi fick tre nya,allvarliga klagomål.", "tre nya,allvarliga klagomål", "klagomal.total", "41"),
    (
        "Vi hade 24 **nya**, identifierade risker.",
        "24 nya, identifierade risker",
        "risker.total",
        "24",
    ),
]


@pytest.mark.parametrize(("sentence", "quote", "figure", "shown"), REFUSED)
def test_a_literal_count_is_refused_with_the_figure_to_write(
    sentence: str, quote: str, figure: str, shown: str, words: Lexicon
) -> None:
    assert _messages(sentence, words) == [_refused(quote, figure, shown)]


ACCEPTED = [
    'Vi tog emot {{ figure("klagomal.total") }} synpunkter.',
    '{{ figure("klagomal.total") }} klagomål, {{ figure("klagomal.total", "förändring") }}.',
    '{{ figure("klagomal.total", year=2024) }} synpunkter kom året före.',
    'Patientnämnden fick {{ citat("34 synpunkter", källa="Patientnämndens årsrapport") }}.',
    "Ett klagomål gällde bemötande.",
    "En avvikelse ledde till en ny rutin.",
    "Klagomål ska besvaras inom 10 arbetsdagar.",
    "Incidenten anmäldes till IMY inom 72 timmar.",
    "Riskanalysen för 2024 omfattar alla processer.",
    "2024 avvikelser jämfördes med året innan.",
    "Enligt 3 kap. 5 § SoL ska avvikelser rapporteras.",
    "Se § 12 om klagomål.",
    "Målet är att 65 % av klagomålen besvaras i tid.",
    "Målet var 65 procent av synpunkterna.",
    "Det var den 3:e avvikelsen i år.",
    "Beslutet 2025-03-01 gällde avvikelser.",
    "I snitt 3,5 avvikelser per vecka.",
    "De två första blev förbättringsområden för 2025.",
    "Utredningen tog tre veckor.",
    "Klagomålen tre veckor senare var färre.",
    "Vi har arbetat med avvikelser i tio år.",
    "Mellan 15-20 avvikelser per månad.",
    "Skriv `34 synpunkter` i koden.",
    "```\n34 synpunkter\n```",
    "<!-- 34 synpunkter -->",
    "Läs [rapporten](../2024/34-avvikelser/) om avvikelser.",
    "34 barnavårdsutredningar gjordes.",
    "Vi gjorde 34 hembesök.",
    # A deadline, a duration or another unit stops the search for a counted word.
    "Klagomål ska besvaras inom 10 arbetsdagar efter att nya avvikelser anmälts.",
    "Det tog tre långa veckor att utreda avvikelser.",
    "Vi arbetade 10 dagar med nya avvikelser.",
    "Det var den 3:e nya avvikelsen.",
    "Målet är 65 % nya synpunkter.",
    "Under 2025 kom nya avvikelser.",
    "Vi gjorde 34 nya hembesök.",
    "Inom två veckor ska nya klagomål besvaras.",
    "Det blev 5 före avvikelser.",
    # A comma after a unit ends the phrase: the number counts days, not avvikelser.
    "Inom 10 dagar, nya avvikelser ska utredas först.",
    "Under de första 10 dagarna, nya avvikelser kom sällan.",
    "Efter tre veckor, allvarliga avvikelser till trots, var planen klar.",
    "Av de 34, nya synpunkter inräknade, var få från brukare.",
    "Vi gjorde 34 nya, korta hembesök.",
]


@pytest.mark.parametrize("sentence", ACCEPTED)
def test_numbers_that_are_not_counts_of_the_year_pass(sentence: str, words: Lexicon) -> None:
    assert _messages(sentence, words) == []


def test_every_problem_of_a_text_is_reported_with_its_line(words: Lexicon) -> None:
    text = "Inledning.\n\nVi fick 34 synpunkter\noch tre risker.\n"
    assert _messages(text, words) == [
        _refused("34 synpunkter", "klagomal.total", "41", line=3),
        _refused("tre risker", "risker.total", "24", line=4),
    ]


def test_a_word_without_its_figure_this_year_passes(config: ReportConfig) -> None:
    figures = FigureSet(2025)
    figures.add("klagomal.total", "klagomål", 41)
    only = lexicon(config, figures)
    assert literal_counts(FILE, "Vi fick 24 risker.", figures, only) == []


def test_a_new_figure_extends_the_rule_without_code(config: ReportConfig) -> None:
    figures = _figures()
    figures.add("fallskador.total", "fallskador", 17)
    extra = CountedThing.model_validate(
        {"figur": "fallskador.total", "ord": ["fallskada", "fallskador"]}
    )
    own = config.model_copy(update={"counted": (*config.counted, extra)})
    errors = literal_counts(FILE, "Vi hade 20 fallskador.", figures, lexicon(own, figures))
    assert [e.format() for e in errors] == [_refused("20 fallskador", "fallskador.total", "17")]


TOKENS = st.sampled_from(
    [
        " ",
        "\n",
        ".",
        ":",
        "|",
        "**",
        "-",
        "§",
        "%",
        "`",
        "34",
        "1 234",
        "2024",
        "tre",
        "tjugo",
        "ett",
        "lex ",
        "Sarah-",
        "synpunkter",
        "klagomålen",
        "avvikelser",
        "SoL-avvikelser",
        "risker",
        "st",
        "dagar",
        "{{",
        "}}",
        '{{ figure("klagomal.total") }}',
        '{{ citat("34 synpunkter", källa="x") }}',
    ]
)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(TOKENS, st.text(max_size=4)), max_size=40))
def test_the_scanner_never_fails_and_places_every_problem(parts: list[str], words: Lexicon) -> None:
    text = "".join(parts)
    errors = literal_counts(FILE, text, _figures(), words)
    assert all(isinstance(e, ContentError) and e.file == FILE for e in errors)
    assert all(e.line is not None and 1 <= e.line <= text.count("\n") + 1 for e in errors)
    assert all(e.quote and "{{" not in e.quote and "figure" not in e.quote for e in errors)


FIGURE_TOKENS = st.sampled_from(
    [
        '{{ figure("klagomal.total") }}',
        '{{ figure("avvikelser.total", "förändring") }}',
        '{{ figure("risker.total", year=2024) }}',
        '{{ citat("tre risker", källa="IVO") }}',
        " ",
        "\n",
        ", ",
        "synpunkter",
        "avvikelserna",
        "lex Sarah-utredningar",
        "risker",
        "**",
        ":",
    ]
)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(FIGURE_TOKENS, max_size=30))
def test_a_figure_call_is_never_flagged(parts: list[str], words: Lexicon) -> None:
    assert literal_counts(FILE, "".join(parts), _figures(), words) == []


SMALL_YEAR = {
    "report.yml": (
        "år: 2025\ntyp: kvalitetsberättelse\nnämnd: socialnamnden\n"
        "förvaltning: socialforvaltningen\nstatus: utkast\nmall: kombinerad\n"
    ),
    "klagomal.csv": (
        "enhet;från;kategorier;antal;i_tid\n"
        "hemtjanst-norr;brukare;bemotande;3;3\n"
        "hemtjanst-soder;narstaende;utforande;2;1\n"
    ),
    "riskanalys.csv": (
        "id;process;steg;risk;sannolikhet;konsekvens;åtgärd;status\n"
        "r1;hemtjanst;planera;Planen saknas;2;2;;\n"
    ),
    "text/klagomal-och-synpunkter.md": 'Vi tog emot {{ figure("klagomal.total") }} synpunkter.\n',
}


@pytest.fixture
def small_year(tmp_path: Path) -> Path:
    """The example portal with one small fictional year (5 klagomål, 1 risk) as its reports/."""
    root = copy_example(tmp_path / "portal")
    for old in sorted((root / "reports").iterdir()):
        if old.is_dir() and old.name.isdigit():
            for path in sorted(old.rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
            old.rmdir()
    (root / "reports" / "config.yml").write_text(
        "nyckeltal: [klagomal.total, risker.total]\n", encoding="utf-8"
    )
    (root / "reports" / "historik.yml").unlink()  # the example's earlier years are not this one's
    for name, text in SMALL_YEAR.items():
        path = root / "reports" / "2025" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_small_year_passes_check(small_year: Path) -> None:
    assert cli.main(["--root", str(small_year), "check"]) == 0


def test_check_refuses_a_contradiction_in_a_section_text(
    small_year: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = small_year / "reports" / "2025" / "text" / "klagomal-och-synpunkter.md"
    text.write_text("Om året.\n\nVi tog emot 34 synpunkter.\n", encoding="utf-8")
    assert cli.main(["--root", str(small_year), "check"]) == 1
    assert (
        'reports/2025/text/klagomal-och-synpunkter.md:3 – "34 synpunkter": '
        'skriv {{ figure("klagomal.total") }} (ger 5 i datafilerna).'
    ) in capsys.readouterr().err


def test_the_rule_covers_the_sammanfattning_and_docs_pages_that_show_figures(
    small_year: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (small_year / "reports" / "2025" / "text" / "sammanfattning.md").write_text(
        "Året i korthet: två risker.\n", encoding="utf-8"
    )
    (small_year / "docs" / "siffror.md").write_text(
        '---\nrender_macros: true\n---\n# Siffror\n\nI år {{ figure("risker.total") }} risker,'
        " i fjol 3 risker.\n",
        encoding="utf-8",
    )
    (small_year / "docs" / "utan-figurer.md").write_text(
        "# Utan figurer\n\nVi fick 34 synpunkter (en sida utan figure).\n", encoding="utf-8"
    )
    assert cli.main(["--root", str(small_year), "check"]) == 1
    err = capsys.readouterr().err
    assert (
        'reports/2025/text/sammanfattning.md:1 – "två risker": '
        'skriv {{ figure("risker.total") }} (ger 1 i datafilerna).'
    ) in err
    assert 'docs/siffror.md:6 – "3 risker": skriv {{ figure("risker.total") }}' in err
    assert "utan-figurer" not in err


def test_the_build_stops_at_a_contradiction(small_year: Path) -> None:
    text = small_year / "reports" / "2025" / "text" / "klagomal-och-synpunkter.md"
    text.write_text("Om året.\n\nVi tog emot tjugo synpunkter.\n", encoding="utf-8")
    result = run_mkdocs_build(small_year)
    assert result.returncode != 0
    assert (
        'reports/2025/text/klagomal-och-synpunkter.md:3 – "tjugo synpunkter": '
        'skriv {{ figure("klagomal.total") }} (ger 5 i datafilerna).'
    ) in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (small_year / "site").exists()
