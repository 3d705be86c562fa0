"""Dokumentstyrning: overdue, due and draft lists for a fixed "today", banners, CSV and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from ledningssystem.core.review_state import ReviewState
from ledningssystem.doccontrol.history import read_history
from ledningssystem.doccontrol.review_radar import overview
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.website.build import prepare_build
from tests.conftest import build_site, soup
from tests.gitrepo import GitRepo, process, routine

TODAY = "2026-03-01"  # horizon 90 days: due up to and including 2026-05-30


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "portal", today=TODAY, horizon=90)
    repo.write("processes/avvikelser.yml", process(review_by="2026-02-28", owner="enhetschef"))
    docs = {
        "forsenad": routine("forsenad", "Försenad rutin", review_by="2026-02-27"),
        "idag": routine("idag", "Revideras i dag", review_by="2026-03-01"),
        "sista": routine("sista", "Sista dagen", review_by="2026-05-30", owner="enhetschef"),
        "senare": routine("senare", "Efter horisonten", review_by="2026-05-31"),
        "utkast": routine("utkast", "Ett utkast", status="utkast", owner="enhetschef"),
        "upphord": routine("upphord", "Upphörd rutin", status="upphörd"),
    }
    for id_, text in docs.items():
        repo.write(f"routines/{id_}.md", text)
    repo.commit("Alla rutiner", "2025-06-01")
    repo.write(
        "routines/senare.md", routine("senare", "Efter horisonten", "1.1", review_by="2026-05-31")
    )
    repo.commit("Ny version", "2026-02-15")
    return repo


def _ids(groups) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    return [(g.owner, [i.id for i in g.items]) for g in groups]


def test_overdue_due_and_drafts_for_a_fixed_today(repo: GitRepo) -> None:
    content = load_ledningssystem(repo.root)
    control = overview(content, read_history(repo.root))
    assert control.today == dt.date(2026, 3, 1)
    assert _ids(control.overdue) == [
        ("enhetschef", ["avvikelser"]),
        ("kvalitetschef", ["forsenad"]),
    ]
    assert _ids(control.due) == [("enhetschef", ["sista"]), ("kvalitetschef", ["idag"])]
    assert _ids(control.drafts) == [("enhetschef", ["utkast"])]
    assert _ids(control.recent) == [("kvalitetschef", ["senare"])]
    states = {i.id: i.state for i in control.items}
    assert states["senare"] is ReviewState.ON_TIME
    assert states["upphord"] is ReviewState.RETIRED
    assert control.counts_by_owner() == [
        ("enhetschef", [1, 1, 1, 0]),
        ("kvalitetschef", [1, 1, 0, 1]),
    ]


def test_horizon_and_today_come_from_the_settings(repo: GitRepo) -> None:
    repo.settings(today="2026-02-27", horizon=3)
    control = overview(load_ledningssystem(repo.root), read_history(repo.root))
    assert control.overdue == []
    assert _ids(control.due) == [
        ("enhetschef", ["avvikelser"]),
        ("kvalitetschef", ["forsenad", "idag"]),
    ]


def test_banners_say_in_words_what_is_wrong(repo: GitRepo) -> None:
    pages = {p.src: p.markdown for p in prepare_build(repo.root).pages}
    assert '!!! warning "Revidering försenad"' in pages["rutiner/forsenad.md"]
    assert "för 2 dagar sedan" in pages["rutiner/forsenad.md"]
    assert '!!! warning "Revidering försenad"' in pages["processer/avvikelser.md"]
    assert '!!! warning "Utkast – gäller inte ännu"' in pages["rutiner/utkast.md"]
    assert '!!! danger "Upphörd – gäller inte längre"' in pages["rutiner/upphord.md"]
    for calm in ("rutiner/idag.md", "rutiner/senare.md"):
        assert "!!!" not in pages[calm]


def test_a_version_that_starts_later_is_announced(repo: GitRepo) -> None:
    repo.write(
        "routines/senare.md",
        routine(
            "senare", "Efter horisonten", "2.0", valid_from="2026-04-01", approved_on="2026-02-20"
        ),
    )
    pages = {p.src: p.markdown for p in prepare_build(repo.root).pages}
    assert '!!! info "Börjar gälla 2026-04-01"' in pages["rutiner/senare.md"]


def test_dokumentstyrning_page_csv_and_json(repo: GitRepo) -> None:
    repo.add_site_files()
    site = build_site(repo.root)
    page = soup(site / "dokumentstyrning" / "index.html")
    overdue = page.find("h2", id="forsenad")
    assert overdue.get_text(strip=True).rstrip("¶") == "Revidering försenad (2)"
    heading = page.find("h3", id="forsenad-kvalitetschef")
    assert heading.get_text(strip=True).rstrip("¶") == "Kvalitetschef (1)"
    table = heading.find_next("table")
    assert [a.get_text() for a in table.select("tbody a")] == ["Försenad rutin"]
    assert table.select_one("tbody a")["href"] == "../rutiner/forsenad/"
    assert page.find("h2", id="snart").get_text(strip=True).rstrip("¶") == (
        "Revideras inom 90 dagar (2)"
    )
    totals = [td.get_text() for td in page.select("table.ls-control-summary tfoot td")]
    assert totals == ["2", "2", "1", "1"]
    assert page.find("a", string="som CSV-fil för Excel")["href"] == "dokumentstyrning.csv"

    raw = (site / "dokumentstyrning" / "dokumentstyrning.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Typ", "Id", "Titel"]
    by_id = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert len(by_id) == 7
    assert by_id["forsenad"]["Läge"] == "revidering försenad"
    assert by_id["forsenad"]["Dagar kvar"] == "-2"
    assert by_id["sista"]["Ägare"] == "Enhetschef"
    assert by_id["senare"]["Senast ändrad"] == "2026-02-15"
    assert b"\r\n" in raw

    data = json.loads((site / "dokumentstyrning" / "dokumentstyrning.json").read_text("utf-8"))
    assert data["idag"] == TODAY
    assert data["antal"] == {
        "revidering_försenad": 2,
        "revision_försenad": 2,  # the deprecated key, kept with the same value for one release
        "revideras_snart": 2,
        "utkast": 1,
        "nyligen_ändrade": 1,
        "berörs_av_lagändring": 0,
    }
    assert {d["id"]: d["läge"] for d in data["dokument"]}["utkast"] == "utkast"
    assert data["utfasade_nycklar"] == {
        "antal.revision_försenad": (
            "Utfasad: ersätts av antal.revidering_försenad (samma värde) och tas bort i nästa "
            "version."
        )
    }


def test_example_build_is_reproducible(repo: GitRepo) -> None:
    first = [(p.src, p.markdown) for p in prepare_build(repo.root).pages]
    second = [(p.src, p.markdown) for p in prepare_build(repo.root).pages]
    assert first == second
