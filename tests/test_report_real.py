"""A year of a förvaltning as real ones report it (tests/fixtures/berattelse), end to end.

Each capability of issue 10's data model is used by the fixture, and each test
finds its figure on the year page, in the PDF and in the open data.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figures import Figure
from ledningssystem.report.indicator_row import IndicatorRow
from ledningssystem.report.model import ComplaintRow, DeviationRow, IncidentRow, MariaRow, SarahRow
from ledningssystem.report.self_check_row import SelfCheckRow
from ledningssystem.report.unknown import UNKNOWN_ID
from tests.conftest import REPO, build_site, copy_example, run_cli, soup

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pypdf

FIXTURE = REPO / "tests" / "fixtures" / "berattelse" / "reports"
NBSP = "\u00a0"


def fixture_portal(target: Path) -> Path:
    """The example organisation with the fixture's reports/ instead of the example's."""
    root = copy_example(target)
    shutil.rmtree(root / "reports")
    shutil.copytree(FIXTURE, root / "reports")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The fixture built once with PDFs: page text, PDF text and nyckeltal.json."""
    root = fixture_portal(tmp_path_factory.mktemp("berattelse"))
    build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    return {"root": root, **read_year(root / "site" / "kvalitetsberattelse" / "2025")}


def read_year(folder: Path) -> dict[str, Any]:
    """A built year's article, page text, PDF text and nyckeltal.json figures by name."""
    article = soup(folder / "index.html").find("article")
    reader = pypdf.PdfReader(
        io.BytesIO((folder / f"kvalitetsberattelse-{folder.name}.pdf").read_bytes())
    )
    pdf = " ".join(" ".join(p.extract_text().replace(NBSP, " ").split()) for p in reader.pages)
    data = json.loads((folder / "nyckeltal.json").read_text(encoding="utf-8"))
    return {
        "article": article,
        "page": " ".join(article.get_text(" ").replace(NBSP, " ").split()),
        "pdf": pdf.replace("\u2010 ", "").replace("- ", "-"),
        "json": {f["namn"]: f for f in data["figurer"]},
    }


def row(built: dict[str, Any], caption: str, label: str) -> list[str]:
    """The cells of the row `label` in the table whose caption contains `caption`.

    A row header may have details stacked below its label (visuals.stacked): the label is
    then the header's first line.
    """
    table = next(
        t
        for t in built["article"].find_all("table")
        if t.caption and caption in t.caption.get_text()
    )
    for tr in table.find_all("tr"):
        texts = [c.get_text(" ", strip=True).replace(NBSP, " ") for c in tr.find_all(["th", "td"])]
        first = tr.find(["th", "td"])
        head = first.get_text("|", strip=True).split("|")[0] if first else ""
        if texts and (texts[0] == label or head == label):
            return texts
    raise AssertionError(f"no row {label!r} in {caption!r}")


def table(built: dict[str, Any], caption: str) -> Any:
    """The table whose caption contains `caption`."""
    return next(
        t
        for t in built["article"].find_all("table")
        if t.caption and caption in t.caption.get_text()
    )


def test_unknown_is_a_value_never_a_zero(built: dict[str, Any]) -> None:
    assert row(built, "Avvikelser på individnivå", "Avvikelser enligt SoL")[4:] == [
        "40 (uppgift saknas för 30)",
        "40 (uppgift saknas för 30)",
        "uppgift saknas",
    ]
    assert row(built, "Klagomål 2025 i sammandrag", "Andel besvarade i tid")[1] == (
        "uppgift saknas"
    )
    share = built["json"]["avvikelser.sol.andel-utredda"]
    assert (share["värde"], share["uppgift_saknas"]) == (None, 30)
    assert built["json"]["klagomal.enhet.uppgift-saknas"]["värde"] == 2
    assert row(built, "Klagomål och synpunkter per år", "2022") == ["2022", "uppgift saknas"]
    zero_share = re.compile(r"(?<![\d,]) ?0,0 %")  # "100,0 %" is fine, "0,0 %" would be false
    assert not zero_share.search(built["page"]) and not zero_share.search(built["pdf"])
    assert "40 (uppgift saknas för 30)" in built["pdf"]
    # An unknown date prints no date at all.
    assert row(built, "Utredda händelser enligt lex Maria", "lm-2")[3] == "–"


