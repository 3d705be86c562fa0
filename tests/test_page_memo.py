"""Document pages remembered between preview builds: an edit makes exactly the pages it shows on.

Each rebuild is compared with a build from scratch of the same content, so a remembered page
that should have changed (a stale page) fails the test.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

import ledningssystem.website.pages as pages_module
from ledningssystem.doccontrol.history import Commit, History, Revision
from ledningssystem.website import build as build_module
from ledningssystem.website.build import SiteBuild, prepare_build
from ledningssystem.website.pages import doccontrol, processes, roles, routines
from ledningssystem.website.pages.memo import FRONT_MATTER, PageMemo, source_digests

RUTIN = "routines/avvikelser/checklista-avvikelseutredning.md"
TITLE = "Checklista för avvikelseutredning"
PROCESS = "processes/avvikelsehantering.yml"


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the rutiner and processes whose pages were generated (not remembered)."""
    calls: list[str] = []
    real_routine, real_process = routines.routine_document_page, processes._process_pages

    def routine_page(content, context, doc):  # noqa: ANN001, ANN202 - the wrapped generator
        calls.append(doc.meta.id)
        return real_routine(content, context, doc)

    def process_pages(content, context, process):  # noqa: ANN001, ANN202
        calls.append(process.id)
        return real_process(content, context, process)

    monkeypatch.setattr(routines, "routine_document_page", routine_page)
    monkeypatch.setattr(processes, "_process_pages", process_pages)
    return calls


def _pages(build: SiteBuild) -> dict[str, str]:
    return {page.src: page.markdown for page in build.pages}


def _rebuild(root: Path, previous: SiteBuild, made: list[str]) -> SiteBuild:
    scratch = _pages(prepare_build(root))
    made.clear()
    again = prepare_build(root, previous=previous.context.memo)
    assert _pages(again) == scratch  # the same as a build from scratch
    return again


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_generates_exactly_the_pages_that_show_it(
    example_root: Path, made: list[str]
) -> None:
    first = prepare_build(example_root, previous=PageMemo())
    assert "checklista-avvikelseutredning" in made and "avvikelsehantering" in made
    # Nothing changed: nothing is generated again.
    same = _rebuild(example_root, first, made)
    assert made == []
    # A rutin's text: its page alone (the process pages show only its front matter).
    _edit(example_root, RUTIN, "\n## ", "\nEtt nytt stycke.\n\n## ")
    body = _rebuild(example_root, same, made)
    assert made == ["checklista-avvikelseutredning"]
    # Its title: the same pages are made, and the process page now shows the new title.
    _edit(example_root, RUTIN, f"titel: {TITLE}", f"titel: {TITLE} och uppföljning")
    titled = _rebuild(example_root, body, made)
    assert sorted(made) == ["avvikelsehantering", "checklista-avvikelseutredning"]
    assert f"{TITLE} och uppföljning" in _pages(titled)["processer/avvikelsehantering.md"]
    # A process's prose: its pages and its neighbours' in the flow, no rutin's page.
    _edit(example_root, PROCESS, "\nsyfte: ", "\nsyfte: Nytt syfte. ")
    prose = _rebuild(example_root, titled, made)
    neighbours = {"avvikelsehantering", "lex-sarah", "lex-maria"}
    assert set(made) == neighbours
    # Its name: the rutiner that support it show it too.
    _edit(example_root, PROCESS, "\nnamn: Avvikelsehantering", "\nnamn: Avvikelser och lärande")
    _rebuild(example_root, prose, made)
    assert neighbours < set(made) and "checklista-avvikelseutredning" in made
    assert len(made) < len(titled.content.routines) / 2


def test_shared_content_makes_every_page_again(example_root: Path, made: list[str]) -> None:
    first = prepare_build(example_root, previous=PageMemo())
    count = len(made)
    roles = example_root / "roles" / "roller.yml"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _rebuild(example_root, first, made)
    assert len(made) == count  # a role's name may be on any page: all are made again


