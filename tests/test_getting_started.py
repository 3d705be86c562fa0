"""The guide "Kom igång i er förvaltning": in the portal, and every make target it shows exists."""

from __future__ import annotations

import re

import yaml

from tests.conftest import REPO

GUIDE = REPO / "docs" / "kom-igang.md"


def _targets() -> set[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))


def test_every_make_command_in_the_guide_and_readme_exists() -> None:
    texts = GUIDE.read_text(encoding="utf-8") + (REPO / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\bmake ([a-z][\w-]*)", texts))
    assert {"ny-organisation", "import-word", "paket", "check", "serve"} <= shown
    assert shown - _targets() == set()


def test_the_guide_is_in_the_portals_navigation() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    about = next(
        item["Om ledningssystemet"] for item in config["nav"] if "Om ledningssystemet" in item
    )
    assert {"Kom igång i er förvaltning": "kom-igang.md"} in about


def test_the_guide_shows_server_settings_for_each_intranet_server() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for needle in ("IIS", "web.config", "nginx", "try_files", "Sitevision", "ADRESSER=html"):
        assert needle in guide
