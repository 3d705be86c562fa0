"""ny-organisation: a fresh clone becomes a clean, building portal for a named organisation."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ledningssystem.adoption.adopt import git_links
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO, build_site, run_cli
from tests.gitrepo import GitRepo

NAMES = (
    "--kommun",
    "Nykommun",
    "--nämnd",
    "Omsorgsnämnden",
    "--förvaltning",
    "Omsorgsförvaltningen",
)


def fresh_clone(target: Path) -> Path:
    """Every file Git tracks, as the working tree has it, committed in a new repository.

    The engine is left out: the tests run the one installed in the venv (this work tree)."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, tracked.split("\0")):
        if (REPO / name).is_file() and name.split("/")[0] not in {"ledningssystem", "tests"}:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    _repo(target).git("init", "-q", "-b", "main")
    _repo(target).commit("Klon", "2026-11-30")
    return target


def _repo(root: Path) -> GitRepo:
    repo = GitRepo.__new__(GitRepo)  # an existing folder: no example files written
    repo.root = root
    return repo


@pytest.fixture(scope="module")
def adopted(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = fresh_clone(tmp_path_factory.mktemp("ny") / "portal")
    result = run_cli(
        root,
        "ny-organisation",
        *NAMES,
        "--git-url",
        "https://gitlab.nykommun.se/omsorg/ledningssystem",
        "--ja",
    )
    _repo(root).commit("Vårt eget ledningssystem", "2026-12-01")  # as the guide says
    return root, result


def _example_ids() -> tuple[set[str], set[str], set[str]]:
    example = load_ledningssystem(REPO)
    titles = {d.meta.title for d in example.routines.values()}
    handles = {h for role in example.roles.values() for h in role.git_handles}
    return set(example.routines), titles, handles


def test_the_portal_keeps_the_standard_parts_and_drops_the_example(adopted) -> None:  # noqa: ANN001
    root, result = adopted
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Nästa steg" in result.stdout
    content = load_ledningssystem(root)  # check passes
    assert set(content.routines) == {"mall-rutin"}
    assert set(content.processes) == {"mall-process"}
    assert {d.meta.status.value for d in content.routines.values()} == {"utkast"}
    assert content.organisation.municipality == "Nykommun"
    assert content.organisation.board.name == "Omsorgsnämnden"
    assert content.roles["namnd"].name == "Omsorgsnämnden"
    assert len(content.roles) == len(load_ledningssystem(REPO).roles)
    assert len(content.requirements) == len(load_ledningssystem(REPO).requirements)
    assert all(not role.git_handles and not role.unit_handles for role in content.roles.values())
    assert content.settings.today is None
    assert content.settings.git.edit_url == (
        "https://gitlab.nykommun.se/omsorg/ledningssystem/-/edit/main/{path}"
    )
    assert content.activities  # the årshjul is kept
    assert (root / "reports" / "config.yml").exists()
    assert not [p for p in (root / "reports").iterdir() if p.name.isdigit()]
    assert run_cli(root, "codeowners", "--check").returncode == 0


def test_the_portal_gets_a_personnummer_salt_of_its_own(adopted) -> None:  # noqa: ANN001
    root, _ = adopted
    salt = load_ledningssystem(root).settings.personal_number_salt
    assert re.fullmatch(r"[0-9a-f]{32}", salt), salt  # random, long enough for check
    assert salt != load_ledningssystem(REPO).settings.personal_number_salt  # not the example's


def test_no_trace_of_the_example_anywhere(adopted) -> None:  # noqa: ANN001
    root, _ = adopted
    ids, titles, handles = _example_ids()
    # "Ledningens genomgång" is an example rutin and also an activity of the kept årshjul.
    titles -= {a.name for a in load_ledningssystem(root).activities}
    site = build_site(root)  # mkdocs build --strict
    texts = {p: p.read_text("utf-8") for p in site.rglob("*.html")}
    sources = [p for p in root.rglob("*") if p.is_file() and p.suffix in {".md", ".yml", ".csv"}]
    sources = [p for p in sources if ".git" not in p.parts and "site" not in p.parts]
    texts |= {p: p.read_text("utf-8") for p in sources if "tests" not in p.parts}
    for path, text in texts.items():
        assert "Exempelkommun" not in text, path
        assert "exempelkommun" not in text.lower(), path
        assert not [h for h in handles if h in text], path
        if "skriva" not in path.parts and path.name != "README.md":
            # The writing guides show a rutin's format with a sample; no other page names one.
            assert not [t for t in titles if t in text], path
        assert not re.search(r"Socialförvaltning|Socialnämnd", text), path
    pages = {p.parent.name for p in (site / "rutiner").glob("*/index.html")}
    assert pages == {"mall-rutin"}
    assert not ids & {p.name for p in (site / "rutiner").iterdir()}


def test_it_refuses_to_run_twice(adopted) -> None:  # noqa: ANN001
    root, _ = adopted
    before = (root / "roles" / "organisation.yml").read_text("utf-8")
    again = run_cli(root, "ny-organisation", *NAMES, "--ja")
    assert again.returncode == 1
    assert "förrådet har redan en egen organisation (kommun: Nykommun" in again.stderr
    assert (root / "roles" / "organisation.yml").read_text("utf-8") == before


def test_it_asks_for_what_is_missing(tmp_path: Path) -> None:
    root = fresh_clone(tmp_path / "portal")
    result = subprocess.run(
        [sys.executable, "-m", "ledningssystem", "ny-organisation", "--kommun", "Ekby"],
        cwd=root,
        input="Vård- och omsorgsnämnden\nVård- och omsorgsförvaltningen\nhttps://github.com/ekby/ls\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Nämndens namn" in result.stdout
    organisation = yaml.safe_load((root / "roles/organisation.yml").read_text("utf-8"))
    assert organisation["nämnd"] == {
        "id": "vard-och-omsorgsnamnden",
        "namn": "Vård- och omsorgsnämnden",
    }
    settings = yaml.safe_load((root / "ledningssystem.yml").read_text("utf-8"))
    assert settings["git"]["ändring_url"] == "https://github.com/ekby/ls/commit/{sha}"


def test_with_ja_a_missing_name_stops_before_anything_changes(tmp_path: Path) -> None:
    root = fresh_clone(tmp_path / "portal")
    result = run_cli(root, "ny-organisation", "--kommun", "Ekby", "--ja")
    assert result.returncode == 1
    assert 'Fel: ange --nämnd, t.ex. --nämnd "Omsorgsnämnden"' in result.stderr
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True
    )
    assert dirty.stdout == ""


def test_uncommitted_changes_are_protected(tmp_path: Path) -> None:
    root = fresh_clone(tmp_path / "portal")
    (root / "routines" / "egen.md").write_text("---\nid: egen\n---\n", encoding="utf-8")
    result = run_cli(root, "ny-organisation", *NAMES, "--ja")
    assert result.returncode == 1
    assert "ändringar som inte är incheckade" in result.stderr
    assert (root / "processes" / "lex-sarah.yml").exists()


def test_git_links_for_gitlab_and_github() -> None:
    assert git_links("https://git.kommun.se/omsorg/ls.git/") == (
        "https://git.kommun.se/omsorg/ls/-/edit/main/{path}",
        "https://git.kommun.se/omsorg/ls/-/commit/{sha}",
    )
    assert (
        git_links("https://github.com/kommun/ls")[0]
        == "https://github.com/kommun/ls/edit/main/{path}"
    )
    assert git_links("") == ("", "")


def test_the_first_berattelse_can_be_started(tmp_path: Path) -> None:
    root = fresh_clone(tmp_path / "portal")
    assert run_cli(root, "ny-organisation", *NAMES, "--ja").returncode == 0
    started = run_cli(root, "ny-berattelse", "2026")
    assert started.returncode == 0, started.stdout + started.stderr
    check = run_cli(root, "check")
    assert check.returncode == 0, check.stderr  # no year has data yet: key figures not checked
