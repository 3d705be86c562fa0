"""Ändringslogg: content changes per month from Git, with version and status changes."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.changelog import changelog, first_month
from ledningssystem.history import read_history
from ledningssystem.load import load_ledningssystem
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


def test_changelog_page(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.add_site_files()
    page = soup(build_site(repo.root) / "andringslogg" / "index.html")
    march = page.find("h2", id="2025-03")
    assert march.get_text(strip=True) == "Mars 2025 (3 ändringar)"
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in march.find_next("table").select("tbody tr")
    ]
    assert rows[1][:5] == ["2025-03-20", "Rutin A", "ändrad", "1.0 → 1.1", "gällande"]
    assert rows[0][1] == "Gammal rutin" and rows[0][2] == "borttagen"
    assert march.find_next("table").find("a", string="Rutin A")["href"] == "../rutiner/a/"
