"""Renderers and loaders of the berättelse: golden output, own templates, any input is handled."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledningssystem.core.errors import ContentErrors
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.report.config import RiskMatrix
from ledningssystem.report.load import load_reports
from ledningssystem.report.model import RiskRow
from ledningssystem.report.visuals import render_bar_chart, render_risk_matrix
from ledningssystem.website.build import prepare_build
from tests.conftest import REPO, run_cli

# Apart from tests/golden/fall/ (test_golden.py): golden cases of diagrams, pages, messages.
GOLDEN = Path(__file__).parent / "golden_report"


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden_report/<name>; UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} saknas: kör UPDATE_GOLDEN=1 .venv/bin/pytest {__file__}"
    assert actual == path.read_text(encoding="utf-8")


def test_risk_matrix_golden() -> None:
    scale = RiskMatrix.model_validate(
        {
            "sannolikhet": ["Liten", "Måttlig", "Stor", "Mycket stor"],
            "konsekvens": ["Mindre", "Måttlig", "Allvarlig", "Katastrofal"],
            "klasser": [
                {"id": "lag", "namn": "Låg", "från": 1},
                {"id": "hog", "namn": "Hög", "från": 9},
            ],
        }
    )
    risks = [
        RiskRow.model_validate(
            {"id": f"r{i}", "process": "p", "risk": "x", "sannolikhet": s, "konsekvens": k}
        )
        for i, (s, k) in enumerate([(4, 4), (4, 4), (1, 2), (3, 3)])
    ]
    golden("risk_matrix.html", render_risk_matrix(scale, risks))


def test_bar_chart_golden() -> None:
    items = [
        ("Brister i rättssäkerhet vid handläggning och genomförande", 12, "12"),
        ("Bemötande", 3, "3"),
        ("Annat", 0, "0"),
    ]
    golden("bar_chart.svg", render_bar_chart("exempel", "Exempel per kategori", items))


def test_organisation_can_use_its_own_template(example_root: Path) -> None:
    (example_root / "reports" / "mallar").mkdir()
    (example_root / "reports" / "mallar" / "egen.yml").write_text(
        "id: egen\nnamn: Vår mall\navsnitt:\n"
        "  - {id: sammanfattning, rubrik: Kort och gott, innehåll: [nyckeltal, text]}\n"
        "  - id: siffror\n    rubrik: Siffror\n    delavsnitt:\n"
        "      - {id: avvikelser, rubrik: Avvikelser, innehåll: [avvikelser, text]}\n"
        "      - {id: risker, rubrik: Risker, innehåll: [riskanalys]}\n",
        encoding="utf-8",
    )
    folder = example_root / "reports" / "2025"
    meta = folder / "report.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("kombinerad", "egen"), "utf-8")
    for text in (folder / "text").glob("*.md"):
        if text.stem not in {"sammanfattning", "avvikelser"}:
            text.unlink()
    # The example's own kind domar is shown in a section this template lacks.
    (folder / "domar.csv").unlink()
    meta.write_text(meta.read_text(encoding="utf-8") + "ingen_data: [domar]\n", "utf-8")
    build = prepare_build(example_root)
    page = next(p for p in build.pages if p.src == "kvalitetsberattelse/2025.md")
    headings = [line for line in page.markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "# Patientsäkerhets- och kvalitetsberättelse 2025",
        "## 1 Kort och gott { #sammanfattning }",
        "## 2 Siffror { #siffror }",
        "### 2.1 Avvikelser { #avvikelser }",
        "### 2.2 Risker { #risker }",
    ]


def test_text_for_a_section_the_template_lacks(example_root: Path) -> None:
    (example_root / "reports" / "2025" / "text" / "inledning.md").write_text("x", "utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_ledningssystem(example_root)
    assert [e.format() for e in caught.value.errors] == [
        'reports/2025/text/inledning.md: mallen "kombinerad" har inget avsnitt "inledning".'
        " Texten ska heta som ett avsnitts id, med .md på slutet."
    ]


def test_nyckeltal_command(example_root: Path) -> None:
    result = run_cli(example_root, "nyckeltal", "2025")
    assert result.returncode == 0, result.stderr
    assert "avvikelser.sol.total\t85\t(+12\u00a0% jämfört med 2024)" in result.stdout
    missing = run_cli(example_root, "nyckeltal", "2019")
    assert missing.returncode == 1
    assert "Fel: det finns ingen berättelse för 2019; det finns för 2024, 2025" in missing.stderr


_CONTENT = None


def _content():  # noqa: ANN202 - the example content, loaded once for the property test
    global _CONTENT
    if _CONTENT is None:
        _CONTENT = load_ledningssystem(REPO)
    return _CONTENT


cell = st.one_of(
    st.sampled_from(["", "1", "-1", "2,5", "ja", "nej", "hemtjanst-norr", "brukare", "x;y", '"']),
    st.text(max_size=8),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=7), max_size=5))
def test_any_csv_gives_figures_or_content_errors(rows: list[list[str]]) -> None:
    header = "enhet;från;kategorier;antal;i_tid"
    text = "\n".join([header, *(";".join(r) for r in rows)])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "reports" / "2024", root / "reports" / "2024")
        # 2024 is sealed with the history file's earlier years (see seal.HISTORY_ENTRY).
        shutil.copy2(REPO / "reports" / "historik.yml", root / "reports" / "historik.yml")
        # ... and with the settings and the organisation's names it reads (seal_inputs.py).
        shutil.copy2(REPO / "reports" / "config.yml", root / "reports" / "config.yml")
        (root / "roles").mkdir()
        shutil.copy2(REPO / "roles" / "organisation.yml", root / "roles" / "organisation.yml")
        # ... and with the lagrum it cites, which the legal register's dates decide.
        shutil.copytree(REPO / "requirements", root / "requirements")
        (root / "reports" / "2024" / "klagomal.csv").write_text(text, encoding="utf-8")
        reports, errors = load_reports(root, _content())
    assert all(e.file.startswith("reports/2024/") for e in errors)
    if not errors:
        assert reports.figures[2024]["klagomal.total"].value >= 0


def test_example_reports_load_clean() -> None:
    reports = _content().reports
    assert reports is not None and list(reports.years) == [2024, 2025]


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list('{}()"figure.xsolta,\n värde')), max_size=60))
def test_any_narrative_gives_text_or_located_errors(text: str) -> None:
    from ledningssystem.report.data import Narrative
    from ledningssystem.report.figure_set import FigureSet
    from ledningssystem.report.narrative import resolve_figures

    figures = FigureSet(2025)
    figures.add("x.total", "x", 3)
    narrative = Narrative("reports/2025/text/a.md", text)
    resolved, errors = resolve_figures(narrative, {2025: figures}, 2025)
    assert all(e.file == "reports/2025/text/a.md" and e.line and e.line >= 1 for e in errors)
    if not errors:
        assert "{{" not in resolved


def test_ny_berattelse_starts_a_draft_with_open_actions(example_root: Path) -> None:
    result = run_cli(example_root, "ny-berattelse", "2026")
    assert result.returncode == 0, result.stderr
    assert "3 öppna åtgärder från 2025" in result.stdout
    reports = load_ledningssystem(example_root).reports
    assert reports is not None
    new = reports.years[2026]
    assert (new.meta.status.value, new.meta.template) == ("utkast", "kombinerad")
    assert [a.id for a in new.actions or ()] == [
        "atg-sip-rutin",
        "atg-ekb-e-tjanst",
        "atg-fallprevention",
    ]
    assert reports.figures[2026]["uppfoljning.total"].value == 6
    again = run_cli(example_root, "ny-berattelse", "2026")
    assert again.returncode == 1
    assert "Fel: reports/2026 finns redan" in again.stderr
