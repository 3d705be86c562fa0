"""Build the engine-neutral export with Zensical, installed for the bench only.

Zensical (by Material's authors) reads mkdocs.yml but runs no `hooks:`; `export-docs` gives it
every page ready-made. It lives in a venv of its own under .bench/, never in the project's
dependencies. 0.0.40 is pinned: later releases need `zensical-ui`, which the package registry
these machines reach does not serve.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bench.measure import RUNS, median, run

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".bench" / "zensical-venv"
VERSION = "0.0.40"


def _zensical() -> Path:
    executable = VENV / "bin" / "zensical"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, f"zensical=={VERSION}"], check=True)
    return executable


def zensical_build(export: Path, work: Path) -> float:
    """Median wall seconds of `zensical build --clean` of a copy of the export in `work`."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(export, work, ignore=shutil.ignore_patterns("site"))
    command = [str(_zensical()), "build", "--clean", "-f", str(work / "mkdocs.yml")]
    built = median(RUNS, lambda _: run(command, work))
    pages = sum(1 for _ in (work / "site").rglob("index.html"))
    if not pages:
        raise SystemExit("Zensical byggde inga sidor av exporten")
    return round(built.seconds, 2)
