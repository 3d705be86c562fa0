"""Documented återkoppling on synpunkter and klagomål (issue 10, reference report 001).

tests/fixtures/aterkoppling: 2023's export has no `återkoppling` column, 2024 gives it in
CSV (a count and ja/nej), 2025 in YAML. The built site shows the figure on the year page,
in the PDF and in the open data; a year without the column shows none; unknown rows are
counted apart and a share of them is "uppgift saknas", never 0 %.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.figure_set import FigureSet
from ledningssystem.report.model import ComplaintRow
from tests.conftest import build_site, run_cli, tiny_portal, write_mkdocs_yml
from tests.test_report_real import read_year, row

FIXTURE = Path(__file__).parent / "fixtures" / "aterkoppling" / "reports"
SUMMARY = "Klagomål {} i sammandrag"
YEARS = (2023, 2024, 2025)


def portal(target: Path) -> Path:
    """The tiny portal with the fixture's reports/."""
    return tiny_portal(target, FIXTURE)


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, Any]]:
    """All three fixture years built once with their PDFs."""
    root = portal(tmp_path_factory.mktemp("aterkoppling"))
    write_mkdocs_yml(root, nav=False)
    site = build_site(root, env={"LEDNINGSSYSTEM_PDF": "ja"})
    return {year: read_year(site / "kvalitetsberattelse" / str(year)) for year in YEARS}


def figures(root: Path, year: int) -> FigureSet:
    reports = load_ledningssystem(root).reports
    assert reports is not None
    return reports.figures[year]


def errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(root)
    return [e.format() for e in caught.value.errors]


SENTENCE = "Återkoppling dokumenterades i 4 av 6 ärenden, det vill säga 66,7 % (4 av 6)."


def write(root: Path, path: str, text: str) -> None:
    (root / "reports" / path).write_text(text, encoding="utf-8")


def test_the_year_page_shows_the_count_and_share_with_the_small_number_rule(
    years: dict[int, dict[str, Any]],
) -> None:
    summary = SUMMARY.format(2025)
    assert row(years[2025], summary, "Dokumenterad återkoppling")[1:] == ["4", "3", "från 3 till 4"]
    # Six ärenden: a change of shares reads as both values, not as procentenheter.
    assert row(years[2025], summary, "Andel med dokumenterad återkoppling")[1:] == [
        "66,7 % (4 av 6)",
        "60,0 % (3 av 5)",
        "från 3 av 5 till 4 av 6",
    ]
    # 2024: the count column (2) and ja/nej rows summed; 2023 had no column, so no comparison.
    assert row(years[2024], SUMMARY.format(2024), "Dokumenterad återkoppling")[1:] == [
        "3",
        "–",
        "",
    ]
    assert SENTENCE in years[2025]["page"]


def test_the_pdf_and_the_open_data_hold_the_same_figures(
    years: dict[int, dict[str, Any]],
) -> None:
    pdf = years[2025]["pdf"]
    assert "Dokumenterad återkoppling 4 3 från 3 till 4" in pdf
    share_row = "66,7 % (4 av 6) 60,0 % (3 av 5) från 3 av 5 till 4 av 6"
    assert f"Andel med dokumenterad återkoppling {share_row}" in pdf
    assert SENTENCE in pdf
    data = years[2025]["json"]
    count, share = data["klagomal.aterkoppling"], data["klagomal.andel-aterkoppling"]
    assert (count["värde"], count["uppgift_saknas"], count["föregående_värde"]) == (4, 0, 3)
    assert count["förändring_procent"] is None  # below the small-number base
    assert (share["värde"], share["enhet"], share["föregående_värde"]) == (66.7, "%", 60)
    assert (share["del"], share["bas"]) == (4, 6)  # so open data can tell the base is small


