"""A real, published berättelse re-entered in the portal's format, figure by figure.

Reference report 003 (/work/shared/reference/reports/003_*.txt): Individ- och
familjeomsorgsnämnden in Borås Stad, patientsäkerhets- och kvalitetsberättelse 2023. Its year
is tests/fixtures/referens-003; GAPS.md there lists every figure the report prints (with its
line) and the portal figure that holds it, or why the format cannot. The held figures are
asserted through the engine; the year page, the PDF and the open data show the key ones.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figure_call import figure_text
from ledningssystem.report.figures import Figure
from ledningssystem.report.importer import known_ids
from tests.conftest import TINY, build_site, run_cli, write_mkdocs_yml
from tests.test_report_real import edit, fixture_errors, read_year, row

FIXTURE = Path(__file__).parent / "fixtures" / "referens-003"
YEAR = 2023

# Each figure the report prints and the portal holds: (value, count of unknown parts).
# The comment is the line of the report's text file.
HELD: dict[str, tuple[float | None, int]] = {
    # 6.2 Synpunkter och klagomål
    "klagomal.total": (34, 0),  # 458 "34 synpunktsärenden"
    "klagomal.unika-inlamnare": (30, 0),  # 458 "30 unika synpunktsinlämnare"
    "klagomal.enhetsmarkeringar": (37, 0),  # 458, 474 "37 synpunkter sammanlagt"
    "klagomal.enhet.myndighet-barn-och-familj": (23, 0),  # 461
    "klagomal.enhet.myndighet-vuxen": (4, 0),  # 462
    "klagomal.enhet.familjeratten": (5, 0),  # 463
    "klagomal.enhet.familjeradgivningen": (1, 0),  # 464
    "klagomal.enhet.kvalitet-och-utveckling-enhet": (1, 0),  # 465
    "klagomal.enhet.mottagningsenheten": (1, 0),  # 466
    "klagomal.enhet.relationsvardsenheten": (2, 0),  # 467
    "klagomal.enhet.dialogcentrum": (0, 0),  # 468
    "klagomal.enhet.familjehemsenhet": (0, 0),  # 469
    "klagomal.enhet.ungdomsboende": (0, 0),  # 470
    "klagomal.enhet.stodboende": (0, 0),  # 471
    "klagomal.enhet.intern-oppenvard-vuxen": (0, 0),  # 472
    "klagomal.enhet.falt-och-forebyggande": (0, 0),  # 473
    "klagomal.kategori.tillganglighet": (1, 31),  # 466, the one ärende of Mottagningsenheten
    # 6.3 Organisatoriska avvikelser
    "avvikelser.samverkan.andra-forvaltningar.skickade": (3, 0),  # 492 "Tre ... annan förvaltning"
    "avvikelser.samverkan.andra-forvaltningar.mottagna": (1, 0),  # 492 "En ... av annan"
    # 6.4 Avvikelser på individnivå
    "avvikelser.sol.total": (85, 0),  # 512 "85 SoL-avvikelser"
    "avvikelser.allvarlighetsgrad.mindre": (1, 327),  # 520 "En ... mindre allvarlig"
    "avvikelser.risk-for-upprepning.mycket-stor": (1, 327),  # 520 "risken ... mycket stor"
    "avvikelser.allvarlighetsgrad.mycket-allvarlig": (1, 327),  # 520 "En annan ... mycket"
    "avvikelser.risk-for-upprepning.liten": (1, 327),  # 520 "liten risk att det sker igen"
    # 532, 534; a lower bound: the 29 fallavvikelser (538) have enhet okänt, may be any unit's
    "avvikelser.hsl.enhet.kaptensgatan": (114, 29),
    "avvikelser.hsl.enhet.badhusgatan": (88, 29),
    "avvikelser.hsl.kategori.trycksar": (1, 0),  # 532 "1 om trycksår"
    "avvikelser.hsl.kategori.fall": (29, 0),  # 538 "29 fallavvikelser"
    "avvikelser.samverkan.regionen.skickade": (6, 0),  # 546 "sex avvikelser rapporterats"
    "avvikelser.samverkan.regionen.mottagna": (1, 0),  # 546 "en har inkommit"
    # 6.5 Lex Maria
    "lex-maria.utredningar": (0, 0),  # 554 "Inga lex Maria - utredningar"
    # 6.6 Lex Sarah
    "lex-sarah.rapporter": (35, 0),  # 562 "35 lex Sarah- rapporter"
    "lex-sarah.utredningar": (27, 0),  # 562 "27 lex Sarah- utredningar"
    "lex-sarah.avslutade": (27, 0),  # 562 "har slutförts"
    "lex-sarah.pagaende": (0, 0),  # 562 "Alla rapporter är således omhändertagna"
    "lex-sarah.for-kannedom": (2, 0),  # 562 "två lex Sarah-utredningar ... från externa aktörer"
    "lex-sarah.bedomning.ej-missforhallande": (19, 0),  # 566, 570 "19 av de 27"
    "lex-sarah.bedomning.risk-for-missforhallande": (1, 0),  # 570
    "lex-sarah.bedomning.missforhallande": (6, 0),  # 570 "sex var bedömda som missförhållanden"
    "lex-sarah.bedomning.allvarligt-missforhallande": (1, 0),  # 570
    "lex-sarah.anmalda-ivo": (1, 0),  # 570 "anmäldes till IVO"
    "lex-sarah.ivo.avslutat-utan-kritik": (1, 0),  # 570 "avslutade ärendet"
    # 6.7 Egenkontroll
    "egenkontroller.matt.ek-bbic-samtal-utredning": (54, 0),  # 593 "2023 var det 54 %"
    "egenkontroller.matt.ek-bbic-samtal-uppfoljning": (50, 0),  # 595 "resultatet 50 %"
    "omplaceringar.total": (12, 0),  # 603 "tolv barn"
    "omplaceringar.orsak.platsbrist": (3, 0),  # 603 "tre ... platsbrist"
    "omplaceringar.orsak.brister-hos-familjehemmet": (2, 0),  # 603
    "omplaceringar.orsak.matchning": (5, 0),  # 603 "Fem barn"
    "omplaceringar.orsak.oforutsedda-omstandigheter": (2, 0),  # 603
    "indikatorer.kkik-utredningstid-barn": (77, 0),  # 629 "77 dagar"
    "indikatorer.kkik-utredningstid-vuxen": (41, 0),  # 631 "41 dagar 2023"
    "indikatorer.bfc-svarsfrekvens.namnare": (102, 0),  # 639 "102 brukarenkäter"
    "indikatorer.bfc-svarsfrekvens.taljare": (79, 0),  # 639 "79 barn"
    "indikatorer.bfc-svarsfrekvens": (77, 0),  # 639 "svarsfrekvens 77%"
    "indikatorer.bfc-positivt-efter-samtalet": (91, 0),  # 641
    "indikatorer.bfc-information": (92, 0),  # 641
    "indikatorer.bfc-beratta": (95, 0),  # 641
    "indikatorer.bfc-lyssnade": (95, 0),  # 641 "lika många"
    "indikatorer.fhc-barn-svarande": (9, 0),  # 649 "Nio barn"
    "indikatorer.fhc-barn-stod-skola": (100, 0),  # 651
    "indikatorer.familjehem-svarande": (23, 0),  # 667
    "indikatorer.familjehem-nojda-samtal": (87, 0),  # 669
    "indikatorer.familjehem-jourtelefon": (70, 0),  # 669
    "indikatorer.familjehem-ersattning": (78, 0),  # 669
    "indikatorer.familjehem-samtalsstod": (100, 0),  # 671 "Samtliga"
    "indikatorer.familjehem-grupphandledning": (61, 0),  # 673
    "indikatorer.familjehem-individuell-handledning": (70, 0),  # 673
    "indikatorer.familjehem-traffar": (65, 0),  # 675
    "indikatorer.familjehem-utbildning": (65, 0),  # 677
    "indikatorer.familjehem-skolpedagog": (91, 0),  # 679
    "indikatorer.familjehem-biologiska-foraldrar": (61, 0),  # 681
    "indikatorer.familjehem-biologiska-ej-aktuellt": (17, 0),  # 681
    "indikatorer.vuxen-svarande": (12, 0),  # 705
    "indikatorer.vuxen-bemotande": (75, 0),  # 709
    "indikatorer.vuxen-beratta": (55, 0),  # 709
    "indikatorer.vuxen-beratta-vet-inte": (27, 0),  # 709
    "indikatorer.vuxen-lyssnade": (67, 0),  # 709
    "indikatorer.vuxen-paverka": (67, 0),  # 709 "lika stor andel"
    "indikatorer.origo-svarande": (75, 0),  # 719
    "indikatorer.origo-battre": (76, 0),  # 719
    "indikatorer.origo-nojda": (96, 0),  # 719
    "indikatorer.origo-mycket-nojda": (73.3, 0),  # 721
    "indikatorer.origo-nojda-endast": (22.7, 0),  # 721
    "indikatorer.origo-familjer": (180, 0),  # 727
    "indikatorer.dialogcentrum-svarande": (79, 0),  # 733
    "indikatorer.dialogcentrum-battre": (87.1, 0),  # 735
    "indikatorer.dialogcentrum-nojda": (86.1, 0),  # 735
    "indikatorer.familjeradgivningen-svarande": (132, 0),  # 749
    "indikatorer.familjeradgivningen-allvar": (99, 0),  # 751
    "indikatorer.yxhammar-svarsfrekvens.namnare": (38, 0),  # 765 "Totalt 38 personer"
    "indikatorer.yxhammar-svarsfrekvens.taljare": (26, 0),  # 765 "nå 26 personer"
    "indikatorer.yxhammar-svarsfrekvens": (68, 0),  # 765 "svarsfrekvens 68%"
    "indikatorer.yxhammar-hjalpta": (89, 0),  # 771
    "indikatorer.yxhammar-delvis-hjalpta": (4, 0),  # 771
    "indikatorer.yxhammar-ej-hjalpta": (7, 0),  # 771
    "indikatorer.familjeratt-barnets-rost": (70, 0),  # 826 "12 (70%)"
    "indikatorer.familjeratt-reflekterat": (65, 0),  # 830 "11 (65%)"
    "indikatorer.familjeratt-kommunicerat.taljare": (6, 0),  # 834 "I 6 fall (35%)"
    "indikatorer.familjeratt-kommunicerat": (35, 0),  # 834
    "granskningar.typ.ivo-tillsyn": (2, 0),  # 852 "två tillsynsbesök"
    # 5.2 Samverkan and 6.4 HSL, as measures
    "indikatorer.kaa-kannedom": (97, 0),  # 366
    "indikatorer.kaa-meningsfull": (94.7, 0),  # 368
    "indikatorer.kaa-meningsfull-viss-del": (20.5, 0),  # 368
    "indikatorer.integrerat-team-ungdomar": (45, 0),  # 321
    "indikatorer.sip-pagaende": (131, 0),  # 404
    "indikatorer.hsl-patienter": (15, 0),  # 530
    "indikatorer.hsl-lakemedelsansvar": (14, 0),  # 530
    "indikatorer.hsl-insatser-kaptensgatan": (17275, 0),  # 536
    "indikatorer.hsl-signerade-kaptensgatan": (98, 0),  # 536
    "indikatorer.hsl-insatser-badhusgatan": (11501, 0),  # 536
    "indikatorer.hsl-signerade-badhusgatan": (98, 0),  # 536
    "indikatorer.hsl-riskbedomningar": (41, 0),  # 540
}

# Earlier values the report prints, held as the figure's previous value.
PREVIOUS: dict[str, tuple[int, float]] = {
    "lex-sarah.utredningar": (2022, 20),  # 564 "20 lex Sarah- utredningar år 2022"
    "egenkontroller.matt.ek-bbic-samtal-utredning": (2022, 56),  # 593 "2022 var det 56 %"
    "indikatorer.kkik-utredningstid-barn": (2021, 74),  # 629 "2021 ... 74 dagar"
    "indikatorer.kkik-utredningstid-vuxen": (2022, 50),  # 631 "50 dagar 2022"
    "indikatorer.fhc-barn-svarande": (2021, 7),  # 649 "nio 2023, sju 2021": the year before last
    "indikatorer.familjehem-traffar": (2020, 40),  # 675 "65 % (2020: 40 %)"
    "indikatorer.aktgranskning-utredningsplaner": (2023, 23),  # 785 "25 ... jämfört med 23 i april"
    "indikatorer.aktgranskning-barnets-installning": (2023, 6),  # 789 "tio ..., sex ... i april"
}


def portal(target: Path) -> Path:
    """The tiny portal with the report's organisation, process and year."""
    root = target / "portal"
    shutil.copytree(TINY, root)
    for part in ("roles", "processes", "reports"):
        shutil.copytree(FIXTURE / part, root / part, dirs_exist_ok=True)
    shutil.copy2(FIXTURE / "CODEOWNERS", root / "CODEOWNERS")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The report's year in the tiny portal, built with its PDF."""
    root = portal(tmp_path_factory.mktemp("referens-003"))
    write_mkdocs_yml(root, nav=False)
    build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    reports = load_ledningssystem(root).reports
    assert reports is not None
    return {
        "root": root,
        "reports": reports,
        **read_year(root / "site" / "kvalitetsberattelse" / str(YEAR)),
    }


