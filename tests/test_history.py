"""Git history: one pass over git log, renames followed, degrading to "historik saknas"."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from pathlib import Path

import pytest

from ledningssystem.doccontrol.history import forget_cached_history, parse_log, read_history
from ledningssystem.website.build import prepare_build
from tests.conftest import build_site, soup
from tests.gitrepo import GitRepo, process, routine


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """Rutin a: added, changed by someone else, renamed; rutin b added once."""
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process())
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0"))
    repo.commit("Första versionen", "2025-01-10")
    repo.write("routines/a.md", routine("a", "Rutin A", "1.1", body="Nytt innehåll."))
    repo.write("routines/b.md", routine("b", "Rutin B"))
    repo.commit("Förtydliga rutin A", "2025-03-05", author="Bo Berg")
    repo.git("mv", "routines/a.md", "routines/rutin-a.md")
    repo.commit("Byt filnamn", "2025-04-01")
    return repo


def test_history_follows_renames_and_matches_the_commits(repo: GitRepo) -> None:
    history = read_history(repo.root)
    assert history.available
    revs = history.of("routines/rutin-a.md")
    assert [(r.date, r.commit.author, r.commit.subject, r.change) for r in revs] == [
        (dt.date(2025, 4, 1), "Anna Andersson", "Byt filnamn", "R"),
        (dt.date(2025, 3, 5), "Bo Berg", "Förtydliga rutin A", "M"),
        (dt.date(2025, 1, 10), "Anna Andersson", "Första versionen", "A"),
    ]
    assert [r.path for r in revs] == ["routines/rutin-a.md", "routines/a.md", "routines/a.md"]
    assert [r.meta.version for r in revs if r.meta] == ["1.1", "1.1", "1.0"]
    assert [r.commit.subject for r in history.of("routines/b.md")] == ["Förtydliga rutin A"]
    assert history.of("routines/a.md") == ()  # known only under its newest name
    assert history.last_changed("processes/avvikelser.yml") == dt.date(2025, 1, 10)


def test_history_comes_from_one_git_log(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real_run = subprocess.run

    def spy(args, *rest, **kwargs):  # noqa: ANN001, ANN202
        calls.append(list(args))
        return real_run(args, *rest, **kwargs)

    forget_cached_history()
    monkeypatch.setattr(subprocess, "run", spy)
    read_history(repo.root)
    commands = [next(a for a in c[1:] if not a.startswith("-") and "=" not in a) for c in calls]
    assert commands == ["rev-parse", "rev-parse", "log", "cat-file"]


def test_a_read_without_a_new_commit_runs_no_git_log(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    # make serve reads the history on every save: only a new commit makes it read the log.
    calls: list[str] = []
    real_run = subprocess.run

    def spy(args, *rest, **kwargs):  # noqa: ANN001, ANN202
        calls.append(next(a for a in args[1:] if not a.startswith("-") and "=" not in a))
        return real_run(args, *rest, **kwargs)

    forget_cached_history()
    first = read_history(repo.root)
    monkeypatch.setattr(subprocess, "run", spy)
    assert read_history(repo.root) is first and "log" not in calls
    (repo.root / "routines" / "b.md").write_text("ändrad, ej incheckad\n", encoding="utf-8")
    assert read_history(repo.root) is first and "log" not in calls  # the work tree is no input
    repo.git("commit", "-qam", "Ny version av B")
    after = read_history(repo.root)
    assert "log" in calls
    assert [r.commit.subject for r in after.of("routines/b.md")][0] == "Ny version av B"


def test_version_history_table_on_the_built_page(repo: GitRepo) -> None:
    repo.settings(today="2025-06-01", commit_url="https://git.example.invalid/c/{sha}")
    repo.add_site_files()
    shas = [repo.git("rev-parse", f"HEAD~{n}") for n in range(3)]
    site = build_site(repo.root)
    page = soup(site / "rutiner" / "a" / "index.html")
    rows = [
        [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in page.select("table.ls-history tbody tr")
    ]
    # Rows are versions; the commits of a version are listed under it, newest first.
    assert rows == [
        [
            "1.1",
            "gällande",
            "2025-01-01",
            f"2025-04-01: Byt filnamn (nytt filnamn) – Anna Andersson, {shas[0][:8]} "
            f"2025-03-05: Förtydliga rutin A – Bo Berg, {shas[1][:8]}",
        ],
        [
            "1.0",
            "gällande",
            "2025-01-01",
            f"2025-01-10: Första versionen (ny) – Anna Andersson, {shas[2][:8]}",
        ],
    ]
    links = [a["href"] for a in page.select("table.ls-history a")]
    assert links == [f"https://git.example.invalid/c/{sha}" for sha in shas]
    meta = {
        tr.th.get_text(strip=True): tr.td.get_text(strip=True)
        for tr in page.select("table.ls-meta tr")
    }
    assert meta["Senast ändrad"] == "2025-04-01"


def test_without_a_commit_url_the_short_id_is_shown_unlinked(repo: GitRepo) -> None:
    build = prepare_build(repo.root)
    page = next(p for p in build.pages if p.src == "rutiner/b.md")
    assert "<code>" in page.markdown and '<a href="https' not in page.markdown


def test_parse_log_reads_renames_and_deletions() -> None:
    zero, one, two = "0" * 40, "1" * 40, "2" * 40
    text = (
        "\x1eaaa\x1f2025-02-01T10:00:00+01:00\x1fAnna\x1fTa bort\x00\n"
        f":100644 000000 {one} {zero} D\x00routines/x.md\x00"
        "\x1ebbb\x1f2025-01-01T10:00:00+01:00\x1fBo\x1fByt namn\x00\n"
        f":100644 100644 {one} {two} R087\x00routines/y.md\x00routines/z.md\x00"
        f":100644 100644 {one} {two} M\x00processes/p.yml\x00"
        "\x1eccc\x1f2024-12-01T10:00:00+01:00\x1fBo\x1fSammanslagning\x00"
    )
    parsed = parse_log(text)
    assert [(c.sha, files) for c, files in parsed] == [
        ("aaa", [("D", "routines/x.md", None, zero)]),
        (
            "bbb",
            [
                ("R", "routines/z.md", "routines/y.md", two),
                ("M", "processes/p.yml", None, two),
            ],
        ),
        ("ccc", []),
    ]


def _degraded_page(root: Path) -> str:
    build = prepare_build(root)
    return next(p for p in build.pages if p.src == "rutiner/a.md").markdown


def test_a_folder_that_is_not_a_git_repository(tmp_path: Path, caplog) -> None:  # noqa: ANN001
    repo = GitRepo(tmp_path / "portal")
    repo.write("routines/a.md", routine("a", "Rutin A"))
    (repo.root / ".git").rename(repo.root / "not-git")
    with caplog.at_level(logging.WARNING, logger="ledningssystem.doccontrol.history"):
        page = _degraded_page(repo.root)
    assert "<strong>Historik saknas</strong>: mappen är inte ett Git-arkiv." in page
    assert [r.getMessage() for r in caplog.records] == [
        "Versionshistorik saknas: mappen är inte ett Git-arkiv."
    ]


def test_git_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.write("routines/a.md", routine("a", "Rutin A"))
    repo.commit("Första", "2025-01-01")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert read_history(repo.root).problem == "programmet git finns inte på datorn"
    assert "Historik saknas" in _degraded_page(repo.root)


def test_a_shallow_clone(repo: GitRepo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    history = read_history(clone)
    assert "grund (shallow)" in history.problem
    assert history.of("routines/rutin-a.md") == ()


def test_a_file_not_yet_committed(repo: GitRepo) -> None:
    repo.write("routines/c.md", routine("c", "Rutin C"))
    page = next(p for p in prepare_build(repo.root).pages if p.src == "rutiner/c.md")
    assert "<strong>Historik saknas</strong>: filen är inte incheckad i Git ännu." in page.markdown


def test_a_repository_without_commits(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.write("routines/a.md", routine("a", "Rutin A"))
    assert read_history(repo.root).problem == "Git-arkivet har inga incheckningar ännu"
    assert "<strong>Historik saknas</strong>: Git-arkivet har inga incheckningar ännu." in (
        _degraded_page(repo.root)
    )


def _meta_rows(page) -> dict[str, str]:  # noqa: ANN001 - BeautifulSoup
    return {
        tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True)
        for tr in page.select("table.ls-meta tr")
    }


def test_editorial_change_is_listed_under_its_version(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process())
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0"))
    repo.commit("Första versionen", "2025-01-10")
    editorial = routine("a", "Rutin A", "1.0", body="Gör så här, rättat.").replace(
        "---\n\n# Rutin A", 'redaktionell_ändring: "Rättat stavfel"\n---\n\n# Rutin A'
    )
    repo.write("routines/a.md", editorial)
    repo.commit("Stavning", "2025-02-01")
    repo.add_site_files()
    page = soup(build_site(repo.root) / "rutiner" / "a" / "index.html")
    rows = page.select("table.ls-history tbody tr")
    assert len(rows) == 1  # one version, two commits
    assert "2025-02-01: redaktionell ändring – Rättat stavfel" in rows[0].get_text(" ", strip=True)


def test_new_version_says_not_approved_until_its_own_date_is_set(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process())
    repo.write("routines/a.md", routine("a", "Rutin A", "1.0", approved_on="2024-12-15"))
    repo.commit("Första versionen", "2025-01-10")
    repo.write(
        "routines/a.md",
        routine(
            "a", "Rutin A", "1.1", valid_from="2025-03-01", approved_on="2024-12-15", body="Ny."
        ),
    )
    repo.add_site_files()
    page = soup(build_site(repo.root) / "rutiner" / "a" / "index.html")
    assert _meta_rows(page)["Fastställd"].startswith("Ej fastställd ännu (version 1.1")
    repo.write(
        "routines/a.md",
        routine(
            "a", "Rutin A", "1.1", valid_from="2025-03-01", approved_on="2025-02-20", body="Ny."
        ),
    )
    page = soup(build_site(repo.root) / "rutiner" / "a" / "index.html")
    assert _meta_rows(page)["Fastställd"].startswith("2025-02-20 av")
