"""Issue 10, item 12: imports for every event kind, ej verkställda beslut, conditional values.

A small fictional year (tests/fixtures/berattelse) gets its lex Maria and ej verkställda
beslut from the anonymous sample exports in tests/fixtures/import, through the import
command as an author runs it; the built year shows the figures on the page, in the PDF
and in the open data.
"""

from __future__ import annotations

import io
import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.importer import load_mapping
from ledningssystem.report.importer.convert import Known, convert
from ledningssystem.report.importer.reading import read_table
from ledningssystem.report.literal_counts import lexicon, literal_counts
from ledningssystem.report.load import load_report_config
from ledningssystem.report.unenforced import UnenforcedRow
from tests.conftest import REPO, build_site, copy_example, run_cli, soup

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pypdf

FIXTURE = REPO / "tests" / "fixtures" / "berattelse" / "reports"
IMPORTS = REPO / "tests" / "fixtures" / "import"
MAPPINGS = REPO / "reports" / "mappningar"
UNENFORCED_EXPORT = IMPORTS / "procapita-ej-verkstallda-beslut-2025.csv"
UNENFORCED_MAPPING = MAPPINGS / "procapita-ej-verkstallda-beslut.yml"
MARIA_EXPORT = IMPORTS / "treserva-lex-maria-2025.csv"
MARIA_MAPPING = MAPPINGS / "treserva-lex-maria.yml"
NBSP = "\u00a0"

EXPECTED_UNENFORCED = [
    "id;enhet;lagrum;insats;kön;beslutsdatum;orsak;verkställt;avslutat;kvartal",
    "EVB-25-01;sarskilt-boende;sol;Särskilt boende;kvinna;2024-11-04;Ingen ledig plats;"
    "2025-03-10;;2025-Q1",
    "EVB-25-02;sarskilt-boende;sol;Särskilt boende;man;2025-01-20;Ingen ledig plats;"
    "2025-06-02;;2025-Q2",
    "EVB-25-03;gruppbostader;lss;Bostad med särskild service för vuxna;man;2025-02-11;"
    "Ingen ledig lägenhet;;;2025-Q2",
    "EVB-25-04;vuxen;sol;Kontaktperson;kvinna;2025-04-07;Ingen lämplig kontaktperson;;"
    "2025-10-15;2025-Q3",
    "EVB-25-05;gruppbostader;lss;Kontaktperson;okänt;2025-06-16;Den enskilde tackade nej;;;2025-Q4",
]


def fixture_portal(target: Path) -> Path:
    root = copy_example(target)
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    return root


def import_samples(root: Path) -> list[str]:
    """Both sample exports imported as an author would; the command's output of each."""
    outputs = []
    for kind, export, mapping in (
        ("ej-verkstallda-beslut", UNENFORCED_EXPORT, UNENFORCED_MAPPING),
        ("lex-maria", MARIA_EXPORT, MARIA_MAPPING),
    ):
        args = ["import", kind, str(export), "--year", "2025", "--mapping", str(mapping)]
        result = run_cli(root, *args, "--force")
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append(result.stdout)
    return outputs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = fixture_portal(tmp_path_factory.mktemp("ej-verkstallda"))
    outputs = import_samples(root)
    with (root / "reports" / "2025" / "personuppgiftsincidenter.csv").open("a") as incidents:
        incidents.write("sarskilt-boende;okänt;0\n")  # a unit that could not say how many
    build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    folder = root / "site" / "kvalitetsberattelse" / "2025"
    article = soup(folder / "index.html").find("article")
    reader = pypdf.PdfReader(io.BytesIO((folder / "kvalitetsberattelse-2025.pdf").read_bytes()))
    pdf = " ".join(" ".join(p.extract_text().replace(NBSP, " ").split()) for p in reader.pages)
    data = json.loads((folder / "nyckeltal.json").read_text(encoding="utf-8"))
    return {
        "root": root,
        "outputs": outputs,
        "article": article,
        "pdf": pdf,
        "json": {f["namn"]: f for f in data["figurer"]},
    }


def table_row(built: dict[str, Any], caption: str, label: str) -> list[str]:
    table = next(
        t
        for t in built["article"].find_all("table")
        if t.caption and caption in t.caption.get_text()
    )
    for tr in table.find_all("tr"):
        texts = [c.get_text(" ", strip=True).replace(NBSP, " ") for c in tr.find_all(["th", "td"])]
        if texts and texts[0] == label:
            return texts
    raise AssertionError(f"no row {label!r} in {caption!r}")