def test_small_numbers_read_as_absolute_changes(built: dict[str, Any]) -> None:
    assert row(built, "Lex Sarah 2025", "Rapporter")[1:] == ["5", "1", "från 1 till 5"]
    reports = built["json"]["lex-sarah.rapporter"]
    assert (reports["förändring"], reports["förändring_procent"]) == (4, None)
    assert "+400" not in built["page"] and "+400" not in built["pdf"]
    assert "från 1 till 5" in built["pdf"]
    total = built["json"]["klagomal.total"]  # 40 is above the base: a percentage
    assert total["förändring_procent"] == 5


def test_cases_and_marks_and_units_apart(built: dict[str, Any]) -> None:
    figures = built["json"]
    assert figures["klagomal.total"]["värde"] == 42
    assert figures["klagomal.kategorimarkeringar"]["värde"] == 52
    assert figures["klagomal.enhetsmarkeringar"]["värde"] == 52
    note = (
        "Ett ärende kan ha flera kategorier: 42 ärenden har sammanlagt 52 "
        "kategorimarkeringar, så kategorierna summerar till fler än antalet ärenden."
    )
    assert note in built["page"] and note in built["pdf"]
    assert figures["klagomal.enhet.hemtjanst-norr"]["värde"] == 30  # 20 + 10 shared
    assert figures["klagomal.enhet.hemtjanst-soder"]["värde"] == 16  # 6 + 10 shared


def test_levels_roll_up_to_avdelningar(built: dict[str, Any]) -> None:
    assert row(built, "per avdelning och avsändare", "Vård och omsorg")[-1] == "36"
    assert row(built, "per avdelning och avsändare", "Individ- och familjeomsorg")[-1] == "4"
    assert row(built, "per avdelning och avsändare", "Summa")[-1] == "42"
    assert built["json"]["klagomal.avdelning.vard-och-omsorg"]["värde"] == 36
    assert built["json"]["avvikelser.sol.avdelning.vard-och-omsorg"]["värde"] == 80
    assert "Klagomål och synpunkter 2025 per avdelning och avsändare" in built["pdf"]


def test_kinds_of_synpunkter_and_unique_submitters(built: dict[str, Any]) -> None:
    figures = built["json"]
    kinds = {
        k: figures[f"klagomal.slag.{k}"]["värde"]
        for k in ("klagomal", "synpunkt", "forslag", "berom")
    }
    assert kinds == {"klagomal": 30, "synpunkt": 6, "forslag": 2, "berom": 4}
    unique = figures["klagomal.unika-inlamnare"]
    assert (unique["värde"], unique["uppgift_saknas"]) == (3, 4)
    assert row(built, "Synpunkter per slag", "Beröm")[1] == "4"
    assert "varav 4 beröm" in built["page"] and "varav 4 beröm" in built["pdf"]


def test_lex_sarah_as_a_process(built: dict[str, Any]) -> None:
    figures = built["json"]
    status = {
        name: figures[f"lex-sarah.{name}"]["värde"]
        for name in ("utredningar", "avslutade", "avslutade-utan-bedomning", "pagaende")
    }
    assert status == {
        "utredningar": 4,
        "avslutade": 2,
        "avslutade-utan-bedomning": 1,
        "pagaende": 1,
    }
    assert figures["lex-sarah.for-kannedom"]["värde"] == 1
    assert figures["lex-sarah.som-avvikelse"]["värde"] == 1
    assert figures["lex-sarah.utredningstid-median"]["värde"] == 41  # 27, 41 and 121 days
    assert figures["lex-sarah.andel-inom-mal"]["värde"] == 66.7
    assert figures["lex-sarah.ivo.avslutat-utan-kritik"]["värde"] == 1
    assert figures["lex-maria.ivo.kritik"]["värde"] == 1
    within = row(built, "Lex Sarah 2025", "Andel avslutade inom målet (60 dagar)")
    assert within[1] == "66,7 % (2 av 3)"  # a base below 10 says what it is of
    assert row(built, "per bedömning", "Påtaglig risk för missförhållande")[1] == "1"
    for text in ("Avslutade utan registrerad bedömning", "Påtaglig risk för missförhållande"):
        assert text in built["page"] and text in built["pdf"]


def test_history_gives_earlier_years_and_five_year_trends(built: dict[str, Any]) -> None:
    total = built["json"]["klagomal.total"]
    assert (total["föregående_år"], total["föregående_värde"]) == (2024, 40)
    table = next(
        t
        for t in built["article"].find_all("table")
        if t.caption and "Avvikelser enligt SoL per år" in t.caption.get_text()
    )
    years = [tr.find(["th", "td"]).get_text() for tr in table.select("tbody tr")]
    assert years == ["2021", "2022", "2023", "2024", "2025"]  # five years, 2020 left out
    assert "Avvikelser enligt SoL per år (tabell)" in built["pdf"]


