"""The example's legal register is cited at paragraph level where the law text was checked."""

from __future__ import annotations

import re
from pathlib import Path

from ledningssystem.legal.coverage import Coverage, requirement_coverage
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO

CHECKED_AGAINST_THE_TEXT = ("SoL (2025:400)", "LSS (1993:387)", "SFS 2010:659")
LEX_SARAH = re.compile(r"SoL \(2025:400\) (\d+) kap\. (\d+)–(\d+) §§")


def test_the_laws_checked_against_their_text_are_verified_paragraph_by_paragraph(
    example_root: Path,
) -> None:
    content = load_ledningssystem(example_root)
    sources = {s.source: s for s in content.requirement_sources}
    for name in CHECKED_AGAINST_THE_TEXT:
        source = sources[name]
        assert "https://" in source.checked.against, name  # the text it was checked against
        for req in source.requirements:
            assert req.verified and req.paragraph, (name, req.id)


def test_what_replaces_the_repealed_socialtjanstlag_is_verified(example_root: Path) -> None:
    content = load_ledningssystem(example_root)
    old = next(s for s in content.requirement_sources if s.source == "SoL (2001:453)")
    for req in old.requirements:
        for new_id in req.replaced_by:
            new = content.requirements[new_id]
            assert new.source.source == "SoL (2025:400)" and new.requirement.verified, new_id
    assert content.requirements["sol-2025-400-lex-sarah-rapportera"].reference == (
        "SoL (2025:400) 27 kap. 2 §"
    )
    assert content.requirements["sol-2025-400-ej-verkstallda"].reference == (
        "SoL (2025:400) 34 kap. 1 §"
    )


def test_the_report_templates_cite_lex_sarah_as_the_register_does(example_root: Path) -> None:
    content = load_ledningssystem(example_root)
    lex_sarah = [
        r
        for r in content.requirements.values()
        if r.source.source == "SoL (2025:400)" and "lex Sarah" in r.requirement.topic
    ]
    chapters = {r.requirement.chapter for r in lex_sarah}
    old_sarah = sorted(
        int(r.requirement.paragraph)
        for r in content.requirements.values()
        if r.source.source == "SoL (2001:453)" and r.requirement.chapter == 14
    )
    assert old_sarah == [2, 3, 4, 5, 6, 7]
    paragraphs = sorted(int(r.requirement.paragraph) for r in lex_sarah)
    assert chapters == {27} and paragraphs[0] == 1
    for name in ("kombinerad", "stad"):
        text = (REPO / f"ledningssystem/report/builtin_templates/{name}.yml").read_text("utf-8")
        cited = [c for c in LEX_SARAH.findall(text) if c[0] == "27"]
        assert cited == [("27", "1", str(paragraphs[-1]))], name
        assert "LSS 24 a–24 f §§" in text and "om lex Sarah" not in text, name
        # Years before 2025-07-01 cite the law then in force (report/legal_basis.py).
        assert f"- SoL (2001:453) 14 kap. 2–{old_sarah[-1]} §§" in text, name
        assert "- SoL (2001:453) 16 kap. 6 f–6 h §§" in text, name
        assert "- SoL (2025:400) 34 kap. 1–3 §§" in text, name


def test_every_krav_of_the_current_socialtjanstlag_is_cited_or_explained(
    example_root: Path,
) -> None:
    """Lagkrav shows no unexplained gap in SoL (2025:400): each krav is cited by a gällande
    document, or the register says why no document implements it."""
    content = load_ledningssystem(example_root)
    [sol] = [s for s in requirement_coverage(content) if s.source.source == "SoL (2025:400)"]
    states = {row.requirement.id: row.coverage for row in sol.rows}
    assert set(states.values()) <= {Coverage.COVERED, Coverage.WITHOUT_DOCUMENT}, states
    explained = [r for r, state in states.items() if state is Coverage.WITHOUT_DOCUMENT]
    # Only the power to offer insatser without individual needs assessment, which the nämnd
    # has not used; every duty is implemented by a document.
    assert explained == ["sol-2025-400-utan-behovsprovning"]