def test_the_ej_verkstallda_import_writes_one_row_per_beslut(built: dict[str, Any]) -> None:
    written = (built["root"] / "reports" / "2025" / "ej-verkstallda-beslut.csv").read_text("utf-8")
    assert written.splitlines() == EXPECTED_UNENFORCED
    assert "Räknade 5 rader. Per lagrum:\n  lss: 2\n  sol: 3\n" in built["outputs"][0]
    assert "datumet ligger inte i 2025: rad 7" in built["outputs"][0]


def test_ej_verkstallda_beslut_on_the_page(built: dict[str, Any]) -> None:
    heading = built["article"].find(id="ej-verkstallda-beslut")
    assert heading is not None and "Ej verkställda beslut" in heading.get_text()
    assert table_row(built, "per lagrum", "SoL")[1] == "3"
    assert table_row(built, "per lagrum", "LSS")[1] == "2"
    assert table_row(built, "läget vid årets slut", "Verkställda under året")[1] == "2"
    assert table_row(built, "läget vid årets slut", "Avslutade utan verkställighet")[1] == "1"
    assert table_row(built, "läget vid årets slut", "Ej verkställda vid årets slut")[1] == "2"
    assert table_row(built, "per kvartal", "Kvartal 2")[1] == "2"
    # The beslut whose kön was not registered is counted apart, never as a zero.
    assert table_row(built, "per kön", "Uppgift saknas")[1] == "1"
    # It may be of either kön: the table counts it once, on its own row, each kön shows what
    # is known; the figure is a lower bound, as in the year's other tables.
    assert table_row(built, "per kön", "Kvinnor")[1] == "2"
    assert built["json"]["ej-verkstallda-beslut.kon.kvinna"]["uppgift_saknas"] == 1
    assert table_row(built, "per enhet", "Särskilt boende Linden") == [
        "Särskilt boende Linden",
        "2",
    ]
    assert table_row(built, "per enhet", "Summa") == ["Summa", "5"]


def test_ej_verkstallda_beslut_in_the_pdf(built: dict[str, Any]) -> None:
    pdf = built["pdf"]
    assert "Ej verkställda beslut 2025 per lagrum" in pdf
    assert "Ej verkställda vid årets slut 2" in pdf
    assert "5 gynnande beslut rapporterades till IVO 2025" in pdf


def test_ej_verkstallda_beslut_in_the_open_data(built: dict[str, Any]) -> None:
    figures = built["json"]
    expected = {
        "ej-verkstallda-beslut.total": 5,
        "ej-verkstallda-beslut.lagrum.sol": 3,
        "ej-verkstallda-beslut.lagrum.lss": 2,
        "ej-verkstallda-beslut.verkstallda": 2,
        "ej-verkstallda-beslut.avslutade": 1,
        "ej-verkstallda-beslut.ej-verkstallda": 2,
        "ej-verkstallda-beslut.kon.uppgift-saknas": 1,
        "ej-verkstallda-beslut.kvartal.4": 1,
        "ej-verkstallda-beslut.avdelning.vard-och-omsorg": 2,  # rolled up from the enheter
    }
    assert {name: figures[name]["värde"] for name in expected} == expected
    assert "ej-verkstallda-beslut.lagrum.uppgift-saknas" not in figures  # no unknown lagrum
    women = figures["ej-verkstallda-beslut.kon.kvinna"]
    assert (women["värde"], women["uppgift_saknas"], women["förändring"]) == (2, 1, None)
    assert figures["ej-verkstallda-beslut.lagrum.sol"]["uppgift_saknas"] == 0


def test_lex_maria_import_with_a_conditional_value(built: dict[str, Any]) -> None:
    # "Avslutad" is anmäld to IVO only where the column Anmälan IVO says Skickad.
    written = (built["root"] / "reports" / "2025" / "lex-maria.yml").read_text("utf-8")
    assert [line for line in written.splitlines() if not line.startswith("#")][1:5] == [
        "  - {id: LM-25-01, enhet: hemsjukvard, händelse: Fördröjd insulinbehandling, "
        "inkom: 2025-02-14, utredning_avslutad: 2025-04-02, anmäld_ivo: ja}",
        "  - {id: LM-25-02, enhet: sarskilt-boende, händelse: Fall med fraktur, "
        "inkom: 2025-06-09, utredning_avslutad: 2025-07-30, anmäld_ivo: ja}",
        "  - {id: LM-25-03, enhet: hemsjukvard, händelse: Läkemedel till fel patient, "
        "inkom: 2025-09-22, anmäld_ivo: nej}",
        "  - {id: LM-25-04, enhet: sarskilt-boende, händelse: Utebliven tillsyn, "
        "inkom: 2025-11-03, utredning_avslutad: 2025-12-10, anmäld_ivo: nej}",
    ]
    assert built["json"]["lex-maria.utredningar"]["värde"] == 4
    assert built["json"]["lex-maria.anmalda-ivo"]["värde"] == 2
    assert table_row(built, "Lex Maria 2025", "Anmälda till IVO")[1] == "2"
    assert "Anmälda till IVO 2" in built["pdf"]