def test_indicators_carry_direction_and_development(built: dict[str, Any]) -> None:
    figures = built["json"]
    share = figures["indikatorer.svarsfrekvens"]
    assert (share["värde"], share["enhet"], share["mätår"]) == (52, "%", 2024)
    assert (share["riktning"], share["utveckling"]) == ("högre_är_bättre", "förbättring")
    wait = figures["indikatorer.vantetid"]
    assert (wait["riktning"], wait["utveckling"]) == ("lägre_är_bättre", "förbättring")
    neutral = figures["indikatorer.personaltathet"]
    assert (neutral["riktning"], neutral["utveckling"]) == ("neutral", None)
    assert figures["indikatorer.svarsfrekvens.namnare"]["värde"] == 600
    cells = row(built, "Indikatorer 2025", "Väntetid till särskilt boende")
    # Stacked columns: the value, the earlier one with its change below, then the development;
    # one indicator has a mätår, so every value is named by its year.
    assert cells[1:4] == ["45 dagar 2025", "52 dagar 2024 −13 %", "Förbättring"]


def test_an_indicator_is_compared_by_its_measurement_years(built: dict[str, Any]) -> None:
    """Measured 2024 for the 2025 report: compared with 2023's measurement (historik.yml),
    and every label names the mätår, never 2025 against 2024."""
    share = built["json"]["indikatorer.svarsfrekvens"]
    assert (share["mätår"], share["föregående_år"], share["föregående_värde"]) == (2024, 2023, 48)
    assert (share["förändring"], share["utveckling"]) == (4, "förbättring")
    cells = row(built, "Indikatorer 2025", "Svarsfrekvens i brukarundersökningen")
    assert cells[1:4] == [
        "52 % 2024 (mätår)",
        "48 % 2023 (mätår) +4 procentenheter",
        "Förbättring",
    ]
    head = [
        th.get_text(" ", strip=True) for th in table(built, "Indikatorer 2025").select("thead th")
    ]
    assert head[1:3] == ["Värde och mätår", "Föregående mätning och förändring"]
    assert "2025 och förändring" not in built["page"]
    assert "52 % 2024 (mätår) 48 % 2023 (mätår) +4 procentenheter" in built["pdf"]


def test_nyckeltal_json_and_csv_carry_riktning_and_utveckling(built: dict[str, Any]) -> None:
    result = run_cli(built["root"], "nyckeltal", "2025", "--format", "json")
    assert result.returncode == 0, result.stderr
    indicators = [
        f
        for f in json.loads(result.stdout)["figurer"]
        if f["namn"].count(".") == 1 and f["namn"].startswith("indikatorer.")
    ]
    assert len(indicators) == 4
    for figure in indicators:
        assert figure["riktning"] in {"högre_är_bättre", "lägre_är_bättre", "neutral"}
        assert figure["utveckling"] in {"förbättring", "försämring", "oförändrad", None}
    csv_out = run_cli(built["root"], "nyckeltal", "2025", "--format", "csv").stdout.splitlines()
    head = csv_out[0].split(";")
    wait = next(line for line in csv_out if line.startswith("indikatorer.vantetid;")).split(";")
    assert wait[head.index("riktning")] == "lägre_är_bättre"
    assert wait[head.index("utveckling")] == "förbättring"


def test_accepted_risk_is_shown_instead_of_an_action(built: dict[str, Any]) -> None:
    cells = row(built, "Riskregister 2025", "Nattpatrullen hinner inte alla besök vid storm")
    assert cells[2].startswith("Accepterad risk: Risken accepteras till och med 2026")
    assert "(Socialnämnden, 2025-04-15)" in cells[2]
    assert "Accepterad risk: Risken accepteras till och med 2026" in built["pdf"]
    assert built["json"]["risker.accepterade"]["värde"] == 1


def test_egenkontroll_with_a_measured_value_and_delprocess_counts(built: dict[str, Any]) -> None:
    assert built["json"]["egenkontroller.matt.ek-plan"]["värde"] == 54
    assert built["json"]["egenkontroller.ej-godkand"]["värde"] == 1  # 54 is below 65
    cells = row(built, "per processteg", "Hemtjänst › Genomförande › Planera insatsen")
    assert cells[3] == (
        "✘ Ej godkänd : 54 % mot målet 65 %; 2024: 49 % (+5 procentenheter, förbättring)"
    )
    # ek-fel (2 against a highest value of 3) is passed: 2 godkända, 1 ej godkänd, 3 in all.
    assert row(built, "per process och delprocess", "Hemtjänst › Genomförande")[1:] == [
        "2",
        "1",
        "0",
        "3",
    ]
    assert "54 % mot målet 65 %" in built["pdf"]