def test_open_data_csv_has_the_figures(tmp_path: Path) -> None:
    root = portal(tmp_path)
    result = run_cli(root, "nyckeltal", "2025", "--format", "csv")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split(";")[0]: line for line in result.stdout.splitlines()}
    assert lines["klagomal.aterkoppling"].split(";")[2:6] == ["4", "", "2024", "3"]
    assert lines["klagomal.andel-aterkoppling"].split(";")[2:6] == ["66,7", "%", "2024", "60,0"]
    assert lines["klagomal.andel-aterkoppling"].split(";")[-2:] == ["4", "6"]  # del, bas
    assert lines["klagomal.aterkoppling"].split(";")[-2:] == ["", ""]  # a count has none


def test_a_year_without_the_column_prints_no_figure(years: dict[int, dict[str, Any]]) -> None:
    before = years[2023]
    assert "klagomal.aterkoppling" not in before["json"]
    assert "klagomal.andel-aterkoppling" not in before["json"]
    assert "återkoppling" not in before["page"].casefold()
    assert "återkoppling" not in before["pdf"].casefold()


def test_unknown_rows_are_counted_apart_never_as_nej(tmp_path: Path) -> None:
    root = portal(tmp_path)
    # An empty cell and okänt are unknown; the share over them is "uppgift saknas".
    write(
        root,
        "2024/klagomal.csv",
        "enhet;från;kategorier;antal;återkoppling\n"
        "barn-och-unga;brukare;handlaggning;3;2\n"
        "hemtjanst-norr;narstaende;bemotande;1;\n"
        "hemtjanst-norr;brukare;utforande;2;ej registrerat\n",
    )
    # A YAML row that leaves the field out, where others give it, is unknown as well.
    write(
        root,
        "2025/klagomal.yml",
        "klagomål:\n"
        "  - {enhet: barn-och-unga, från: brukare, kategorier: handlaggning, återkoppling: ja}\n"
        "  - {enhet: hemtjanst-norr, från: brukare, kategorier: bemotande}\n",
    )
    before, after = figures(root, 2024), figures(root, 2025)
    count = before["klagomal.aterkoppling"]
    assert (count.value, count.missing, count.cell()) == (2, 3, "2 (uppgift saknas för 3)")
    share = before["klagomal.andel-aterkoppling"]
    assert (share.value, share.cell()) == (None, "uppgift saknas")
    assert after["klagomal.aterkoppling"].cell() == "1 (uppgift saknas för 1)"
    # A lower bound has no change against last year.
    assert after["klagomal.aterkoppling"].change() == ""
    assert after["klagomal.andel-aterkoppling"].cell() == "uppgift saknas"


def test_every_row_unknown_is_uppgift_saknas_not_zero(tmp_path: Path) -> None:
    root = portal(tmp_path)
    write(
        root,
        "2024/klagomal.csv",
        "enhet;från;kategorier;antal;återkoppling\n"
        "barn-och-unga;brukare;handlaggning;3;okänt\n"
        "hemtjanst-norr;narstaende;bemotande;1;\n",
    )
    found = figures(root, 2024)
    assert found["klagomal.aterkoppling"].cell() == "uppgift saknas för 4"
    assert found["klagomal.aterkoppling"].value is None
    assert found["klagomal.andel-aterkoppling"].cell() == "uppgift saknas"


@pytest.mark.parametrize(
    ("given", "antal", "expected"),
    [
        ("ja", "1 234", 1234),  # a row of one kind: ja is every ärende on it
        ("Nej", 3, 0),
        (" 2 ", 3, 2),
        (True, 2, 2),
        ("okänt", 3, None),
        ("Ej registrerat", 3, None),
        ("", 3, None),
        (None, 3, None),  # an empty YAML value says nothing either
        ("ja", "okänt", None),
    ],
)
def test_a_row_reads_a_count_or_ja_nej_or_unknown(
    given: object, antal: object, expected: object
) -> None:
    row = {"enhet": "a", "från": "b", "kategorier": "c", "antal": antal, "återkoppling": given}
    read = ComplaintRow.model_validate(row)
    assert (read.feedback, read.feedback_kept) == (expected, True)


