"""Import writes every field a real export has (issue 10, items 2, 3, 5, 10 and 12).

Each sample export under tests/fixtures/import/ is imported into a copy of the example
with its mapping from reports/mappningar/; the written file, `check` and the figures
the berättelse computes from it are asserted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figure_set import FigureSet
from tests.conftest import REPO, build_site, copy_example_before_import, run_cli, soup

FIXTURES = REPO / "tests" / "fixtures" / "import"
MAPPINGS = REPO / "reports" / "mappningar"


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    return copy_example_before_import(tmp_path / "portal")


def imported(root: Path, kind: str, export: str, mapping: str, target: str) -> str:
    args = ["import", kind, str(FIXTURES / export), "--year", "2025", "--force"]
    result = run_cli(root, *args, "--mapping", str(MAPPINGS / mapping))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "datumet ligger inte i 2025: rad 2" in result.stdout  # the 2024 row
    return without_note((root / "reports" / "2025" / target).read_text(encoding="utf-8"))


def without_note(text: str) -> str:
    """The data of an imported file, without the comment lines an imported YAML file opens with."""
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


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
        "inkom: 2025-03-11, utredning_avslutad: 2025-05-28, bedömning: missforhallande, "
        "anmäld_ivo: okänt}"
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
    assert "anmäld_ivo: nej" not in written  # an empty cell is not a nej …
    assert lines[2].endswith("anmäld_ivo: okänt}")  # … but unknown, on an utredning
    assert "anmäld_ivo" not in lines[8] + lines[9]  # not one: för kännedom, som avvikelse
    figures = checked_figures(portal)
    assert figures["lex-sarah.rapporter"].value == 11
    assert figures["lex-sarah.utredningar"].value == 7
    anmalda = figures["lex-sarah.anmalda-ivo"]
    assert (anmalda.value, anmalda.missing) == (1, 6)  # six utredningar left it empty
    assert figures["lex-sarah.ivo.avslutat-utan-kritik"].value == 1
    assert (figures["lex-sarah.for-kannedom"].value, figures["lex-sarah.som-avvikelse"].value) == (
        1,
        1,
    )


def run_import(root: Path, kind: str, rows: list[str], *mapping: str) -> tuple[int, str, str]:
    export = root / "export.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["import", kind, "export.csv", "--year", "2025", "--force", *mapping]
    result = run_cli(root, *args)
    target = root / "reports" / "2025" / f"{kind}.{'yml' if kind.startswith('lex-') else 'csv'}"
    text = without_note(target.read_text(encoding="utf-8"))
    return result.returncode, result.stdout + result.stderr, text


def test_anmald_ivo_is_written_as_the_export_says(portal: Path) -> None:
    code, output, written = run_import(
        portal,
        "lex-sarah",
        [
            "id;enhet;kategori;anmäld_ivo;anmäld_ivo_datum;ivo_beslut;rapporter",
            "a;vuxen;utforande;Ja;;Kritik;2",
            "b;vuxen;utforande;;2025-04-01;;",  # a date of anmälan: it was anmäld
            "c;vuxen;utforande;nej;;;1",
            "d;vuxen;utforande;;;;",
        ],
    )
    assert code == 0, output
    assert written.splitlines()[1:] == [
        "  - {id: a, enhet: vuxen, rapporter: 2, kategori: utforande, anmäld_ivo: ja, "
        "ivo_beslut: kritik}",
        "  - {id: b, enhet: vuxen, kategori: utforande, anmäld_ivo: ja, "
        "anmäld_ivo_datum: 2025-04-01}",
        "  - {id: c, enhet: vuxen, kategori: utforande, anmäld_ivo: nej}",
        "  - {id: d, enhet: vuxen, kategori: utforande, anmäld_ivo: okänt}",
    ]
    anmalda = checked_figures(portal)["lex-sarah.anmalda-ivo"]
    assert (anmalda.value, anmalda.missing) == (2, 1)


def test_an_empty_anmald_ivo_is_nej_only_when_the_mapping_says_so(portal: Path) -> None:
    mapping = portal / "mappning.yml"
    mapping.write_text(
        "namn: Test\ntyp: lex-sarah\nkolumner:\n  id: id\n  enhet: enhet\n  kategori: kategori\n"
        '  anmäld_ivo: anmäld\nvärden:\n  anmäld_ivo:\n    Ja: ja\n    "": nej\n',
        encoding="utf-8",
    )
    code, output, written = run_import(
        portal,
        "lex-sarah",
        ["id;enhet;kategori;anmäld", "a;vuxen;utforande;Ja", "b;vuxen;utforande;"],
        "--mapping",
        "mappning.yml",
    )
    assert code == 0, output
    assert written.splitlines()[1:] == [
        "  - {id: a, enhet: vuxen, kategori: utforande, anmäld_ivo: ja}",
        "  - {id: b, enhet: vuxen, kategori: utforande, anmäld_ivo: nej}",
    ]


def test_words_as_exports_write_them_need_no_value_table(portal: Path) -> None:
    code, output, written = run_import(
        portal,
        "klagomal",
        [
            "enhet;från;kategorier;slag;fler_enheter;inlämnare",
            "hemtjanst-norr;brukare;bemotande;Klagomål;hemtjanst-soder, vuxen;A1",
            "hemtjanst-norr;brukare;bemotande;beröm;;A2",
            "hemtjanst-norr;brukare;bemotande;Ej registrerat;;",
        ],
    )
    assert code == 0, output
    assert written.splitlines() == [
        "enhet;fler_enheter;från;kategorier;antal;slag;inlämnare",
        "hemtjanst-norr;;brukare;bemotande;1;berom;A2",
        "hemtjanst-norr;hemtjanst-soder,vuxen;brukare;bemotande;1;klagomal;A1",
        "hemtjanst-norr;;brukare;bemotande;1;okänt;",
    ]


def test_bad_values_of_the_new_fields_are_line_numbered_swedish_errors(portal: Path) -> None:
    before = (portal / "reports" / "2025" / "avvikelser.csv").read_text(encoding="utf-8")
    code, output, after = run_import(
        portal,
        "avvikelser",
        [
            "enhet;typ;kategori;utredd;avslutad;allvarlighetsgrad;samverkan;motpart",
            "hemsjukvard;hsl;fall;ja;ja;Medel;Mottagen;regionen",
            "hemsjukvard;hsl;fall;ja;ja;extrem;skickat;kommunen",
        ],
    )
    assert code == 1
    assert after == before  # nothing written
    assert "Traceback" not in output
    assert (
        'export.csv:3 – fältet "allvarlighetsgrad": värdet "extrem" finns inte i mappningen '
        "(allvarlighetsgrad). Lägg till det under värden › allvarlighetsgrad i mappningen, t.ex. "
        '"extrem": lag, "" om fältet ska lämnas tomt, eller ~ om raden inte ska räknas. '
        "Tillåtna id: lag, medel, hog, okänt." in output
    )
    assert 'export.csv:3 – fältet "samverkan": värdet "skickat" finns inte' in output
    assert 'export.csv:3 – fältet "motpart": värdet "kommunen" finns inte' in output
    assert "Tillåtna id: regionen." in output


def test_bad_dates_counts_and_process_values_are_all_reported(portal: Path) -> None:
    mapping = ["--mapping", str(MAPPINGS / "treserva-lex-sarah-diarium.yml")]
    header = (FIXTURES / "treserva-lex-sarah-diarium-2025.csv").read_text("utf-8").splitlines()[0]
    code, output, _ = run_import(
        portal,
        "lex-sarah",
        [
            header,
            "ls-1;2025-02-03;2025-02-03;tre;Hemtjänst Söder;Utförande av insats;Överlämnad;;"
            "2025-02-04;2025-03-20;Missförhållande;Ja;32/13/2025;Kritiserad",
        ],
        *mapping,
    )
    assert code == 1
    assert 'export.csv:2 – fältet "Anmäld IVO datum": datumet går inte att läsa.' in output
    assert 'export.csv:2 – fältet "Antal rapporter": antalet "tre" är inget heltal.' in output
    assert 'fältet "Hantering": värdet "Överlämnad" finns inte i mappningen (hantering)' in output
    assert "Tillåtna id: utredning, för-kännedom, som-avvikelse." in output
    assert 'fältet "IVO:s beslut": värdet "Kritiserad" finns inte i mappningen' in output


def test_a_mapping_naming_an_unknown_field_lists_the_new_ones(portal: Path) -> None:
    mapping = portal / "reports" / "mappningar" / "fel.yml"
    mapping.write_text(
        "namn: fel\ntyp: klagomal\nkolumner:\n  enhet: Enhet\n  från: Från\n"
        "  kategorier: Område\n  inlamnare: Inlämnare\n",
        encoding="utf-8",
    )
    code, output, _ = run_import(
        portal, "klagomal", ["Enhet;Från;Område;Inlämnare"], "--mapping", str(mapping)
    )
    assert code == 1
    assert (
        'reports/mappningar/fel.yml:7 – fältet "kolumner": "inlamnare" är inget fält för '
        'klagomal. Menade du "inlämnare"? Fälten är enhet, fler_enheter, från, kategorier, '
        "antal, i_tid, återkoppling, slag, inlämnare, datum." in output
    )


def test_a_built_in_mapping_reports_all_its_problems_each_on_its_line(portal: Path) -> None:
    mapping = portal / "reports" / "mappningar" / "fel.yml"
    mapping.write_text(
        "namn: fel\ntyp: klagomal\nkolumner:\n  enhet: Enhet\n  färg: Färg\n"
        "fasta_värden:\n  storlek: stor\nvärden:\n  smak:\n    Sur: sur\n",
        encoding="utf-8",
    )
    code, output, _ = run_import(portal, "klagomal", ["Enhet;Färg"], "--mapping", str(mapping))
    assert code == 1
    fields = "enhet, fler_enheter, från, kategorier, antal, i_tid, återkoppling, slag, "
    fields += "inlämnare, datum."
    for line, key, name in ((5, "kolumner", "färg"), (7, "fasta_värden", "storlek")):
        assert (
            f'reports/mappningar/fel.yml:{line} – fältet "{key}": "{name}" är inget fält för '
            f"klagomal. Fälten är {fields}"
        ) in output
    assert 'fel.yml:9 – fältet "värden": "smak" är inget fält för klagomal.' in output
    assert (
        'fel.yml:3 – fältet "kolumner": ange kolumn eller fast värde för från, kategorier.'
    ) in output


def test_lex_maria_takes_the_same_process_fields(portal: Path) -> None:
    code, output, _ = run_import(
        portal,
        "lex-maria",
        [
            "id;enhet;händelse;inkom;utredning_påbörjad;utredning_avslutad;hantering;avsändare;"
            "anmäld_ivo;anmäld_ivo_datum;ivo_beslut",
            "m1;hemsjukvard;Fall;2025-03-01;03/03/2025;2025-04-01;;;Ja;2025-04-02;Pågår",
            "m2;hemsjukvard;Läkemedel;okänt;;;För kännedom;Regionen;;;",
        ],
    )
    assert code == 0, output
    written = (portal / "reports" / "2025" / "lex-maria.yml").read_text(encoding="utf-8")
    assert written.splitlines()[:2] == [
        "# Importerad med make import TYP=lex-maria ur export.csv",
        "# utan mappning (kolumnerna heter som fälten).",
    ]
    assert without_note(written).splitlines()[1:] == [
        "  - {id: m1, enhet: hemsjukvard, händelse: Fall, inkom: 2025-03-01, "
        "utredning_påbörjad: 2025-03-03, utredning_avslutad: 2025-04-01, anmäld_ivo: ja, "
        "anmäld_ivo_datum: 2025-04-02, ivo_beslut: pågår}",
        "  - {id: m2, enhet: hemsjukvard, händelse: Läkemedel, hantering: för-kännedom, "
        "avsändare: Regionen, inkom: okänt}",
    ]
    assert checked_figures(portal)["lex-maria.anmalda-ivo"].value == 1


def test_imported_grades_and_kinds_reach_the_built_page(portal: Path) -> None:
    imported(
        portal,
        "avvikelser",
        "treserva-avvikelser-grader-2025.csv",
        "treserva-avvikelser-grader.yml",
        "avvikelser.csv",
    )
    imported(
        portal,
        "klagomal",
        "lifecare-synpunkter-slag-2025.csv",
        "lifecare-synpunkter-slag.yml",
        "klagomal.csv",
    )
    site = build_site(portal, env={"LEDNINGSSYSTEM_PDF": "nej"})
    page = soup(site / "kvalitetsberattelse" / "2025" / "index.html")
    tables = {
        " ".join(t.caption.get_text(" ", strip=True).split()): t.get_text(" ", strip=True)
        for t in page.find_all("table")
        if t.caption
    }
    # One avvikelse's grade is "Ej registrerat": it counts once, under Uppgift saknas.
    assert "Låg 2 Medel 3 Hög 1 Uppgift saknas 1" in tables["Avvikelser per allvarlighetsgrad"]
    assert (
        "Skickade till regionen 1 Mottagna från regionen 3"
        in (tables["Avvikelser i samverkan med regionen"])
    )
    assert "Beröm 1" in tables["Synpunkter per slag"]
    assert "Uppgift saknas 1" in tables["Synpunkter per slag"]
    assert "Unika inlämnare 4 (uppgift saknas för 1)" in page.get_text(" ", strip=True)


def test_an_unknown_yes_no_makes_the_sum_unknown_never_too_low(portal: Path) -> None:
    code, output, written = run_import(
        portal,
        "avvikelser",
        [
            "enhet;typ;kategori;utredd;avslutad",
            "hemsjukvard;hsl;fall;ja;ja",
            "hemsjukvard;hsl;fall;Ej registrerat;nej",
            "hemsjukvard;hsl;lakemedel;ja;nej",
        ],
    )
    assert code == 0, output
    assert written.splitlines() == [
        "enhet;typ;kategori;antal;utredda;avslutade",
        "hemsjukvard;hsl;fall;2;okänt;1",
        "hemsjukvard;hsl;lakemedel;1;1;0",
    ]
    code, output, _ = run_import(
        portal,
        "personuppgiftsincidenter",
        ["enhet;anmäld_imy", "stab;kanske"],
    )
    assert code == 1
    assert 'värdet "kanske" ska vara ja, nej eller okänt (anmäld_imy)' in output


def test_okant_typ_kategori_and_kategorier_are_written_as_okant(portal: Path) -> None:
    code, output, written = run_import(
        portal,
        "avvikelser",
        [
            "enhet;typ;kategori;utredd;avslutad",
            "hemsjukvard;hsl;Okänt;ja;ja",
            "hemsjukvard;Ej registrerat;fall;ja;nej",  # a typ okänt may keep its kategori
            "hemsjukvard;okänt;ej registrerat;ja;ja",
        ],
    )
    assert code == 0, output
    assert written.splitlines() == [
        "enhet;typ;kategori;antal;utredda;avslutade",
        "hemsjukvard;hsl;okänt;1;1;1",
        "hemsjukvard;okänt;fall;1;1;0",
        "hemsjukvard;okänt;okänt;1;1;1",
    ]
    figures = checked_figures(portal)
    assert figures["avvikelser.uppgift-saknas.total"].value == 2
    assert figures["avvikelser.hsl.kategori.uppgift-saknas"].value == 1
    code, output, written = run_import(
        portal,
        "klagomal",
        [
            "enhet;från;kategorier;i_tid",
            "hemtjanst-norr;brukare;Ej registrerat;ja",
            "hemtjanst-norr;brukare;bemotande, okänt;ja",  # a known category says more
        ],
    )
    assert code == 0, output
    assert written.splitlines() == [
        "enhet;från;kategorier;antal;i_tid",
        "hemtjanst-norr;brukare;bemotande;1;1",
        "hemtjanst-norr;brukare;okänt;1;1",
    ]
    assert checked_figures(portal)["klagomal.kategori.uppgift-saknas"].value == 1


def test_an_unknown_typ_elsewhere_is_still_a_row_error(portal: Path) -> None:
    code, output, _ = run_import(
        portal, "avvikelser", ["enhet;typ;kategori;utredd;avslutad", "hemsjukvard;hsj;fall;ja;ja"]
    )
    assert code == 1
    assert 'export.csv:2 – fältet "typ": värdet "hsj" finns inte i mappningen (typ).' in output
    assert "Tillåtna id: sol, lss, hsl, organisatorisk, okänt." in output


def test_an_imported_yaml_file_says_where_it_came_from(portal: Path) -> None:
    export = FIXTURES / "treserva-lex-sarah-diarium-2025.csv"
    shutil.copy(export, portal / export.name)
    mapping = portal / "reports" / "mappningar" / "treserva-lex-sarah-diarium.yml"
    args = ["import", "lex-sarah", export.name, "--year", "2025", "--force"]
    result = run_cli(portal, *args, "--mapping", str(mapping))
    assert result.returncode == 0, result.stdout + result.stderr
    written = (portal / "reports" / "2025" / "lex-sarah.yml").read_text(encoding="utf-8")
    assert written.splitlines()[:6] == [
        "# Importerad med make import TYP=lex-sarah ur treserva-lex-sarah-diarium-2025.csv",
        "# och mappningen reports/mappningar/treserva-lex-sarah-diarium.yml.",
        "# Rätta i exporten eller mappningen och importera igen (FORCE=ja): importen skriver",
        "# över ändringar för hand. Ändra för hand bara det exporten inte har, och importera",
        "# sedan inte igen.",
        "utredningar:",
    ]
    assert checked_figures(portal)["lex-sarah.utredningar"].value == 7  # comments load


def test_a_broken_config_and_a_broken_mapping_are_reported_in_one_run(portal: Path) -> None:
    config = portal / "reports" / "config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "okänd_nyckel: 1\n", encoding="utf-8")
    mapping = portal / "reports" / "mappningar" / "fel.yml"
    mapping.write_text(
        "namn: fel\ntyp: klagomal\nkolumner:\n  enhet: Enhet\n  från: Från\n"
        "  kategorier: Område\n  färg: Färg\n",
        encoding="utf-8",
    )
    code, output, _ = run_import(
        portal, "klagomal", ["Enhet;Från;Område;Färg"], "--mapping", str(mapping)
    )
    assert code == 1
    assert "reports/config.yml:" in output and "okänd_nyckel" in output
    assert 'reports/mappningar/fel.yml:7 – fältet "kolumner": "färg" är inget fält för' in output