def test_egenkontroll_carries_its_earlier_measurement(built: dict[str, Any]) -> None:
    """tidigare: {år, värde} gives a change with a direction; a small base reads "från 4 till 2"."""
    plan = built["json"]["egenkontroller.matt.ek-plan"]
    assert (plan["föregående_år"], plan["föregående_värde"], plan["förändring"]) == (2024, 49, 5)
    assert (plan["riktning"], plan["utveckling"]) == ("högre_är_bättre", "förbättring")
    errors = built["json"]["egenkontroller.matt.ek-fel"]
    assert (errors["riktning"], errors["utveckling"]) == ("lägre_är_bättre", "förbättring")
    assert errors["förändring_procent"] is None  # 4 is below the small-numbers base
    checks = table(built, "per processteg").select("tbody tr")
    cells = next(
        [c.get_text(" ", strip=True).replace(NBSP, " ") for c in tr.find_all(["th", "td"])]
        for tr in checks
        if "Felaktiga signeringar" in tr.get_text()
    )
    assert cells[3] == "✔ Godkänd : 2 mot målet 3; 2024: 4 (från 4 till 2, förbättring)"
    assert "2024: 49 % (+5 procentenheter, förbättring)" in built["pdf"]
    assert "från 4 till 2, förbättring" in built["pdf"]


def test_avvikelser_by_severity_recurrence_and_samverkan(built: dict[str, Any]) -> None:
    figures = built["json"]
    assert figures["avvikelser.allvarlighetsgrad.hog"]["värde"] == 30
    assert figures["avvikelser.risk-for-upprepning.uppgift-saknas"]["värde"] == 12
    assert figures["avvikelser.samverkan.skickade"]["värde"] == 12
    assert figures["avvikelser.samverkan.mottagna"]["värde"] == 5
    assert row(built, "i samverkan med regionen", "Mottagna från regionen")[1] == "5"
    assert "Avvikelser per allvarlighetsgrad" in built["pdf"]


def fixture_errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(root)
    return [e.format() for e in caught.value.errors]


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / "reports" / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