def test_an_unknown_antal_is_told_apart_never_summed_as_zero(built: dict[str, Any]) -> None:
    caption = "Personuppgiftsincidenter 2025"
    # The unit's one row has antal okänt: nothing is known of it, and the cell says for how many.
    assert table_row(built, caption, "Särskilt boende Linden")[1:] == [
        "uppgift saknas för 1",
        "uppgift saknas för 1",
    ]
    assert table_row(built, caption, "Summa")[1] == "3 (uppgift saknas för 1)"
    assert "Summa 3 (uppgift saknas för 1)" in built["pdf"]
    total = built["json"]["personuppgiftsincidenter.total"]
    assert (total["värde"], total["uppgift_saknas"], total["förändring"]) == (3, 1, None)
    assert built["json"]["personuppgiftsincidenter.antal.uppgift-saknas"]["värde"] == 1


# --- conditional values ---------------------------------------------------------------------

KNOWN = Known(
    units=frozenset({"hemtjanst-norr"}),
    deviation_kinds={},
    complaint_sources=("brukare", "invanare"),
    complaint_categories=("bemotande",),
)
CONDITIONAL = """\
namn: Test
typ: klagomal
kolumner: {enhet: Enhet, från: Typ, kategorier: Område}
värden:
  från:
    Klagomål:
      - om: {Kanal: Webb}
        blir: invanare
      - om: {Kanal: Telefon, Enhet: Hemtjänst Norr}
        blir: ~
      - blir: brukare
"""


def converted(tmp_path: Path, mapping_text: str, export_text: str) -> list[dict[str, object]]:
    (tmp_path / "m.yml").write_text(mapping_text, encoding="utf-8")
    (tmp_path / "e.csv").write_text(export_text, encoding="utf-8")
    mapping = load_mapping(tmp_path / "m.yml", tmp_path)
    table = read_table(tmp_path / "e.csv", "e.csv")
    return convert(table, mapping, KNOWN, 2025).events


def test_a_value_is_mapped_by_another_column(tmp_path: Path) -> None:
    export = (
        "Enhet;Typ;Kanal;Område\n"
        "hemtjanst-norr;Klagomål;webb;bemotande\n"
        "hemtjanst-norr;Klagomål;Brev;bemotande\n"
        "Hemtjänst Norr;Klagomål;Telefon;bemotande\n"
    )
    mapping = CONDITIONAL.replace("kolumner:", "kolumner:", 1) + (
        "  enhet: {Hemtjänst Norr: hemtjanst-norr}\n"
    )
    events = converted(tmp_path, mapping, export)
    # Webb (any case) → invånare; Brev → the default; Telefon at Hemtjänst Norr → not counted.
    assert [e["från"] for e in events] == ["invanare", "brukare"]


def test_a_condition_on_a_missing_column_names_it(tmp_path: Path) -> None:
    export = "Enhet;Typ;Område\nhemtjanst-norr;Klagomål;bemotande\n"
    with pytest.raises(ContentErrors) as caught:
        converted(tmp_path, CONDITIONAL, export)
    messages = [e.format() for e in caught.value.errors]
    assert messages == [
        'e.csv:1 – fältet "Kanal": kolumnen "Kanal" saknas (den används i ett villkor, om, '
        "under värden). Kolumnerna i filen: Enhet, Typ, Område."
    ]


