"""Golden cases: one folder per case under tests/golden/fall/, input and expectations together.

A case folder holds `fall.yml`, which says what content to build from (folders under tests/
copied in order, then files written inline under `filer:`) and what to render (`visa:`),
and beside it the expected output: one file per rendered item and `meddelanden.txt`, the
content errors an author would see. Nothing here reads the example content at the
repository root, so editing it never changes a golden.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import CALENDAR_PAGE, Linker, process_page
from ledningssystem.diagrams.arshjul import render_arshjul
from ledningssystem.diagrams.landscape import render_landscape
from ledningssystem.diagrams.process_map import render_process_map
from ledningssystem.diagrams.raci import render_raci
from ledningssystem.portal.load import load_content
from ledningssystem.website.pages import BuildContext, generate_pages

TESTS = Path(__file__).parent
CASES = TESTS / "golden" / "fall"
MESSAGES = "meddelanden.txt"


@dataclass(frozen=True)
class Case:
    """One golden case: where its input comes from and what it renders."""

    folder: Path
    inputs: tuple[Path, ...]
    files: dict[str, str]
    shows: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.folder.name


def read_case(folder: Path) -> Case:
    spec = yaml.safe_load((folder / "fall.yml").read_text(encoding="utf-8"))
    inputs = tuple((TESTS / item).resolve() for item in spec.get("indata", []))
    for path in inputs:
        # A golden built from the example content would test the content, not the code.
        assert path.is_relative_to(TESTS.resolve()), f"{folder.name}: {path} ligger utanför tests/"
    return Case(folder, inputs, dict(spec.get("filer") or {}), tuple(spec.get("visa") or ()))


def all_cases() -> list[Case]:
    return [read_case(path.parent) for path in sorted(CASES.glob("*/fall.yml"))]


def build_root(case: Case, target: Path) -> Path:
    """The case's content root: its input folders copied in order, its inline files on top."""
    target.mkdir(parents=True, exist_ok=True)
    for source in case.inputs:
        shutil.copytree(source, target, dirs_exist_ok=True)
    for relative, text in case.files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return target


def output_name(show: str) -> str:
    """ "karta:hemtjanst" → karta-hemtjanst.html; "sida:roller/x.md" → sida-roller-x.md."""
    kind, _, subject = show.partition(":")
    if kind == "sida":
        return f"sida-{subject.replace('/', '-')}"
    return f"{kind}-{subject}.html" if subject else f"{kind}.html"


def render_show(content: Ledningssystem, show: str) -> str:
    """One rendered item of a case, by its `visa:` entry."""
    kind, _, subject = show.partition(":")
    if kind == "landskap":
        return render_landscape(content, Linker("index.md"))
    if kind == "arshjul":
        return render_arshjul(content, Linker(CALENDAR_PAGE))
    if kind in ("karta", "raci"):
        render = render_process_map if kind == "karta" else render_raci
        return render(content, content.processes[subject], Linker(process_page(subject)))
    if kind == "sida":
        pages = {page.src: page.markdown for page in generate_pages(content, BuildContext())}
        assert subject in pages, f"ingen sida {subject}; finns: {sorted(pages)}"
        return pages[subject]
    raise AssertionError(f"okänt slag i visa: {show}")


def render_case(case: Case, workdir: Path) -> dict[str, str]:
    """Every expected file of a case, by file name: the renders and the messages."""
    root = build_root(case, workdir / case.name)
    content, errors = load_content(root)
    out = {output_name(show): render_show(content, show) for show in case.shows}
    out[MESSAGES] = "".join(f"{error.format()}\n" for error in sorted(errors))
    return out
