"""The shipped CI templates call make targets and CLI commands that exist (and are tested)."""

from __future__ import annotations

import re

import yaml

from ledningssystem.commands import COMMANDS
from tests.conftest import REPO

TEMPLATES = (
    ".github/workflows/ledningssystem.yml",
    ".github/workflows/revideringar.yml",
    ".gitlab-ci.yml",
)


def _makefile_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.MULTILINE))


def test_templates_call_existing_make_targets() -> None:
    targets = _makefile_targets()
    for name in TEMPLATES:
        text = (REPO / name).read_text(encoding="utf-8")
        yaml.safe_load(text)  # valid YAML
        called = set(
            re.findall(r"^\s*(?:- |run: )?make (?:--silent )?([a-z][a-z-]*)", text, re.MULTILINE)
        )
        assert called, name
        assert called <= targets, f"{name}: {called - targets}"


def test_documented_commands_exist() -> None:
    seen: set[str] = set()
    for name in ("README.md", "docs/skriva/andra-en-rutin.md", *TEMPLATES):
        text = (REPO / name).read_text(encoding="utf-8")
        used = set(re.findall(r"python -m ledningssystem ([a-zåäö][a-zåäö-]*)", text))
        assert used <= set(COMMANDS), f"{name}: {used - set(COMMANDS)}"
        seen |= used
    assert seen, "the regex found no documented command: it no longer matches the docs"


def test_ci_clones_the_whole_history() -> None:
    github = yaml.safe_load((REPO / TEMPLATES[0]).read_text(encoding="utf-8"))
    checkout = github["jobs"]["granska"]["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0
    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["GIT_DEPTH"] == "0"


def test_review_checklist_is_the_same_on_both_hosts() -> None:
    github = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    gitlab = (REPO / ".gitlab/merge_request_templates/Default.md").read_text(encoding="utf-8")
    assert github == gitlab
    assert "Måste rättas" in github