def test_every_held_figure_has_the_reports_value(built: dict[str, Any]) -> None:
    figures = built["reports"].figures[YEAR]
    held = {name: (_shown(figures[name]), figures[name].missing) for name in HELD}
    assert held == HELD
    previous = {name: (figures[name].previous_year, figures[name].previous) for name in PREVIOUS}
    assert previous == PREVIOUS


def _shown(figure: Figure) -> float | None:
    """The value as the page shows it: a share from täljare/nämnare rounded to its decimals."""
    return None if figure.value is None else round(figure.value, figure.decimals)


def test_the_open_data_carries_the_same_figures(built: dict[str, Any]) -> None:
    data, figures = built["json"], built["reports"].figures[YEAR]
    open_data = {name: (data[name]["värde"], data[name]["uppgift_saknas"]) for name in HELD}
    assert open_data == {name: (figures[name].value, figures[name].missing) for name in HELD}
    # 564: "ytterligare ökning skett under 2023 med 7 stycken flera utredningar ... (35 %)".
    sarah = data["lex-sarah.utredningar"]
    assert (sarah["förändring"], sarah["förändring_procent"]) == (7, 35)
    # 629: 74 days in 2021 and 77 in 2022 is longer, a försämring (the report says minskning).
    kkik = data["indikatorer.kkik-utredningstid-barn"]
    assert (kkik["mätår"], kkik["riktning"], kkik["utveckling"]) == (
        2022,
        "lägre_är_bättre",
        "försämring",
    )
    assert data["indikatorer.kkik-utredningstid-vuxen"]["utveckling"] == "förbättring"