BAD = [
    pytest.param(
        "2025/riskanalys.yml",
        "    åtgärd: Digital signering\n",
        "",
        'reports/2025/riskanalys.yml:2 – fältet "åtgärd": risken har riskvärde 16 och måste ha'
        " en åtgärd eller ett beslut att acceptera den. Risker med värde 12 eller mer kräver en"
        " åtgärd, eller accepterad: {beslut: …, av: …, datum: ÅÅÅÅ-MM-DD, motivering: …}.",
        id="hog-risk-utan-atgard-eller-beslut",
    ),
    pytest.param(
        "2025/indikatorer.yml",
        "    nämnare: 600",
        "    nämnare: 300",
        'reports/2025/indikatorer.yml:6 – fältet "nämnare": nämnaren (300) måste vara större än'
        " 0 och minst lika stor som täljaren (312).",
        id="nämnare-mindre-än-täljare",
    ),
    pytest.param(
        "2025/indikatorer.yml",
        "    nämnare: 600",
        "    nämnare: 600\n    värde: 52",
        'reports/2025/indikatorer.yml:7 – fältet "värde": ange antingen värde eller täljare och'
        " nämnare, inte båda.",
        id="värde-och-täljare",
    ),
    pytest.param(
        "2025/lex-sarah.yml",
        "utredning_avslutad: 2025-06-30",
        "utredning_avslutad: 2024-06-30",
        'reports/2025/lex-sarah.yml:3 – fältet "utredning_avslutad": utredning_avslutad'
        " (2024-06-30) är före inkom (2025-03-01).",
        id="datum-i-fel-ordning",
    ),
    pytest.param(
        "2025/lex-maria.yml",
        "anmäld_ivo: ja, ivo_beslut: kritik",
        "ivo_beslut: kritik",
        'reports/2025/lex-maria.yml:2 – fältet "ivo_beslut": ivo_beslut anges bara för en'
        " händelse som anmälts till IVO.",
        id="ivo-beslut-utan-anmälan",
    ),
    pytest.param(
        "historik.yml",
        "  klagomal.total: {2020: 30,",
        "  klagomal.total: {2025: 50, 2020: 30,",
        'reports/historik.yml:4 – fältet "figurer › klagomal.total › 2025": 2025 har'
        " en egen mapp i reports/ som ger figuren. Ta bort 2025 här: värdet räknas fram ur"
        " reports/2025/.",
        id="historik-för-år-med-mapp",
    ),
    pytest.param(
        "2025/indikatorer.yml",
        "    värde: 45\n",
        "    värde: 45\n    nämnare_ord: [dagar]\n",
        'reports/2025/indikatorer.yml:14 – fältet "nämnare_ord": nämnare_ord räknar täljaren eller'
        " nämnaren, men indikatorn har ett värde: ange täljare och nämnare i stället för värde.",
        id="nämnare_ord-utan-nämnare",
    ),
    pytest.param(
        "2025/egenkontroller.yml",
        "tidigare: {år: 2024, värde: 49}",
        "tidigare: {år: 2025, värde: 49}",
        'reports/2025/egenkontroller.yml:2 – fältet "tidigare": året för det tidigare värdet'
        " (2025) måste vara före 2025. Skriv t.ex. tidigare: {år: 2024, värde: …}.",
        id="egenkontroll-tidigare-samma-år",
    ),
    pytest.param(
        "2025/egenkontroller.yml",
        "datum: 2025-09-16, resultat: godkänd}",
        "datum: 2025-09-16, resultat: godkänd, tidigare: {år: 2024, värde: 3}}",
        'reports/2025/egenkontroller.yml:3 – fältet "tidigare": tidigare är ett tidigare uppmätt'
        " värde och kräver årets värde.",
        id="egenkontroll-tidigare-utan-värde",
    ),
    pytest.param(
        "historik.yml",
        "  indikatorer.svarsfrekvens: {2023: 48}",
        "  indikatorer.svarsfrekvens: {2023: 48, 2024: 50}",
        'reports/historik.yml:8 – fältet "figurer › indikatorer.svarsfrekvens › 2024": mätåret'
        " 2024 ges av reports/2025/. Ta bort 2024 här: värdet räknas fram ur reports/2025/.",
        id="historik-för-mätår-med-mapp",
    ),
    pytest.param(
        "historik.yml",
        "  lex-sarah.pagaende:",
        "  lex-sarah.pagande:",
        'reports/historik.yml:7 – fältet "figurer › lex-sarah.pagande": figuren'
        ' "lex-sarah.pagande" finns inte för något år. Menade du "lex-sarah.pagaende"? Alla'
        " figurer finns i nyckeltal.csv.",
        id="historik-okänd-figur",
    ),
    pytest.param(
        "2025/klagomal.csv",
        "synpunkt;utforande",
        "synpunkter;utforande",
        'reports/2025/klagomal.csv:4 – fältet "slag": slaget "synpunkter" finns inte. Menade du'
        ' "synpunkt"? Se klagomål › slag i reports/config.yml.',
        id="okänt-slag",
    ),
    pytest.param(
        "2025/avvikelser.csv",
        "50;40;40;lag;medel",
        "50;40;40;lagt;medel",
        'reports/2025/avvikelser.csv:2 – fältet "allvarlighetsgrad": graden "lagt" finns inte.'
        ' Menade du "lag"? Se avvikelsegrader i reports/config.yml.',
        id="okänd-grad",
    ),
]


@pytest.mark.parametrize(("path", "old", "new", "expected"), BAD)
def test_bad_input_is_told_with_file_line_and_fix(
    tmp_path: Path, path: str, old: str, new: str, expected: str
) -> None:
    root = fixture_portal(tmp_path / "portal")
    edit(root, path, old, new)
    assert fixture_errors(root) == [expected]