def test_a_one_off_build_remembers_nothing(tiny_root: Path) -> None:
    built = prepare_build(tiny_root)
    assert not built.context.memo.enabled and built.context.memo.current == {}
    assert build_module.shared_build(tiny_root).context.memo.enabled


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The listing pages generated (not remembered): role pages and the rutin index."""
    calls: list[str] = []
    real_role, real_index = roles.role_document_page, routines._index

    def role_page(content, context, role):  # noqa: ANN001, ANN202 - the wrapped generator
        calls.append(f"roll:{role.id}")
        return real_role(content, context, role)

    def routine_index(content, context):  # noqa: ANN001, ANN202
        calls.append("rutinindex")
        return real_index(content, context)

    monkeypatch.setattr(roles, "role_document_page", role_page)
    monkeypatch.setattr(routines, "_index", routine_index)
    return calls


def test_listing_pages_are_made_again_only_when_what_they_show_changes(
    example_root: Path, listed: list[str]
) -> None:
    first = prepare_build(example_root, previous=PageMemo())
    every_role = sorted(f"roll:{r}" for r in first.content.roles)
    assert sorted(listed) == [*every_role, "rutinindex"]
    listed.clear()
    # A rutin's text is on no listing page.
    _edit(example_root, RUTIN, "\n## ", "\nEtt nytt stycke.\n\n## ")
    body = _rebuild(example_root, first, listed)
    assert listed == []
    # Its front matter is: on the index and on the page of the role that owns it.
    _edit(example_root, RUTIN, f"titel: {TITLE}", f"titel: {TITLE} och uppföljning")
    titled = _rebuild(example_root, body, listed)
    owner = titled.content.routines["checklista-avvikelseutredning"].meta.owner
    assert sorted(listed) == [f"roll:{owner}", "rutinindex"]
    # A process's prose is on no listing page but the process index.
    _edit(example_root, PROCESS, "\nsyfte: ", "\nsyfte: Nytt syfte. ")
    prose = _rebuild(example_root, titled, listed)
    assert listed == []
    # A step's name: the pages of the roles with a letter in it (not the others), the index.
    _edit(example_root, PROCESS, "namn: Bedöma avvikelsen", "namn: Bedöma och klassa avvikelsen")
    processed = _rebuild(example_root, prose, listed)
    process = processed.content.processes["avvikelsehantering"]
    named = {process.owner, *(r for step in process.steps for r in step.responsibility)}
    assert sorted(listed) == sorted([*(f"roll:{r}" for r in named), "rutinindex"])
    assert len(named) < len(every_role)
    # Shared content: a role's name may be on any page.
    roles_file = example_root / "roles" / "roller.yml"
    roles_file.write_text(roles_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _rebuild(example_root, processed, listed)
    assert sorted(listed) == [*every_role, "rutinindex"]


def test_a_new_commit_makes_the_listing_pages_again(
    example_root: Path, listed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Ändringslogg and the document lists show the history: it is part of the outline."""
    first = prepare_build(example_root, previous=PageMemo())
    listed.clear()
    history = first.context.history
    commit = Commit("f" * 40, dt.date(2026, 1, 2), "Anna", "Ny rutin")
    revision = Revision(commit, "A", RUTIN, blob="b" * 40)
    moved = History({**history.revisions, RUTIN: (revision,)}, "")
    monkeypatch.setattr(build_module, "read_history", lambda *a, **k: moved)
    again = prepare_build(example_root, previous=first.context.memo)
    assert listed == ["rutinindex"]
    assert again.context.memo.outline != first.context.memo.outline


def test_the_front_matter_digest_covers_the_front_matter_alone(tmp_path: Path) -> None:
    rutin = tmp_path / "routines" / "a.md"
    rutin.parent.mkdir()
    rutin.write_text("---\nid: a\ntitel: A\n---\n# A\n\nText.\n", encoding="utf-8")
    before = source_digests(tmp_path)
    rutin.write_text("---\nid: a\ntitel: A\n---\n# A\n\nAnnan text.\n", encoding="utf-8")
    body = source_digests(tmp_path)
    assert body["routines/a.md" + FRONT_MATTER] == before["routines/a.md" + FRONT_MATTER]
    assert body["routines/a.md"] != before["routines/a.md"]
    rutin.write_text("---\nid: a\ntitel: B\n---\n# A\n\nAnnan text.\n", encoding="utf-8")
    assert (
        source_digests(tmp_path)["routines/a.md" + FRONT_MATTER]
        != body["routines/a.md" + FRONT_MATTER]
    )
    # Without a closed front matter the whole file stands for it: never a stale listing.
    rutin.write_text("---\nid: a\ntitel: B\n", encoding="utf-8")
    digests = source_digests(tmp_path)
    assert digests["routines/a.md" + FRONT_MATTER] == digests["routines/a.md"]


def test_a_rebuild_hashes_only_the_files_written_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.md").write_text(f"---\nid: {name}\n---\nText.\n", encoding="utf-8")
        os.utime(folder / f"{name}.md", ns=(time.time_ns() - 60 * 10**9,) * 2)
    first = source_digests(tmp_path)
    reads: list[str] = []
    real = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    assert source_digests(tmp_path) == first and reads == []
    (folder / "a.md").write_text("---\nid: a\n---\nNy text.\n", encoding="utf-8")
    edited = source_digests(tmp_path)
    assert reads == ["a.md"] and edited["routines/a.md"] != first["routines/a.md"]
    # Written a moment ago: stat alone is not trusted yet (a coarse clock may hide a change).
    assert source_digests(tmp_path) == edited and reads == ["a.md", "a.md"]


def test_document_control_pages_follow_the_outline_and_still_warn_every_build(
    example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[int] = []
    warned: list[int] = []
    real_each, real_warn = doccontrol._each, doccontrol._warn_uncommitted
    monkeypatch.setattr(doccontrol, "_each", lambda *a: made.append(1) or real_each(*a))
    monkeypatch.setattr(
        doccontrol, "_warn_uncommitted", lambda *a: warned.append(1) or real_warn(*a)
    )
    first = prepare_build(example_root, previous=PageMemo())
    _edit(example_root, RUTIN, "\n## ", "\nEtt nytt stycke.\n\n## ")
    body = _rebuild(example_root, first, [])
    assert made == [1, 1] and warned == [1, 1, 1]  # the scratch build of _rebuild makes them
    _edit(example_root, RUTIN, f"titel: {TITLE}", f"titel: {TITLE} och uppföljning")
    _rebuild(example_root, body, [])
    assert made == [1, 1, 1, 1] and warned == [1] * 5


def test_a_rebuild_expands_the_facts_of_the_pages_made_again_only(
    example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expanded: list[str] = []
    real = pages_module.expand_facts
    monkeypatch.setattr(
        pages_module, "expand_facts", lambda text, facts: expanded.append(text) or real(text, facts)
    )
    first = prepare_build(example_root, previous=PageMemo())
    _edit(example_root, RUTIN, "\n## ", "\nEtt nytt stycke.\n\n## ")
    expanded.clear()
    again = prepare_build(example_root, previous=first.context.memo)
    assert len(expanded) == 1 and "Ett nytt stycke." in expanded[0]
    assert _pages(again) == _pages(prepare_build(example_root))  # as a build from scratch
