"""The public site (mkdocs.public.yml) of a copy of the example portal, as `make public`."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_site, copy_example

PUBLIC_CONFIG = "mkdocs.public.yml"


def build_public_site(
    target: Path, drafts: bool = False, pdf: bool = False, pdf_cache: Path | None = None
) -> Path:
    """Copy the example to `target` and build its public site; fail with MkDocs' output."""
    env = {
        "LEDNINGSSYSTEM_UTKAST": "ja" if drafts else "nej",
        "LEDNINGSSYSTEM_PDF": "ja" if pdf else "nej",
    }
    root = copy_example(target)
    return build_site(root, env, config=PUBLIC_CONFIG, site="public-site", pdf_cache=pdf_cache)