@pytest.mark.parametrize(
    "word", ["okänt", "Okänt", "ej registrerat", "EJ REGISTRERAT", "uppgift saknas"]
)
def test_every_required_event_field_accepts_an_explicit_unknown(word: str) -> None:
    row = {"enhet": word, "typ": "sol", "kategori": word, "antal": 3}
    deviation = DeviationRow.model_validate({**row, "utredda": word, "avslutade": word})
    assert (deviation.unit, deviation.category) == (UNKNOWN_ID, UNKNOWN_ID)
    assert (deviation.investigated, deviation.closed) == (None, None)
    complaint = ComplaintRow.model_validate(
        {"enhet": word, "från": word, "kategorier": word, "i_tid": word}
    )
    assert (complaint.unit, complaint.source, complaint.categories) == (
        UNKNOWN_ID,
        UNKNOWN_ID,
        (UNKNOWN_ID,),
    )
    assert complaint.in_time is None
    sarah = SarahRow.model_validate({"enhet": word, "kategori": word, "inkom": word})
    assert (sarah.unit, sarah.category, sarah.received) == (UNKNOWN_ID, UNKNOWN_ID, None)
    assert MariaRow.model_validate({"enhet": word}).unit == UNKNOWN_ID
    assert IncidentRow.model_validate({"enhet": word, "antal": 1}).unit == UNKNOWN_ID
    # Hand-entered counts and the other required fields of every kind (item 4).
    counts = (
        ComplaintRow.model_validate({"enhet": "a", "från": "b", "kategorier": "c", "antal": word}),
        DeviationRow.model_validate(
            {**row, "typ": word, "antal": word, "utredda": 1, "avslutade": 1}
        ),
        IncidentRow.model_validate({"enhet": "a", "antal": word, "anmälda_imy": word}),
    )
    assert [c.count for c in counts] == [None, None, None]
    assert counts[1].kind == UNKNOWN_ID
    ivo = {"enhet": "a", "anmäld_ivo": "ja", "ivo_beslut": word}
    assert SarahRow.model_validate({**ivo, "kategori": "b", "bedömning": word}).ivo_outcome is None
    assert MariaRow.model_validate(ivo).ivo_outcome is None
    check = SelfCheckRow.model_validate(
        {"id": "ek", "process": "p", "kontroll": "k", "datum": word, "resultat": word}
    )
    assert (check.date, check.result) == (None, None)
    measured = {"id": "ek", "process": "p", "kontroll": "k", "datum": word, "värde": word}
    assert SelfCheckRow.model_validate({**measured, "mål": 65}).result is None
    indicator = {"id": "i", "namn": "n", "källa": "k"}
    assert IndicatorRow.model_validate({**indicator, "värde": word}).value is None
    parts = {**indicator, "täljare": word, "nämnare": 600}
    assert IndicatorRow.model_validate(parts).value is None


def test_a_change_reads_as_numbers_below_the_configured_base() -> None:
    small = Figure("x", "avvikelser", 2, previous=1, previous_year=2024)
    assert (small.change(), small.delta_percent) == ("från 1 till 2", None)
    gone = Figure("x", "pågående", 0, previous=1, previous_year=2024)
    assert gone.change() == "från 1 till 0"  # never "−100 %"
    large = Figure("x", "avvikelser", 24, previous=12, previous_year=2024)
    assert large.change() == f"+100{NBSP}%"
    strict = Figure("x", "avvikelser", 24, previous=12, previous_year=2024, small_base=20)
    assert strict.change() == "från 12 till 24"
    share = Figure("x", "andel", 50.0, "%", 1, previous=5.0, previous_year=2024)
    assert share.change() == f"+45,0{NBSP}procentenheter"  # shares are never "small"


