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
    assert [source.count(c) for c in Coverage] == [2, 1, 1, 0, 0]
    # No krav of the fixture is verified, so all coverage is unverified coverage.
    assert source.count(Coverage.COVERED, verified=True) == 0
    assert source.count(Coverage.COVERED, verified=False) == 2
    assert source.anchor == "kalla-sosfs-2011-9"


def test_coverage_page_lists_exactly_the_citing_documents(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.add_site_files()
    page = soup(build_site(repo.root) / "lagkrav" / "index.html")

    def cited_by(req_id: str) -> dict[str, list[str]]:
        """The "Uppfylls av" cell: the links after each kind's label (Processer:, Rutiner:)."""
        cell = page.find("tr", id=req_id).find_all("td")[2]
        groups: dict[str, list[str]] = {}
        for label in cell.select("span.ls-cell-detail"):
            links = []
            for sibling in label.find_next_siblings():
                if sibling.name != "a":
                    break
                links.append(sibling.get_text())
            groups[label.get_text()] = links
        return groups

    assert cited_by("krav-a") == {
        "Processer:": ["Avvikelsehantering"],
        "Rutiner:": ["Rutin ett", "Rutin två"],
    }
    assert cited_by("krav-b") == {"Processer:": ["Avvikelsehantering"], "Rutiner:": ["Rutin två"]}
    assert cited_by("krav-c") == {}
    assert page.find("tr", id="krav-c").find_all("td")[2].get_text() == "–"
    assert cited_by("krav-d") == {"Rutiner:": ["Rutin fyra"]}
    assert page.find("tr", id="krav-c").find_all("td")[3].get_text() == "Saknar täckning"
    assert "ls-uncovered" in page.find("tr", id="krav-d")["class"]
    summary = [td.get_text(" ") for td in page.select("table.ls-coverage-summary tbody td")]
    # Krav, covered (with the verified ones), only drafts, uncovered, without document, ended.
    assert summary == ["4", "2 varav 0 kontrollerade", "1", "1", "0", "0"]
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


WITHOUT_DOCUMENT = """\
källa: SOSFS 2011:9
titel: Ledningssystem för systematiskt kvalitetsarbete
kontrollerad: {datum: 2026-11-01, mot: testfixtur}
krav:
  - {id: krav-a, kapitel: 5, paragraf: "6", ämne: Analysera avvikelser}
  - id: krav-scope
    kapitel: 1
    paragraf: "1"
    ämne: Tillämpningsområde
    uppfylls_utan_dokument: Föreskrifternas tillämpningsområde; inget dokument genomför det
  - id: krav-cited
    kapitel: 1
    paragraf: "2"
    ämne: Också patientsäkerhetsarbetet
    uppfylls_utan_dokument: Tillämpningsområde
"""


def test_a_krav_the_register_explains_is_neither_a_gap_nor_coverage(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal")
    repo.write("processes/avvikelser.yml", process(requirements=("krav-a", "krav-cited")))
    repo.add_site_files()
    repo.write("requirements/sosfs.yml", WITHOUT_DOCUMENT)
    [source] = requirement_coverage(load_ledningssystem(repo.root))
    # The reason shows only where no gällande document cites the krav: a citation still covers it.
    assert {row.requirement.id: row.coverage for row in source.rows} == {
        "krav-a": Coverage.COVERED,
        "krav-scope": Coverage.WITHOUT_DOCUMENT,
        "krav-cited": Coverage.COVERED,
    }
    page = soup(build_site(repo.root) / "lagkrav" / "index.html")
    row = page.find("tr", id="krav-scope")
    cells = [td.get_text() for td in row.find_all("td")]
    # The section names the source; the first column holds only the place, kept whole.
    assert cells[0] == "1\u00a0kap. 1\u00a0§"
    assert cells[1].endswith(
        "Uppfylls utan dokument: Föreskrifternas tillämpningsområde; inget dokument genomför det."
    )
    assert cells[3] == "Uppfylls utan dokument"
    assert "ls-uncovered" not in (row.get("class") or [])
    summary = [td.get_text(" ") for td in page.select("table.ls-coverage-summary tbody td")]
    assert summary == ["3", "2 varav 0 kontrollerade", "0", "0", "1", "0"]
    assert "1 uppfylls utan dokument" in page.get_text()
    assert "Saknar täckning" not in row.get_text()
