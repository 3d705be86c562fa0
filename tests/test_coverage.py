"""Lagkrav: each requirement lists exactly the processes and rutiner that cite it."""

from __future__ import annotations

from pathlib import Path

from ledningssystem.legal.coverage import Coverage, requirement_coverage
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import build_site, soup
from tests.gitrepo import GitRepo, process, routine


def _repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process(requirements=("krav-a", "krav-b")))
    repo.write("routines/r1.md", routine("r1", "Rutin ett", requirements=("krav-a",)))
    repo.write("routines/r2.md", routine("r2", "Rutin två", requirements=("krav-a", "krav-b")))
    repo.write("routines/r3.md", routine("r3", "Rutin tre"))
    repo.write(
        "routines/r4.md", routine("r4", "Rutin fyra", status="utkast", requirements=("krav-d",))
    )
    return repo


def test_coverage_counts(tmp_path: Path) -> None:
    [source] = requirement_coverage(load_ledningssystem(_repo(tmp_path).root))
    assert {row.requirement.id: row.coverage for row in source.rows} == {
        "krav-a": Coverage.COVERED,
        "krav-b": Coverage.COVERED,
        "krav-c": Coverage.UNCOVERED,
        "krav-d": Coverage.NOT_IN_FORCE,
    }
    assert [source.count(c) for c in Coverage] == [2, 1, 1, 0]
    # No krav of the fixture is verified, so all coverage is unverified coverage.
    assert source.count(Coverage.COVERED, verified=True) == 0
    assert source.count(Coverage.COVERED, verified=False) == 2
    assert source.anchor == "kalla-sosfs-2011-9"


def test_coverage_page_lists_exactly_the_citing_documents(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.add_site_files()
    page = soup(build_site(repo.root) / "lagkrav" / "index.html")

    def cells(req_id: str) -> list[list[str]]:
        row = page.find("tr", id=req_id)
        return [[a.get_text() for a in td.find_all("a")] for td in row.find_all("td")[2:4]]

    assert cells("krav-a") == [["Avvikelsehantering"], ["Rutin ett", "Rutin två"]]
    assert cells("krav-b") == [["Avvikelsehantering"], ["Rutin två"]]
    assert cells("krav-c") == [[], []]
    assert cells("krav-d") == [[], ["Rutin fyra"]]
    assert page.find("tr", id="krav-c").find_all("td")[4].get_text() == "Saknar täckning"
    assert "ls-uncovered" in page.find("tr", id="krav-d")["class"]
    summary = [td.get_text() for td in page.select("table.ls-coverage-summary tbody td")]
    # Krav, covered verified, covered unverified, only drafts, uncovered, ended.
    assert summary == ["4", "0", "2", "1", "1", "0"]
    per_doc = {
        tr.find("a").get_text(): [a.get_text() for a in tr.find_all("a")[1:]]
        for tr in page.select("table.ls-citations tbody tr")
    }
    assert per_doc == {
        "Avvikelsehantering": ["SOSFS 2011:9 5 kap. 6 §", "SOSFS 2011:9 4 kap. 4 §"],
        "Rutin ett": ["SOSFS 2011:9 5 kap. 6 §"],
        "Rutin fyra": ["SOSFS 2011:9 7 kap. 2 §"],
        "Rutin två": ["SOSFS 2011:9 5 kap. 6 §", "SOSFS 2011:9 4 kap. 4 §"],
    }
    assert "1 dokument hänvisar inte till något lagkrav" in page.find("details").summary.get_text()