@pytest.mark.parametrize(
    ("alternatives", "line", "expected"),
    [
        pytest.param(
            "      - blir: brukare\n      - om: {Kanal: Webb}\n        blir: invanare\n",
            8,
            "ett alternativ utan om gäller alltid och ska stå sist",
            id="standard-först",
        ),
        pytest.param(
            "      - om: {Kanal: Webb}\n        bli: invanare\n",
            9,
            "bli",
            id="felstavat-blir",
        ),
    ],
)
def test_a_wrong_conditional_value_is_told_with_its_line(
    tmp_path: Path, alternatives: str, line: int, expected: str
) -> None:
    text = CONDITIONAL.split("    Klagomål:\n")[0] + "    Klagomål:\n" + alternatives
    (tmp_path / "m.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_mapping(tmp_path / "m.yml", tmp_path)
    errors = caught.value.errors
    assert errors[0].file == "m.yml"
    assert errors[0].line is not None and errors[0].line >= line - 2
    assert expected in errors[0].format()


# --- the model and the räknas check -----------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"kvartal": "5"}, "kvartal ska vara 1, 2, 3 eller 4, inte 5"),
        (
            {"verkställt": "2025-05-01", "avslutat": "2025-05-02"},
            "ange verkställt eller avslutat, inte båda",
        ),
        ({"verkställt": "2024-01-01"}, "verkställt (2024-01-01) är före beslutsdatum (2025-01-10)"),
    ],
)
def test_a_wrong_beslut_row_is_refused(row: dict[str, str], message: str) -> None:
    base = {"enhet": "vuxen", "lagrum": "SoL", "insats": "Kontaktperson"}
    base |= {"beslutsdatum": "2025-01-10", "kvartal": "2"}
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        UnenforcedRow.model_validate(base | row)


def test_every_required_beslut_field_accepts_an_explicit_unknown() -> None:
    row = UnenforcedRow.model_validate(
        {
            "enhet": "okänt",
            "lagrum": "ej registrerat",
            "insats": "okänt",
            "beslutsdatum": "okänt",
            "kvartal": "Okänt",
        }
    )
    assert (row.law, row.service, row.decided, row.quarter) == (None, "", None, None)


def test_a_misspelt_figure_under_raknas_is_an_error_with_the_nearest(tmp_path: Path) -> None:
    root = fixture_portal(tmp_path / "portal")
    config = root / "reports" / "config.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "räknas:\n  - figur: klagomal.totl\n    ord: [synpunkt, synpunkter]\n",
        encoding="utf-8",
    )
    line = config.read_text(encoding="utf-8").splitlines().index("  - figur: klagomal.totl") + 1
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(root)
    assert [e.format() for e in caught.value.errors] == [
        f'reports/config.yml:{line} – fältet "räknas nr 1 › figur": figuren "klagomal.totl" '
        'finns inte för något år, så orden räknas inte. Menade du "klagomal.total"?'
    ]


@pytest.mark.parametrize(
    ("sentence", "refused"),
    [
        ("Under året fanns 5 ej verkställda beslut.", '"5 ej verkställda"'),
        ("Fem ej verkställda beslut rapporterades.", '"Fem ej verkställda"'),
        ("Det fanns 3 beslut om tillsyn från IVO.", None),  # other beslut are not counted
        ("Beslut som inte verkställts inom 3 månader rapporteras.", None),
        ('{{ figure("ej-verkstallda-beslut.total") }} ej verkställda beslut.', None),
    ],
)
def test_a_literal_count_of_ej_verkstallda_beslut_is_refused(
    sentence: str, refused: str | None
) -> None:
    config, errors = load_report_config(REPO)
    assert errors == []
    figures = FigureSet(2025)
    figures.add("ej-verkstallda-beslut.total", "ej verkställda beslut", 5)
    found = [
        e.format() for e in literal_counts("t.md", sentence, figures, lexicon(config, figures))
    ]
    expected = (
        []
        if refused is None
        else [
            f't.md:1 – {refused}: skriv {{{{ figure("ej-verkstallda-beslut.total") }}}} '
            "(ger 5 i datafilerna)."
        ]
    )
    assert found == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["HSE Hemsjukvård", "Okänd", ""]),
            st.sampled_from(["Avslutad", "Anmäld", "avslutad ", "Annat", ""]),
            st.text(alphabet="SkiadEj tl", max_size=8),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_export_with_conditions_reads_or_reports(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]]
) -> None:
    export = tmp_path_factory.mktemp("villkor") / "export.csv"
    lines = ["Händelse-id;Verksamhet;Status;Anmälan IVO"]
    lines += [f"x{i};{unit};{status};{sent}" for i, (unit, status, sent) in enumerate(rows)]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = load_mapping(MARIA_MAPPING, REPO).model_copy(
        update={"columns": {"id": "Händelse-id", "enhet": "Verksamhet", "anmäld_ivo": "Status"}}
    )
    known = Known(frozenset({"hemsjukvard"}), {}, (), ())
    try:
        events = convert(read_table(export, "export.csv"), mapping, known, 2025).events
    except ContentErrors as errors:
        assert all(e.file == "export.csv" and e.message for e in errors.errors)
        return
    for event, (_, status, sent) in zip(events, rows, strict=False):
        if status.strip() == "Avslutad":
            assert event["anmäld_ivo"] is (sent.strip().casefold() == "skickad")