def test_nyckeltal_json_command_gives_the_key_figures(built: dict[str, Any]) -> None:
    result = run_cli(built["root"], "nyckeltal", str(YEAR), "--format", "json")
    assert result.returncode == 0, result.stderr
    figures = {f["namn"]: f["värde"] for f in json.loads(result.stdout)["figurer"]}
    key = ("klagomal.total", "avvikelser.sol.total", "lex-sarah.rapporter", "omplaceringar.total")
    assert {name: figures[name] for name in key} == {
        "klagomal.total": 34,
        "avvikelser.sol.total": 85,
        "lex-sarah.rapporter": 35,
        "omplaceringar.total": 12,
    }


def _open(built: dict[str, Any], name: str, *keys: str) -> tuple[object, ...]:
    figure = built["json"][f"indikatorer.{name}"]
    return tuple(figure[key] for key in keys)


def _pdftotext(built: dict[str, Any]) -> str:
    pdf = built["root"] / "site" / "kvalitetsberattelse" / str(YEAR)
    out = subprocess.run(
        ["pdftotext", str(pdf / f"kvalitetsberattelse-{YEAR}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(out.replace("\u00a0", " ").split())


INDICATORS = "Indikatorer 2023"


def test_a_bound_and_a_range_are_printed_as_such_never_as_a_value(built: dict[str, Any]) -> None:
    # 751 "Över 90%", "Över 84,6 %"; 593 "65-80 %".
    keys = ("värde", "nedre", "övre", "gräns", "nedre_ingår", "utveckling")
    assert _open(built, "familjeradgivningen-forstaelse", *keys) == (
        None,
        90,
        None,
        "över",
        False,
        None,
    )
    assert _open(built, "familjeradgivningen-kommunikation", *keys)[:3] == (None, 84.6, None)
    assert _open(built, "bbic-samtal-utredning-aldre-barn", *keys) == (
        None,
        65,
        80,
        "intervall",
        True,
        None,
    )
    forstaelse = "Familjerådgivningen: samtalen har lett till ökad förståelse Brukarundersökning"
    assert row(built, INDICATORS, forstaelse)[1] == "över 90 % 2023"
    older = "Enskilda samtal med äldre barn under utredning Eget mått"
    assert row(built, INDICATORS, older)[1] == "65–80 % 2023"
    pdf = _pdftotext(built)
    assert "över 90 %" in pdf and "över 84,6 %" in pdf and "65–80 %" in pdf
    assert "84,6" in built["page"] and "över 85" not in built["page"]
    result = run_cli(built["root"], "nyckeltal", str(YEAR), "--format", "csv")
    header, *rows = csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";")
    cells = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    older = cells["indikatorer.bbic-samtal-utredning-aldre-barn"]
    assert (older["värde"], older["nedre"], older["övre"]) == ("", "65", "80")
    forstaelse = cells["indikatorer.familjeradgivningen-kommunikation"]
    assert (forstaelse["värde"], forstaelse["nedre"], forstaelse["övre"]) == ("", "84,6", "")


def test_a_stated_change_is_shown_without_inventing_the_earlier_value(
    built: dict[str, Any],
) -> None:
    # 595 "resultatet 50 % ... En ökning med 28 %": last year's value is not told.
    keys = ("värde", "föregående_värde", "förändring", "förändring_angiven", "utveckling")
    assert _open(built, "bbic-samtal-uppfoljning", *keys) == (
        50,
        None,
        None,
        {"värde": 28, "enhet": "%", "källa": "berättelsen 2023, avsnitt 6.7"},
        "förbättring",
    )
    cells = row(
        built, INDICATORS, "Enskilda samtal med barn vid uppföljning av öppna insatser Eget mått"
    )
    assert cells[2] == "uppgift saknas +28 % angiven förändring, berättelsen 2023, avsnitt 6.7"
    assert "+28 %" in _pdftotext(built)


def test_measurements_within_the_year_are_compared_in_order(built: dict[str, Any]) -> None:
    # 785-791: the aktgranskning in april and in september.
    keys = ("värde", "föregående_år", "föregående_värde", "förändring_procent", "utveckling")
    assert _open(built, "aktgranskning-kontinuerlig-aktivitet", *keys) == (
        18,
        2023,
        28,
        -36,
        "försämring",
    )
    assert _open(built, "aktgranskning-utredningsplaner", "mätningar") == (
        [{"period": "april", "värde": 23}, {"period": "september", "värde": 25}],
    )
    plans = row(built, INDICATORS, "Aktgranskning: utredningar med utredningsplan Eget mått")
    assert plans[1:4] == [
        "25 utredningar september 2023",
        "23 utredningar april 2023 +9 %",
        "Förbättring",
    ]
    views = row(built, INDICATORS, "Aktgranskning: barnets inställning till insats Eget mått")
    assert views[2] == "6 utredningar april 2023 från 6 utredningar till 10 utredningar"
    pdf = _pdftotext(built)
    assert "september 2023" in pdf and "april 2023" in pdf and "−36 %" in pdf


def test_a_year_before_last_is_the_earlier_measurement(built: dict[str, Any]) -> None:
    # 649 "nio 2023, sju 2021"; 675 "65 % (2020: 40 %)".
    keys = ("föregående_år", "föregående_värde", "utveckling")
    assert _open(built, "fhc-barn-svarande", *keys) == (2021, 7, None)  # riktning neutral
    meetings = row(
        built,
        INDICATORS,
        "Interna familjehem: träffar och gemensamma aktiviteter mindre viktiga eller oviktiga"
        " Brukarundersökning",
    )
    assert meetings[2] == "40 % 2020 +25 procentenheter"


SHAPES = [
    pytest.param(
        '"över 90"',
        'värdet "över 90" saknar %: indikatorns enhet är %, skriv t.ex. "över 90 %"',
        id="grans-utan-procent",
    ),
    pytest.param(
        '"80–65 %"',
        'intervallet "80–65 %" måste börja med det lägre talet: skriv t.ex. "65–80 %"',
        id="intervall-baklanges",
    ),
    pytest.param(
        '"cirka 90 %"',
        'värdet "cirka 90 %" går inte att läsa: skriv ett tal (90), en gräns (över 90 %, under'
        " 5, minst 3, högst 10) eller ett intervall (65–80 %), eller okänt",
        id="okand-form",
    ),
]


@pytest.mark.parametrize(("value", "message"), SHAPES)
def test_a_wrong_value_shape_is_told_with_file_line_and_fix(
    tmp_path: Path, value: str, message: str
) -> None:
    root = portal(tmp_path)
    edit(root, "2023/indikatorer.yml", 'värde: "över 90 %"', f"värde: {value}")
    # Line 50 is the indicator's row; one message, nothing after it.
    assert fixture_errors(root) == [f'reports/2023/indikatorer.yml:50 – fältet "värde": {message}.']


def test_a_stated_change_needs_its_sign_and_unit(tmp_path: Path) -> None:
    root = portal(tmp_path)
    edit(root, "2023/indikatorer.yml", 'förändring: "+28 %"', "förändring: 28")
    assert fixture_errors(root) == [
        'reports/2023/indikatorer.yml:80 – fältet "förändring": förändringen "28" går inte att'
        ' läsa: skriv den med tecken och enhet, t.ex. "+28 %", "−2 procentenheter" eller "+3".'
    ]


def test_a_stated_change_beside_an_earlier_value_is_refused(tmp_path: Path) -> None:
    # The page would show the change computed from 2022 and drop the stated one unseen.
    root = portal(tmp_path)
    edit(
        root,
        "2023/indikatorer.yml",
        'förändring: "+28 %"',
        'tidigare: {2022: 39}, förändring: "+28 %"',
    )
    assert fixture_errors(root) == [
        'reports/2023/indikatorer.yml:80 – fältet "förändring": förändring anges bara när det'
        " tidigare värdet saknas, men 2022 har värdet 39\u00a0%: sidan visar förändringen"
        " räknad ur det. Ta bort förändring och förändring_källa, eller det tidigare värdet om"
        " det är fel."
    ]


def test_a_hyphen_with_spaces_is_a_range_too(tmp_path: Path) -> None:
    root = portal(tmp_path)
    edit(root, "2023/indikatorer.yml", 'värde: "65-80 %"', 'värde: "65 - 80 %"')
    reports = load_ledningssystem(root).reports
    assert reports is not None
    assert reports.figures[YEAR]["indikatorer.bbic-samtal-utredning-aldre-barn"].text() == (
        "65–80\u00a0%"
    )


def test_synpunkter_6_2_on_the_page_and_in_the_pdf(built: dict[str, Any]) -> None:
    summary = "Klagomål 2023 i sammandrag"
    assert row(built, summary, "Klagomål och synpunkter (ärenden)")[1] == "34"
    assert row(built, summary, "Unika inlämnare")[1] == "30"
    per_unit = "Klagomål och synpunkter 2023 per enhet"
    assert row(built, per_unit, "Myndighet barn och familj")[-1] == "23"
    assert row(built, per_unit, "Stödboende")[-1] == "0"
    # The report's table sums the unit marks (37); the portal's Summa is the ärenden and the
    # note under the table gives the marks.
    assert row(built, per_unit, "Summa")[-1] == "34"
    note = "raderna summerar till 37, antalet ärenden är 34"
    assert note in built["page"] and note in built["pdf"]
    assert "Myndighet barn och familj 23 23" in built["pdf"]


def test_avvikelser_6_3_and_6_4_on_the_page(built: dict[str, Any]) -> None:
    individ = "Avvikelser på individnivå 2023"
    # 526: the statistics of utredda are not reliable, so never a share of 0 %.
    assert row(built, individ, "Avvikelser enligt SoL")[1:] == [
        "85",
        "uppgift saknas för 85",
        "uppgift saknas för 85",
        "uppgift saknas",
    ]
    hsl = "Avvikelser enligt HSL 2023 per enhet och kategori"
    # 532: 90 läkemedel, 23 övrig HSL, 1 trycksår; 534: 79 läkemedel and 9 övrig.
    assert row(built, hsl, "Kaptensgatan")[1:] == ["90", "0", "1", "23", "114"]
    assert row(built, hsl, "Badhusgatan (Nytida)")[1:] == ["79", "0", "0", "9", "88"]
    together = "Avvikelser i samverkan med hälso- och sjukvården och andra förvaltningar"
    assert row(built, together, "Skickade till hälso- och sjukvården")[1] == "6"
    assert row(built, together, "Mottagna från andra förvaltningar")[1] == "1"
    assert not re.search(r"(?<![\d,]) ?0 %", built["page"])
    assert "Kaptensgatan 90 0 1 23 114" in built["pdf"]


def test_recurrence_is_graded_on_its_own_scale(built: dict[str, Any]) -> None:
    # 520: severity on the report's three steps, recurrence on its four (upprepningsgrader).
    severity = "Avvikelser per allvarlighetsgrad"
    assert row(built, severity, "Mycket allvarlig")[1] == "1"
    recurrence = "Avvikelser per risk för upprepning"
    labels = [
        row(built, recurrence, g)[0] for g in ("Mycket liten", "Liten", "Stor", "Mycket stor")
    ]
    assert labels == ["Mycket liten", "Liten", "Stor", "Mycket stor"]
    assert row(built, recurrence, "Mycket stor")[1] == "1"
    assert "avvikelser.risk-for-upprepning.mindre" not in built["json"]


def test_a_grade_outside_its_scale_is_told_with_file_line_and_fix(tmp_path: Path) -> None:
    root = portal(tmp_path)
    # "mindre" is a severity grade, not one of upprepningsgrader.
    edit(root, "2023/avvikelser.csv", "mindre;mycket-stor", "mindre;mindre")
    assert fixture_errors(root) == [
        'reports/2023/avvikelser.csv:2 – fältet "risk_för_upprepning": graden "mindre" finns'
        " inte. Tillåtna värden: mycket-liten, liten, stor, mycket-stor. Se upprepningsgrader"
        " (annars avvikelsegrader) i reports/config.yml."
    ]


def test_an_import_takes_recurrence_from_its_own_scale(built: dict[str, Any]) -> None:
    known = known_ids(built["root"])
    recurrence = ("mycket-liten", "liten", "stor", "mycket-stor", "okänt")
    assert known.ids("risk_för_upprepning", {}) == recurrence
    assert known.ids("allvarlighetsgrad", {}) == ("mindre", "mattlig", "mycket-allvarlig", "okänt")


def test_lex_sarah_6_6_on_the_page_and_in_the_pdf(built: dict[str, Any]) -> None:
    sarah = "Lex Sarah 2023"
    assert row(built, sarah, "Rapporter")[1] == "35"
    assert row(built, sarah, "Utredningar")[1:] == ["27", "20", "+35 %"]
    assert row(built, sarah, "Rapporter för kännedom från andra")[1] == "2"
    assessed = "Avslutade lex Sarah-utredningar per bedömning"
    # 570 "risk för missförhållande": the portal prints the legal wording.
    assert row(built, assessed, "Påtaglig risk för missförhållande")[1] == "1"
    assert row(built, assessed, "Ej missförhållande")[1] == "19"
    assert "Utredningar 27 20 +35 %" in built["pdf"]


def test_egenkontroll_6_7_measured_against_the_goal(built: dict[str, Any]) -> None:
    measured = "54 % mot målet 65 %; 2022: 56 % (−2 procentenheter, försämring)"
    assert measured in built["page"]
    assert "50 % mot målet 60 %" in built["page"]
    causes = "Oplanerade omplaceringar från familjehem 2023 per förvaltning och orsak"
    assert row(built, causes, "Individ- och familjeomsorgsförvaltningen")[1:] == [
        "3",
        "2",
        "5",
        "2",
        "12",
    ]


def test_the_texts_use_figures_and_pass_check(built: dict[str, Any]) -> None:
    sentence = (
        "Under året kom 34 synpunktsärenden in, 85 SoL-avvikelser rapporterades och 35 lex"
        " Sarah-rapporter registrerades."
    )
    assert sentence in built["page"] and sentence in built["pdf"]
    text = figure_text(built["reports"].figures, YEAR, "klagomal.enhetsmarkeringar")
    assert text == "37"
    # avvikelser.total (329) sums kinds the report never adds up: not on the page (GAPS.md).
    assert built["json"]["avvikelser.total"]["värde"] == 329
    assert "329" not in built["page"] and "329" not in built["pdf"]
    result = run_cli(built["root"], "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Innehållet är korrekt" in result.stdout
