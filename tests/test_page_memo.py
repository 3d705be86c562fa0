"""Document pages remembered between preview builds: an edit makes exactly the pages it shows on.

Each rebuild is compared with a build from scratch of the same content, so a remembered page
that should have changed (a stale page) fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ledningssystem.website import build as build_module
from ledningssystem.website.build import SiteBuild, prepare_build
from ledningssystem.website.pages import processes, routines
from ledningssystem.website.pages.memo import PageMemo

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
    # A rutin's text: its page, and the process pages that list it (they show its rutiner).
    _edit(example_root, RUTIN, "\n## ", "\nEtt nytt stycke.\n\n## ")
    body = _rebuild(example_root, same, made)
    assert sorted(made) == ["avvikelsehantering", "checklista-avvikelseutredning"]
    # Its title: the same pages are made, and the process page now shows the new title.
    _edit(example_root, RUTIN, f"titel: {TITLE}", f"titel: {TITLE} och uppföljning")
    titled = _rebuild(example_root, body, made)
    assert sorted(made) == ["avvikelsehantering", "checklista-avvikelseutredning"]
    assert f"{TITLE} och uppföljning" in _pages(titled)["processer/avvikelsehantering.md"]
    # A process: its pages, its neighbours in the flow and the rutiner that support it.
    _edit(example_root, PROCESS, "\nsyfte: ", "\nsyfte: Nytt syfte. ")
    _rebuild(example_root, titled, made)
    assert "avvikelsehantering" in made and "checklista-avvikelseutredning" in made
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
