"""Golden files: the rendered SVG/HTML of every process, the landscape and the årshjul.

Regenerate deliberately after a reviewed change (or when the example content grows):
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.urls import CALENDAR_PAGE, Linker, process_page
from ledningssystem.diagrams.arshjul import render_arshjul
from ledningssystem.diagrams.landscape import render_landscape
from ledningssystem.diagrams.process_map import render_process_map
from ledningssystem.diagrams.raci import render_raci
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO
from tests.diagram_fixtures import FIXTURE_PORTAL

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
ROOTS = {"exempel": REPO, "fixtur": FIXTURE_PORTAL}


def renders(content: Ledningssystem) -> dict[str, str]:
    """Every diagram of a content root, by golden file name."""
    out = {
        "landskap.html": render_landscape(content, Linker("index.md")),
        "arshjul.html": render_arshjul(content, Linker(CALENDAR_PAGE)),
    }
    for process_id, process in content.processes.items():
        link = Linker(process_page(process_id))
        out[f"karta-{process_id}.html"] = render_process_map(content, process, link)
        out[f"raci-{process_id}.html"] = render_raci(content, process, link)
    return out


def _cases():
    for root_name, root in ROOTS.items():
        for file_name, html in renders(load_ledningssystem(root)).items():
            yield pytest.param(f"{root_name}/{file_name}", html, id=f"{root_name}/{file_name}")


@pytest.mark.parametrize(("name", "html"), list(_cases()))
def test_render_matches_golden(name: str, html: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8", newline="\n")
        return
    assert path.exists(), (
        f"Golden-filen tests/golden/{name} saknas. Skapa den med "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py och granska diffen."
    )
    expected = path.read_text(encoding="utf-8")
    assert html == expected, (
        f"tests/golden/{name} skiljer sig. Om ändringen är avsiktlig: "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py och granska diffen."
    )


def test_no_stale_goldens() -> None:
    """A golden without a process (renamed or removed) is reported, not silently kept."""
    if UPDATE:
        pytest.skip("regenerating")
    expected = {f"{r}/{f}" for r, root in ROOTS.items() for f in renders(load_ledningssystem(root))}
    present = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.html")}
    assert present - expected == set(), "Ta bort golden-filer som inte längre motsvarar något."


_DIGEST = """
import hashlib, sys
sys.path.insert(0, sys.argv[1])
from ledningssystem.portal.load import load_ledningssystem
from tests.test_golden import renders
for root in sys.argv[2:]:
    for name, html in sorted(renders(load_ledningssystem(root)).items()):
        print(name, hashlib.sha256(html.encode()).hexdigest())
"""


def test_output_is_byte_identical_across_runs() -> None:
    """Same content, different hash seeds, separate processes: the same bytes."""
    digests = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(REPO), *map(str, ROOTS.values())],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        digests.append(run.stdout)
    local = "".join(
        f"{name} {hashlib.sha256(html.encode()).hexdigest()}\n"
        for root in ROOTS.values()
        for name, html in sorted(renders(load_ledningssystem(root)).items())
    )
    assert digests[0] == digests[1] == local
