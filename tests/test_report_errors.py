"""Bad report data: a clear Swedish error with file, line and field; nothing is published."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem import cli
from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import run_mkdocs_build


def replace(root: Path, path: str, old: str, new: str) -> None:
    file = root / "reports" / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    if path.startswith("2024/"):
        record_correction(root, 2024)


def record_correction(root: Path, year: int) -> None:
    """A fastställd year changes only by a rättelse (the freeze: test_report_seal.py)."""
    args = [
        "--root",
        str(root),
        "fastställ",
        str(year),
        "--rättelse",
        "Test",
        "--ändring",
        "Test",
        "--utan-pdf",
    ]
    assert cli.main(args) == 0


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(root)
    return [e.format() for e in caught.value.errors]


CASES = [
    pytest.param(
        "2024/avvikelser.csv",
        "barn-och-unga;sol;handlaggning;14;12;11",
        "barn-och-unga;sol;handlaggning;-3;0;0",
        'reports/2024/avvikelser.csv:2 – fältet "antal": värdet -3 ligger utanför det tillåtna.'
        " Villkor: minst 0.",
        id="negativt-antal",
    ),
    pytest.param(
        "2024/avvikelser.csv",
        "barn-och-unga;sol;informationsoverforing;5;5;5",
        "barn-och-unga;sol;informationsoverforing;2,5;1;1",
        'reports/2024/avvikelser.csv:3 – fältet "antal": "2,5" är inte ett heltal.'
        " Skriv ett heltal, t.ex. 3.",
        id="inte-heltal",
    ),
    pytest.param(
        "2024/lex-maria.yml",
        "anmäld_ivo: nej}",
        "anmäld_ivo: kanske}",
        'reports/2024/lex-maria.yml:3 – fältet "anmäld_ivo": "kanske" är inte ja eller nej.'
        " Skriv ja eller nej.",
        id="inte-ja-eller-nej",
    ),
    pytest.param(
        "2024/klagomal.csv",
        "vuxen;invanare;samverkan;1;1",
        "vuxen;invanare;samarbete;1;1",
        'reports/2024/klagomal.csv:14 – fältet "kategorier": kategorin "samarbete" finns inte.'
        " Tillåtna värden: bemotande, handlaggning, utforande, tillganglighet, information,"
        " samverkan, fysisk-miljo, utrustning, annat. Se klagomål › kategorier i"
        " reports/config.yml.",
        id="okand-kategori",
    ),
    pytest.param(
        "2024/klagomal.csv",
        "gruppbostader;narstaende",
        "gruppboende;narstaende",
        'reports/2024/klagomal.csv:15 – fältet "enhet": enheten "gruppboende" finns inte.'
        ' Menade du "gruppbostader"? Se roles/organisation.yml.',
        id="okand-enhet",
    ),
    pytest.param(
        "2024/avvikelser.csv",
        "vuxen;sol;utebliven-insats;6;5;5",
        "vuxen;sol;utebliven-insats;6;7;5",
        'reports/2024/avvikelser.csv:5 – fältet "utredda": utredda (7) kan inte vara fler än'
        " antal (6).",
        id="del-storre-an-helhet",
    ),
    pytest.param(
        "2024/report.yml",
        "klagomal.total: 35",
        "klagomal.total: 36",
        'reports/2024/report.yml:16 – fältet "kontrollsummor › klagomal.total": summan 36'
        " stämmer inte med delarna: datafilerna ger 35. Rätta antalen i datafilerna eller"
        " kontrollsumman.",
        id="summa-mot-delar",
    ),
    pytest.param(
        "2024/riskanalys.csv",
        "underlag;2;3",
        "underlag;2;6",
        'reports/2024/riskanalys.csv:4 – fältet "konsekvens": konsekvens 6 ligger utanför skalan'
        " 1–5. Skalan är 1 Försumbar, 2 Lindrig, 3 Kännbar, 4 Allvarlig, 5 Mycket allvarlig.",
        id="utanfor-skalan",
    ),
    pytest.param(
        "2024/text/avvikelser.md",
        'figure("avvikelser.lss.total")',
        'figure("avvikelser.lss.totalt")',
        'reports/2024/text/avvikelser.md:1 – fältet "figure": figuren "avvikelser.lss.totalt"'
        ' finns inte för 2024. Menade du "avvikelser.lss.total"? Alla figurer finns i'
        " nyckeltal.csv för året.",
        id="okand-figur",
    ),
    pytest.param(
        "2024/text/kompetens.md",
        "Alla nyanställda",
        "{{ antal_anstallda }} nyanställda",
        'reports/2024/text/kompetens.md:1 – fältet "figure": okänt makro {{ antal_anstallda }}.'
        " Bara figurer, citat och fakta kan användas i texten, t.ex."
        ' {{ figure("avvikelser.sol.total") }}, {{ citat("…", källa="…") }} eller'
        ' {{ fakta("lex_sarah.frist_utredning") }}.',
        id="annat-makro",
    ),
    pytest.param(
        "2024/avvikelser.csv",
        "socialforvaltningen;organisatorisk;lokaler;1;1;1",
        "socialforvaltningen;organisatorisk;lokaler;1;1;1\nsumma;organisatorisk;lokaler;6;6;6",
        'reports/2024/avvikelser.csv:27 – fältet "enhet": en summerad rad hör inte hemma i'
        " datafilen; portalen räknar summorna själv. Ta bort raden. Vill du kontrollera en"
        " summa, skriv den under kontrollsummor i report.yml.",
        id="summarad",
    ),
    pytest.param(
        "2024/text/lex-maria.md",
        '{{ figure("lex-maria.anmalda-ivo") }}',
        '{{ figure("lex-maria.anmalda-ivo") }',
        'reports/2024/text/lex-maria.md:1 – fältet "figure": {{ utan avslutande }}. Skriv makrot'
        ' helt, t.ex. {{ figure("avvikelser.sol.total") }}.',
        id="oavslutat-makro",
    ),
    pytest.param(
        "2024/report.yml",
        "mall: kombinerad",
        "mall: kombinerat",
        'reports/2024/report.yml:12 – fältet "mall": mallen "kombinerat" finns inte. Menade du'
        ' "kombinerad"? Tillgängliga mallar: kombinerad, stad.',
        id="okand-mall",
    ),
]


@pytest.mark.parametrize(("path", "old", "new", "expected"), CASES)
def test_bad_input_gives_one_clear_error(
    example_root: Path, path: str, old: str, new: str, expected: str
) -> None:
    replace(example_root, path, old, new)
    assert errors_of(example_root) == [expected]


def test_year_folder_without_report_yml(example_root: Path) -> None:
    (example_root / "reports" / "2026" / "text").mkdir(parents=True)
    assert errors_of(example_root) == [
        "reports/2026/report.yml: filen saknas. Varje årsmapp behöver en report.yml med år, typ,"
        " nämnd, förvaltning, status och mall. Se Kvalitetsberättelsen i portalens skrivguide."
    ]


def test_all_problems_are_reported_together(example_root: Path) -> None:
    replace(example_root, "2024/klagomal.csv", "gruppbostader;narstaende", "gruppboende;narstaende")
    replace(example_root, "2025/report.yml", "klagomal.total: 48", "klagomal.total: 47")
    replace(example_root, "2025/text/lex-sarah.md", "lex-sarah.avslutade", "lex-sarah.klara")
    process = example_root / "processes" / "hemtjanst.yml"
    process.write_text(
        process.read_text(encoding="utf-8").replace(
            "ägare: avdelningschef", "ägare: avdelningchef"
        ),
        encoding="utf-8",
    )
    files = sorted(error.split(":")[0] for error in errors_of(example_root))
    assert files == [
        "processes/hemtjanst.yml",
        "reports/2024/klagomal.csv",
        "reports/2025/report.yml",
        "reports/2025/text/lex-sarah.md",
    ]


def test_no_partial_berattelse_is_published(example_root: Path) -> None:
    replace(example_root, "2025/report.yml", "klagomal.total: 48", "klagomal.total: 47")
    result = run_mkdocs_build(example_root)
    assert result.returncode != 0
    assert "summan 47 stämmer inte med delarna" in result.stdout + result.stderr
    assert not (example_root / "site" / "kvalitetsberattelse").exists()
