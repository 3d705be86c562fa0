"""Ändringslogg: content changes per month from Git, with version and status changes."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.doccontrol.changelog import changelog, first_month
from ledningssystem.doccontrol.history import read_history
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import build_site, soup
from tests.gitrepo import GitRepo, routine


def _repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "portal", today="2025-05-15")
    repo.write("routines/a.md", routine("a", "Rutin A", status="utkast"))
    repo.write("routines/gammal.md", routine("gammal", "Gammal rutin"))
    repo.commit("Utkast till rutin A", "2024-12-20")
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0"))
    repo.commit("Fastställ rutin A", "2025-03-03")
    repo.write("routines/a.md", routine("a", "Rutin A", "1.1", body="Ändrad text."))
    repo.remove("routines/gammal.md")
    repo.commit("Ny version av A, ta bort gammal", "2025-03-20", author="Bo Berg")
    repo.write("routines/a.md", routine("a", "Rutin A", "1.1", status="upphörd"))
    repo.commit("Rutin A upphör", "2025-05-02")
    return repo


def test_first_month() -> None:
    from datetime import date

    assert first_month(date(2025, 5, 15), 12) == date(2024, 6, 1)
    assert first_month(date(2025, 1, 31), 1) == date(2025, 1, 1)
    assert first_month(date(2025, 1, 31), 2) == date(2024, 12, 1)


def test_changes_per_month_with_versions_and_statuses(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    months = changelog(load_ledningssystem(repo.root), read_history(repo.root), months=6)
    summary = [
        (m.label, [(e.title, e.change, e.version, e.status) for e in m.entries]) for m in months
    ]
    assert summary == [
        ("Maj 2025", [("Rutin A", "ändrad", None, ("gällande", "upphörd"))]),
        (
            "Mars 2025",
            [
                ("Gammal rutin", "borttagen", None, None),
                ("Rutin A", "ändrad", ("1.0", "1.1"), None),
                ("Rutin A", "ändrad", None, ("utkast", "gällande")),
            ],
        ),
        ("December 2024", [("Gammal rutin", "ny", None, None), ("Rutin A", "ny", None, None)]),
    ]
    # Months before the window are left out.
    assert [
        m.label for m in changelog(load_ledningssystem(repo.root), read_history(repo.root), 3)
    ] == [
        "Maj 2025",
        "Mars 2025",
    ]


def test_all_months_by_default(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    months = changelog(load_ledningssystem(repo.root), read_history(repo.root))
    assert [m.anchor for m in months] == ["2025-05", "2025-03", "2024-12"]
    march = months[1]
    assert (march.documents, march.count("ny"), march.count("version"), march.count("status")) == (
        2,
        0,
        1,
        1,
    )


def test_changelog_pages(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.add_site_files()
    site = build_site(repo.root)
    index = soup(site / "andringslogg" / "index.html")
    rows = [
        [cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in index.select("table.ls-changelog-months tbody tr")
    ]
    assert rows == [
        ["Maj 2025", "1", "1", "0", "0", "1"],
        ["Mars 2025", "3", "2", "0", "1", "1"],
        ["December 2024", "2", "2", "2", "0", "0"],
    ]
    assert index.find("a", string="Mars 2025")["href"] == "2025-03/"
    march = soup(site / "andringslogg" / "2025-03" / "index.html")
    assert march.find("h1").contents[0].strip() == "Ändringar mars 2025"
    table = march.find("table", class_="ls-changelog")
    cells = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in table.select("tbody tr")
    ]
    assert cells[1][:5] == ["2025-03-20", "Rutin A", "ändrad", "1.0 → 1.1", "gällande"]
    assert cells[0][1:3] == ["Gammal rutin", "borttagen"]
    assert table.find("a", string="Rutin A")["href"] == "../../rutiner/a/"
