"""Import writes every field a real export has (issue 10, items 2, 3, 5, 10 and 12).

Each sample export under tests/fixtures/import/ is imported into a copy of the example
with its mapping from reports/mappningar/; the written file, `check` and the figures
the berättelse computes from it are asserted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figures import FigureSet
from tests.conftest import REPO, copy_example, run_cli

FIXTURES = REPO / "tests" / "fixtures" / "import"
MAPPINGS = REPO / "reports" / "mappningar"


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    """The example, without the 2025 control sum (the imports replace its data)."""
    root = copy_example(tmp_path / "portal")
    meta = root / "reports" / "2025" / "report.yml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(re.sub(r"(?ms)^kontrollsummor:.*", "", text), encoding="utf-8")
    return root


def imported(root: Path, kind: str, export: str, mapping: str, target: str) -> str:
    args = ["import", kind, str(FIXTURES / export), "--year", "2025", "--force"]
    result = run_cli(root, *args, "--mapping", str(MAPPINGS / mapping))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "datumet ligger inte i 2025: rad 2" in result.stdout  # the 2024 row
    return (root / "reports" / "2025" / target).read_text(encoding="utf-8")


def checked_figures(root: Path) -> FigureSet:
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    reports = load_ledningssystem(root).reports
    assert reports is not None
    return reports.figures[2025]


def values(figures: FigureSet, prefix: str) -> dict[str, float | None]:
    return {f.name: f.value for f in figures if f.name.startswith(prefix)}


def test_deviations_carry_severity_recurrence_and_samverkan(portal: Path) -> None:
    written = imported(
        portal,
        "avvikelser",
        "treserva-avvikelser-grader-2025.csv",
        "treserva-avvikelser-grader.yml",
        "avvikelser.csv",
    )
    assert written == (
        "enhet;typ;kategori;antal;utredda;avslutade;allvarlighetsgrad;risk_för_upprepning;"
        "samverkan;motpart\n"
        "hemsjukvard;hsl;fall;1;1;1;medel;;mottagen;regionen\n"
        "hemsjukvard;hsl;fall;1;1;0;okänt;okänt;mottagen;regionen\n"
        "sarskilt-boende;hsl;lakemedel;1;0;0;medel;hog;mottagen;regionen\n"
        "sarskilt-boende;hsl;lakemedel;1;1;1;medel;hog;skickad;regionen\n"
        "hemtjanst-norr;sol;utebliven-insats;1;1;0;hog;medel;;\n"
        "hemtjanst-norr;sol;utebliven-insats;2;2;2;lag;lag;;\n"  # "Ingen" samverkan: ""
    )
    figures = checked_figures(portal)
    assert values(figures, "avvikelser.allvarlighetsgrad.") == {
        "avvikelser.allvarlighetsgrad.lag": 2,
        "avvikelser.allvarlighetsgrad.medel": 3,
        "avvikelser.allvarlighetsgrad.hog": 1,
        "avvikelser.allvarlighetsgrad.uppgift-saknas": 1,  # "Ej registrerat", never a zero
    }
    assert figures["avvikelser.risk-for-upprepning.hog"].value == 2
    assert values(figures, "avvikelser.samverkan.") == {
        "avvikelser.samverkan.skickade": 1,
        "avvikelser.samverkan.mottagna": 3,
    }


def test_complaints_carry_kind_submitter_and_more_units(portal: Path) -> None:
    written = imported(
        portal,
        "klagomal",
        "lifecare-synpunkter-slag-2025.csv",
        "lifecare-synpunkter-slag.yml",
        "klagomal.csv",
    )
    assert written.splitlines() == [
        "enhet;fler_enheter;från;kategorier;antal;i_tid;slag;inlämnare",
        "barn-och-unga;;brukare;information;1;1;forslag;",
        "ekonomiskt-bistand;;invanare;tillganglighet;1;1;okänt;K-0004",
        "hemtjanst-norr;;brukare;bemotande;2;2;klagomal;K-0001",
        "hemtjanst-norr;hemtjanst-soder,sarskilt-boende;narstaende;utforande;1;0;klagomal;K-0002",
        "sarskilt-boende;;narstaende;utforande;1;1;berom;K-0003",
        "sarskilt-boende;;narstaende;utforande;1;1;synpunkt;K-0003",  # via Webb: om/blir
    ]
    figures = checked_figures(portal)
    assert values(figures, "klagomal.slag.") == {
        "klagomal.slag.klagomal": 3,
        "klagomal.slag.synpunkt": 1,
        "klagomal.slag.forslag": 1,
        "klagomal.slag.berom": 1,
        "klagomal.slag.uppgift-saknas": 1,
    }
    submitters = figures["klagomal.unika-inlamnare"]
    assert (submitters.value, submitters.missing) == (4, 1)  # one row without a key
    assert figures["klagomal.total"].value == 7  # the ärende on three units counts once
    assert figures["klagomal.enhet.hemtjanst-soder"].value == 1  # … and once per unit
    assert figures["klagomal.enhetsmarkeringar"].value == 9


def test_lex_sarah_carries_the_whole_process(portal: Path) -> None:
    written = imported(
        portal,
        "lex-sarah",
        "treserva-lex-sarah-diarium-2025.csv",
        "treserva-lex-sarah-diarium.yml",
        "lex-sarah.yml",
    )
    lines = written.splitlines()
    assert lines[2] == (
        "  - {id: ls-2025-02, enhet: barn-och-unga, rapporter: 3, kategori: rattssakerhet, "
        "inkom: 2025-03-11, utredning_avslutad: 2025-05-28, bedömning: missforhallande}"
    )
    assert lines[4] == (
        "  - {id: ls-2025-04, enhet: sarskilt-boende, kategori: utforande, inkom: 2025-05-19, "
        "utredning_avslutad: 2025-06-30, bedömning: pataglig-risk-for-allvarligt-missforhallande, "
        "anmäld_ivo: ja, anmäld_ivo_datum: 2025-07-02, ivo_beslut: avslutat-utan-kritik}"
    )
    assert "inkom: okänt" in lines[5]  # "Ej registrerat", never a placeholder date
    assert "utredning_påbörjad: 2025-11-25" in lines[7]
    assert lines[8].endswith("hantering: för-kännedom, avsändare: Privat assistansanordnare}")
    assert lines[9].endswith("hantering: som-avvikelse}")
    assert "anmäld_ivo: nej" not in written  # an empty cell is not a nej
    figures = checked_figures(portal)
    assert figures["lex-sarah.rapporter"].value == 11
    assert figures["lex-sarah.utredningar"].value == 7
    assert figures["lex-sarah.anmalda-ivo"].value == 1
    assert figures["lex-sarah.ivo.avslutat-utan-kritik"].value == 1
    assert (figures["lex-sarah.for-kannedom"].value, figures["lex-sarah.som-avvikelse"].value) == (
        1,
        1,
    )