def test_history_cannot_silently_change_a_fastställd_year(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")  # 2024 is fastställd, rättad for historik.yml
    history = root / "reports" / "historik.yml"
    history.write_text(
        history.read_text(encoding="utf-8").replace("2023: 38}", "2023: 36}"), encoding="utf-8"
    )
    assert fixture_errors(root) == [
        "reports/historik.yml: året 2024 är fastställt och dess tidigare års värden i "
        "historik.yml har ändrats efter beslutet. Berättelsen för 2024 är fastställd och får "
        "inte ändras i efterhand. Ångra ändringen, eller, om det är en rättelse, registrera den: "
        'make faststall YEAR=2024 RATTELSE="varför" ANDRING="vad som ändrades". '
        "Vilken rad som ändrats går inte att säga utan Git-historik: jämför filen med "
        "versionen från när året fastställdes."  # the copy has no Git history
    ]
    args = ["fastställ", "2024", "--rättelse", "Fel i 2023", "--ändring", "38 blev 36"]
    assert run_cli(root, *args).returncode == 0
    reports = load_ledningssystem(root).reports
    assert reports is not None
    assert reports.figures[2024]["klagomal.total"].previous == 36


def test_a_literal_count_of_beröm_is_refused_like_any_counted_thing(tmp_path: Path) -> None:
    root = fixture_portal(tmp_path / "portal")
    edit(
        root, "2025/text/sammanfattning.md", '{{ figure("klagomal.slag.berom") }} beröm', "4 beröm"
    )
    assert fixture_errors(root) == [
        'reports/2025/text/sammanfattning.md:1 – "4 beröm": skriv {{ figure("klagomal.slag.berom")'
        " }} (ger 4 i datafilerna)."
    ]


def test_a_literal_count_of_an_indicator_part_is_refused(tmp_path: Path) -> None:
    """täljare_ord and nämnare_ord give the narrative rule its nouns: "17 275 insatser"."""
    root = fixture_portal(tmp_path / "portal")
    edit(
        root,
        "2025/text/sammanfattning.md",
        '{{ figure("indikatorer.signering.namnare") }} delegerade insatser, och',
        "17 275 delegerade insatser, och 16 930 signerade insatser och",
    )
    assert fixture_errors(root) == [
        'reports/2025/text/sammanfattning.md:2 – "17 275 delegerade insatser": skriv'
        f' {{{{ figure("indikatorer.signering.namnare") }}}} (ger 17{NBSP}275 i datafilerna).',
        'reports/2025/text/sammanfattning.md:2 – "16 930 signerade insatser": skriv'
        f' {{{{ figure("indikatorer.signering.taljare") }}}} (ger 16{NBSP}930 i datafilerna).',
    ]


def test_figure_gives_an_indicator_part_with_a_thousands_space(built: dict[str, Any]) -> None:
    assert "Hemtjänsten utförde 17\u00a0275 delegerade insatser" in built["article"].get_text()
    assert built["json"]["indikatorer.signering.namnare"]["värde"] == 17275
    assert "Hemtjänsten utförde 17 275 delegerade insatser" in built["pdf"]


def _real_year(root: Path) -> None:
    """Sections 6.2 and 6.6 of a real IFO berättelse for 2023, entered as an author would."""
    shutil.rmtree(root / "reports")
    folder = root / "reports" / "2023"
    folder.mkdir(parents=True)
    (folder / "report.yml").write_text(
        "år: 2023\ntyp: kvalitetsberättelse\nnämnd: socialnamnden\n"
        "förvaltning: socialforvaltningen\nstatus: utkast\nmall: kombinerad\n",
        encoding="utf-8",
    )
    # 34 synpunktsärenden from 30 submitters; three concern two units (37 unit marks).
    singles = (
        ["barn-och-unga"] * 21
        + ["vuxen"] * 3
        + ["ekonomiskt-bistand"] * 3
        + ["familjehem", "kvalitet-och-utveckling", "administration", "lss-handlaggning"]
    )
    doubles = [
        ("barn-och-unga", "ekonomiskt-bistand"),
        ("barn-och-unga", "lss-handlaggning"),
        ("vuxen", "ekonomiskt-bistand"),
    ]
    cases = [(u, "") for u in singles] + doubles
    lines = ["enhet;fler_enheter;från;slag;kategorier;inlämnare"]
    for number, (unit, other) in enumerate(cases):
        lines.append(f"{unit};{other};brukare;synpunkt;handlaggning;s{number % 30}")
    (folder / "klagomal.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # 35 lex Sarah-rapporter in 27 finished utredningar; two came for information.
    outcomes = (
        ["ej-missforhallande"] * 19
        + ["pataglig-risk-for-missforhallande"]
        + ["missforhallande"] * 6
        + ["allvarligt-missforhallande"]
    )
    rows = ["utredningar:"]
    for number, outcome in enumerate(outcomes):
        reports = 2 if number < 8 else 1
        ivo = (
            ", anmäld_ivo: ja, ivo_beslut: avslutat-utan-kritik" if "allvarligt" in outcome else ""
        )
        rows.append(
            f"  - {{id: ls-{number}, enhet: barn-och-unga, rapporter: {reports}, "
            f"kategori: rattssakerhet, bedömning: {outcome}{ivo}}}"
        )
    for sender in ("SiS", "Privat missbruksboende"):
        rows.append(
            f"  - {{enhet: vuxen, kategori: overgrepp, hantering: för-kännedom, "
            f"avsändare: {sender}}}"
        )
    (folder / "lex-sarah.yml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "reports" / "config.yml").write_text(
        "nyckeltal: [klagomal.total, lex-sarah.utredningar]\n", encoding="utf-8"
    )
    (root / "reports" / "historik.yml").write_text(
        "figurer:\n  lex-sarah.utredningar: {2021: 5, 2022: 20}\n", encoding="utf-8"
    )


def test_a_real_berattelse_is_held_exactly(tmp_path: Path) -> None:
    """What the printed report says, from its own text, is what the portal computes."""
    root = copy_example(tmp_path / "portal")
    _real_year(root)
    reports = load_ledningssystem(root).reports
    assert reports is not None
    f = reports.figures[2023]
    assert f["klagomal.total"].value == 34  # "34 synpunktsärenden"
    assert f["klagomal.unika-inlamnare"].value == 30  # "30 unika synpunktsinlämnare"
    assert f["klagomal.enhetsmarkeringar"].value == 37  # "37 synpunkter sammanlagt"
    per_unit = {u: f[f"klagomal.enhet.{u}"].value for u in ("barn-och-unga", "vuxen")}
    assert per_unit == {"barn-och-unga": 23, "vuxen": 4}  # the table's first rows
    assert f["lex-sarah.rapporter"].value == 35  # "35 lex Sarah-rapporter"
    assert f["lex-sarah.utredningar"].value == 27  # "27 lex Sarah-utredningar"
    assert f["lex-sarah.for-kannedom"].value == 2  # "två ... som information till nämnden"
    assert f["lex-sarah.bedomning.ej-missforhallande"].value == 19
    assert f["lex-sarah.bedomning.risk-for-missforhallande"].value == 1
    assert f["lex-sarah.bedomning.missforhallande"].value == 6
    assert f["lex-sarah.bedomning.allvarligt-missforhallande"].value == 1
    assert f["lex-sarah.ivo.avslutat-utan-kritik"].value == 1
    # "ökning ... mellan 2022 och 2023 ... (35 %)", with 2022 from historik.yml.
    assert f["lex-sarah.utredningar"].change_text() == f"+35{NBSP}% jämfört med 2022"


INCIDENTS = REPO / "tests" / "fixtures" / "import" / "lifecare-personuppgiftsincidenter-2025.csv"
INCIDENTS_MAPPING = REPO / "reports" / "mappningar" / "lifecare-personuppgiftsincidenter.yml"


def test_personuppgiftsincidenter_import_from_an_anonymous_sample_export(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    args = ["import", "personuppgiftsincidenter", str(INCIDENTS), "--year", "2025"]
    result = run_cli(root, *args, "--mapping", str(INCIDENTS_MAPPING), "--force")
    assert result.returncode == 0, result.stderr
    assert "Räknade 5 rader. Per enhet:" in result.stdout  # the test unit and 2024 are skipped
    written = (root / "reports" / "2025" / "personuppgiftsincidenter.csv").read_text("utf-8")
    assert written == (
        "enhet;antal;anmälda_imy\n"
        "administration;1;0\n"
        "barn-och-unga;2;1\n"
        "ekonomiskt-bistand;1;1\n"
        "hemtjanst-norr;1;0\n"
    )
    reports = load_ledningssystem(root).reports
    assert reports is not None
    assert reports.figures[2025]["personuppgiftsincidenter.total"].value == 5
    assert reports.figures[2025]["personuppgiftsincidenter.anmalda-imy"].value == 2


SARAH_EXPORT = REPO / "tests" / "fixtures" / "import" / "treserva-lex-sarah-2025.csv"
SARAH_MAPPING = REPO / "reports" / "mappningar" / "treserva-lex-sarah.yml"


def test_lex_sarah_import_keeps_one_row_per_case_with_dates(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "portal")
    args = ["import", "lex-sarah", str(SARAH_EXPORT), "--year", "2025", "--force"]
    result = run_cli(root, *args, "--mapping", str(SARAH_MAPPING))
    assert result.returncode == 0, result.stderr
    assert "Räknade 4 rader." in result.stdout  # the case from 2024 is skipped
    written = (root / "reports" / "2025" / "lex-sarah.yml").read_text("utf-8")
    assert [line for line in written.splitlines() if not line.startswith("#")][1:3] == [
        "  - {id: LS-25-01, enhet: hemtjanst-soder, kategori: utforande, inkom: 2025-02-03, "
        "utredning_avslutad: 2025-03-20, bedömning: missforhallande, anmäld_ivo: nej}",
        "  - {id: LS-25-02, enhet: barn-och-unga, kategori: rattssakerhet, inkom: 2025-03-11, "
        "utredning_avslutad: 2025-05-28, bedömning: missforhallande, anmäld_ivo: nej}",
    ]
    reports = load_ledningssystem(root).reports
    assert reports is not None
    figures = reports.figures[2025]
    assert (figures["lex-sarah.utredningar"].value, figures["lex-sarah.pagaende"].value) == (4, 1)
    assert figures["lex-sarah.anmalda-ivo"].value == 1
    assert figures["lex-sarah.utredningstid-median"].value == 45  # 45, 78 and 42 days


def test_a_motpart_not_in_config_is_refused(tmp_path: Path) -> None:
    root = fixture_portal(tmp_path / "portal")
    path = root / "reports" / "2025" / "avvikelser.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ";motpart"] + [
        line + (";kommunen" if "skickad" in line else ";") for line in lines[1:]
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert fixture_errors(root) == [
        'reports/2025/avvikelser.csv:4 – fältet "motpart": motparten "kommunen" finns inte. '
        "Tillåtna värden: regionen. Se samverkan_med i reports/config.yml."
    ]
