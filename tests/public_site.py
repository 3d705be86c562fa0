"""The public site (mkdocs.public.yml) of a copy of the example portal, as `make public`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_example

PUBLIC_CONFIG = "mkdocs.public.yml"


def build_public_site(target: Path, drafts: bool = False, pdf: bool = False) -> Path:
    """Copy the example to `target` and build its public site; fail with MkDocs' output."""
    root = copy_example(target)
    site = root / "public-site"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "LEDNINGSSYSTEM_UTKAST": "ja" if drafts else "nej",
        "LEDNINGSSYSTEM_PDF": "ja" if pdf else "nej",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", PUBLIC_CONFIG]
    result = subprocess.run(
        [*command, "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site