def test_a_row_without_the_field_does_not_keep_it() -> None:
    row = ComplaintRow.model_validate({"enhet": "a", "från": "b", "kategorier": "c"})
    assert (row.feedback, row.feedback_kept) == (None, False)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param(
            "kanske",
            'reports/2024/klagomal.csv:3 – fältet "återkoppling": "kanske" är inget giltigt '
            "värde; skriv ja, nej, okänt (eller ej registrerat) eller ett antal från 0 till "
            "antal på raden.",
            id="ord",
        ),
        pytest.param(
            "2",
            'reports/2024/klagomal.csv:3 – fältet "återkoppling": återkoppling (2) måste '
            "ligga mellan 0 och antal (1).",
            id="fler-an-antal",
        ),
    ],
)
def test_a_bad_value_names_file_line_and_the_accepted_values(
    tmp_path: Path, cell: str, expected: str
) -> None:
    root = portal(tmp_path)
    path = root / "reports" / "2024" / "klagomal.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bemotande;1;ja", f"bemotande;1;{cell}"), encoding="utf-8")
    assert errors(root) == [expected]


def test_every_bad_value_is_told_at_once(tmp_path: Path) -> None:
    root = portal(tmp_path)
    path = root / "reports" / "2024" / "klagomal.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(";ja\n", ";jo\n").replace(";nej\n", ";-1\n"), encoding="utf-8")
    yml = root / "reports" / "2025" / "klagomal.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("återkoppling: nej", "återkoppling: x"), "utf-8"
    )
    found = errors(root)
    assert [e.split(" – ")[0] for e in found] == [
        "reports/2024/klagomal.csv:3",
        "reports/2024/klagomal.csv:4",
        "reports/2025/klagomal.yml:5",
    ]
    assert all('fältet "återkoppling"' in e for e in found)


def test_a_literal_count_of_aterkoppling_is_refused(tmp_path: Path) -> None:
    root = portal(tmp_path)
    write(root, "2025/text/sammanfattning.md", "Vi gav 4 återkopplingar under året.\n")
    assert errors(root) == [
        'reports/2025/text/sammanfattning.md:1 – "4 återkopplingar": skriv '
        '{{ figure("klagomal.aterkoppling") }} (ger 4 i datafilerna).'
    ]


def test_import_sums_aterkoppling_and_keeps_an_empty_cell_unknown(tmp_path: Path) -> None:
    root = portal(tmp_path)
    export = root / "export.csv"
    export.write_text(
        "enhet;från;kategorier;återkoppling\n"
        "barn-och-unga;brukare;handlaggning;ja\n"
        "barn-och-unga;brukare;handlaggning;nej\n"
        "hemtjanst-norr;brukare;bemotande;\n"
        "hemtjanst-norr;narstaende;bemotande;okänt\n"
        "hemtjanst-norr;narstaende;utforande;Ja\n",
        encoding="utf-8",
    )
    result = run_cli(root, "import", "klagomal", "export.csv", "--year", "2024", "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    written = (root / "reports" / "2024" / "klagomal.csv").read_text(encoding="utf-8")
    assert [line for line in written.splitlines() if not line.startswith("#")] == [
        "enhet;från;kategorier;antal;återkoppling",
        "barn-och-unga;brukare;handlaggning;2;1",
        "hemtjanst-norr;brukare;bemotande;1;okänt",
        "hemtjanst-norr;narstaende;bemotande;1;okänt",
        "hemtjanst-norr;narstaende;utforande;1;1",
    ]
    assert figures(root, 2024)["klagomal.aterkoppling"].cell() == "2 (uppgift saknas för 2)"


def test_import_refuses_a_value_it_cannot_read(tmp_path: Path) -> None:
    root = portal(tmp_path)
    (root / "export.csv").write_text(
        "enhet;från;kategorier;återkoppling\nbarn-och-unga;brukare;handlaggning;kanske\n",
        encoding="utf-8",
    )
    result = run_cli(root, "import", "klagomal", "export.csv", "--year", "2024", "--force")
    assert result.returncode == 1
    assert 'värdet "kanske" ska vara ja, nej eller okänt (återkoppling)' in result.stderr
