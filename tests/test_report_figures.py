"""Figures on small hand-checked data: totals, deltas, shares, risk classes, follow-up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.action_row import ActionRow
from ledningssystem.report.compute import follow_up, follow_up_figures
from ledningssystem.report.config import ReportConfig, RiskMatrix
from ledningssystem.report.data import Reports
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.figures import Figure
from ledningssystem.report.numbers import rounded, swedish
from tests.conftest import copy_example

NBSP = "\u00a0"

CONFIG = """\
riskmatris:
  sannolikhet: [Liten, Måttlig, Stor, Mycket stor]
  konsekvens: [Mindre, Måttlig, Allvarlig, Katastrofal]
  klasser:
    - {id: lag, namn: Låg, från: 1}
    - {id: medium, namn: Medium, från: 4}
    - {id: hog, namn: Hög, från: 9}
  kräver_åtgärd_från: 9
nyckeltal: [klagomal.total, avvikelser.sol.total]
"""


def _action(action_id: str, title: str, due: str, status: str) -> str:
    return (
        f"  - {{id: {action_id}, titel: {title}, ansvarig: enhetschef, "
        f"klart_senast: {due}, status: {status}}}\n"
    )


META = """\
år: {year}
typ: kvalitetsberättelse
nämnd: socialnamnden
förvaltning: socialforvaltningen
status: utkast
mall: {template}
"""

FILES_2023 = {
    "klagomal.csv": (
        "enhet;från;kategorier;antal;i_tid\n"
        "hemtjanst-norr;brukare;bemotande;2;2\n"
        "hemtjanst-norr;narstaende;bemotande,utforande;1;nej\n"
    ),
    "avvikelser.csv": (
        "enhet;typ;kategori;antal;utredda;avslutade\nhemtjanst-norr;sol;handlaggning;8;6;5\n"
    ),
    "atgarder.yml": (
        "åtgärder:\n"
        + _action("a1", "Ett", "2024-06-30", "planerad")
        + _action("a2", "Två", "2024-06-30", "pågående")
        + _action("a3", "Tre", "2023-12-31", "genomförd")
        + _action("a5", "Fem", "2024-03-31", "planerad")
    ),
}

FILES_2024 = {
    "klagomal.csv": (
        "enhet;från;kategorier;antal;i_tid\n"
        "hemtjanst-norr;brukare;bemotande;1;ja\n"
        "hemtjanst-norr;narstaende;bemotande,utforande;2;2\n"
        "hemtjanst-soder;invanare;information;1;1\n"
        "hemtjanst-soder;brukare;utforande,information;1;0\n"
    ),
    "avvikelser.csv": (
        "enhet;typ;kategori;antal;utredda;avslutade\n"
        "hemtjanst-norr;sol;handlaggning;10;9;8\n"
        "hemtjanst-soder;sol;annat;2;1;1\n"
    ),
    "riskanalys.csv": (
        "id;process;steg;risk;sannolikhet;konsekvens;åtgärd;status\n"
        "r1;hemtjanst;genomfora;Fel dos;4;4;Dubbelsignering;pågående\n"
        "r2;hemtjanst;planera;Planen saknas;2;2;;\n"
        "r3;hemtjanst;planera;Planen är gammal;1;3;;\n"
        "r4;avvikelsehantering;utreda;Ingen utredning;3;3;Påminnelse;planerad\n"
    ),
    "atgarder.yml": (
        "åtgärder:\n"
        + _action("a1", "Ett", "2024-06-30", "genomförd")
        + _action("a2", "Två", "2025-06-30", "pågående")
        + _action("a4", "Fyra", "2025-06-30", "planerad")
    ),
    "text/sammanfattning.md": (
        'Vi fick {{ figure("klagomal.total") }} klagomål '
        '({{ figure("klagomal.total", "förändring") }}).\n'
    ),
}


def write_reports(root: Path, template: str = "kombinerad") -> None:
    """Replace the example reports/ with the small hand-checked years 2023 and 2024."""
    shutil.rmtree(root / "reports")
    (root / "reports").mkdir()
    (root / "reports" / "config.yml").write_text(CONFIG, encoding="utf-8")
    for year, files in ((2023, FILES_2023), (2024, FILES_2024)):
        folder = root / "reports" / str(year)
        (folder / "text").mkdir(parents=True)
        (folder / "report.yml").write_text(
            META.format(year=year, template=template), encoding="utf-8"
        )
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Reports:
    root = copy_example(tmp_path_factory.mktemp("small"))
    write_reports(root)
    reports = load_ledningssystem(root).reports
    assert reports is not None
    return reports


def value(reports: Reports, year: int, name: str) -> float:
    return reports.figures[year][name].value


def test_complaint_totals_sources_and_category_marks(small: Reports) -> None:
    f = small.figures[2024]
    assert f["klagomal.total"].value == 5
    sources = {s: f[f"klagomal.fran.{s}"].value for s in ("brukare", "narstaende", "invanare")}
    assert sources == {"brukare": 2, "narstaende": 2, "invanare": 1}
    assert sum(sources.values()) == f["klagomal.total"].value  # sources add up
    marks = {
        c: f[f"klagomal.kategori.{c}"].value for c in ("bemotande", "utforande", "information")
    }
    assert marks == {"bemotande": 3, "utforande": 3, "information": 2}  # marks need not
    assert f["klagomal.enhet.hemtjanst-norr"].value == 3
    assert f["klagomal.besvarade-i-tid"].value == 4


def test_shares_and_year_over_year_changes(small: Reports) -> None:
    total = small.figures[2024]["klagomal.total"]
    # 3 is below the base of 10: the change is told as numbers, never "+67 %".
    assert (total.previous, total.delta, total.delta_percent) == (3, 2, None)
    assert total.change_text() == "från 3 till 5 jämfört med 2023"
    in_time = small.figures[2024]["klagomal.andel-i-tid"]
    assert (in_time.value, in_time.previous) == (80.0, 66.7)
    # A share of 5 complaints is told as counts, never "80,0 %" or "+13,3 procentenheter".
    assert in_time.text() == f"80,0{NBSP}% (4 av 5)"
    assert in_time.change_text() == "från 2 av 3 till 4 av 5 jämfört med 2023"
    assert (in_time.to_json()["del"], in_time.to_json()["bas"]) == (4, 5)
    sol = small.figures[2024]["avvikelser.sol.total"]
    assert sol.summary() == "12 SoL-avvikelser, från 8 till 12 jämfört med 2023"
    utredda = small.figures[2024]["avvikelser.sol.andel-utredda"]
    assert utredda.text() == f"83,3{NBSP}%"  # a base of 12 is a percentage
    assert (utredda.base, utredda.previous_base) == (12, 8)
    assert utredda.change_text() == "från 6 av 8 till 10 av 12 jämfört med 2023"
    assert small.figures[2023]["avvikelser.sol.total"].change_text() == ""


def test_risk_values_and_configured_classes(small: Reports) -> None:
    risks = {r.id: r for r in small.years[2024].risks or ()}
    scale = small.config.risk
    assert {i: (r.value, scale.classify(r.value).name) for i, r in risks.items()} == {
        "r1": (16, "Hög"),
        "r2": (4, "Medium"),
        "r3": (3, "Låg"),
        "r4": (9, "Hög"),
    }
    f = small.figures[2024]
    assert [f[f"risker.klass.{c}"].value for c in ("lag", "medium", "hog")] == [1, 1, 2]


def test_follow_up_of_last_years_actions(small: Reports) -> None:
    f = small.figures[2024]
    # a1 done now, a2 still ongoing, a3 closed last year, a5 not followed up.
    assert f["uppfoljning.total"].value == 4
    assert f["uppfoljning.genomforda"].value == 2
    assert f["uppfoljning.andel-genomforda"].text() == f"50,0{NBSP}% (2 av 4)"
    assert f["uppfoljning.ej-uppfoljda"].value == 1
    assert "uppfoljning.total" not in small.figures[2023]


def test_follow_up_with_an_unknown_status_is_neither_done_nor_unfollowed() -> None:
    def action(id_: str, status: str) -> ActionRow:
        return ActionRow.model_validate(
            {
                "id": id_,
                "titel": id_,
                "ansvarig": "okänt",
                "klart_senast": "okänt",
                "status": status,
            }
        )

    before = (action("a1", "pågående"), action("a2", "okänt"), action("a3", "planerad"))
    figures = FigureSet(2023)
    follow_up_figures(
        figures, follow_up(before, (action("a1", "genomförd"), action("a2", "okänt")))
    )
    f = figures.figures
    assert (f["uppfoljning.genomforda"].value, f["uppfoljning.genomforda"].missing) == (1, 1)
    assert f["uppfoljning.andel-genomforda"].value is None  # never a share of an unknown
    assert f["uppfoljning.ej-uppfoljda"].value == 1  # a3 only: a2 was followed up, status okänt


def test_narrative_gets_the_figures(small: Reports) -> None:
    text = small.texts[(2024, "sammanfattning")]
    assert text == "Vi fick 5 klagomål (från 3 till 5 jämfört med 2023).\n"


@pytest.mark.parametrize(
    ("number", "decimals", "expected"),
    [
        (1234.5, 1, f"1{NBSP}234,5"),
        (1234567, 0, f"1{NBSP}234{NBSP}567"),
        (12.5, 0, "13"),
        (0.25, 1, "0,3"),
        (-2.5, 1, "−2,5"),
    ],
)
def test_swedish_numbers(number: float, decimals: int, expected: str) -> None:
    assert swedish(number, decimals) == expected


def test_counts_accept_thousands_separators_but_not_decimals() -> None:
    from ledningssystem.report.model import DeviationRow

    row = {"enhet": "x", "typ": "hsl", "kategori": "fall", "utredda": "0", "avslutade": "0"}
    assert DeviationRow.model_validate({**row, "antal": "1\u00a0234"}).count == 1234
    with pytest.raises(ValueError, match="valid integer"):
        DeviationRow.model_validate({**row, "antal": "2,5"})


def test_change_wording() -> None:
    assert rounded(2.675, 2) == 2.68
    fewer = Figure("x", "avvikelser", 90, previous=100, previous_year=2024)
    assert fewer.change_text() == f"−10{NBSP}% jämfört med 2024"
    same = Figure("x", "avvikelser", 5, previous=5, previous_year=2024)
    assert same.change() == "oförändrat"
    one = Figure("x", "lex Maria-anmälningar till IVO", 1, previous=1, previous_year=2024)
    assert one.summary() == "Lex Maria-anmälningar till IVO: 1, oförändrat jämfört med 2024"
    from_zero = Figure("x", "avvikelser", 3, previous=0, previous_year=2024)
    assert from_zero.change() == "från 0 till 3"
    share = Figure("x", "andel godkända", 71.4, "%", 1, previous=73.9, previous_year=2024)
    assert share.summary() == (
        f"Andel godkända: 71,4{NBSP}%, −2,5{NBSP}procentenheter jämfört med 2024"
    )


def test_thresholds_are_configuration() -> None:
    base = ReportConfig.model_validate(
        {
            **_standard(),
            "riskmatris": {
                "sannolikhet": ["a"] * 5,
                "konsekvens": ["b"] * 5,
                "klasser": [
                    {"id": "gron", "namn": "Grön", "från": 1},
                    {"id": "rod", "namn": "Röd", "från": 16},
                ],
            },
        }
    )
    assert base.risk.classify(15).id == "gron"
    assert base.risk.classify(16).id == "rod"
    assert base.risk.max_value == 25


def _standard() -> dict[str, object]:
    from ledningssystem.core.yaml_lines import parse_yaml
    from ledningssystem.report.reader import BUILTIN_DIR

    data, _ = parse_yaml((BUILTIN_DIR / "standard.yml").read_text(encoding="utf-8"))
    return data


def test_classes_must_start_at_one() -> None:
    with pytest.raises(ValueError, match="den första klassen måste gälla från 1"):
        RiskMatrix.model_validate(
            {
                "sannolikhet": ["a", "b"],
                "konsekvens": ["c", "d"],
                "klasser": [{"id": "x", "namn": "X", "från": 2}],
            }
        )


def test_a_figure_that_does_not_exist_has_no_text_to_print() -> None:
    # FigureSet.text() printed "0" for a name no row gave: a false zero. Figures are read
    # with get() (None when absent) and shown by Figure.text() ("uppgift saknas").
    assert not hasattr(FigureSet(2025), "text")
    assert FigureSet(2025).get("klagomal.total") is None
