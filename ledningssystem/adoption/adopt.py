"""`ny-organisation`: turn the example portal into a clean start for a named organisation.

Kept (and renamed): the standard roles, the legal register, the report config and mappings,
the årshjul, the guides. Removed: every example process, rutin, image and berättelse year,
the example's Git users and the fixed `idag`. Written: the organisation, the settings (with
the Git host's links), one process and one rutin template as utkast, CODEOWNERS.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ledningssystem.adoption.renaming import (
    name_substitutions,
    substitute,
    without_git_users,
    without_header_comment,
    without_keys,
)
from ledningssystem.core.file_names import (
    CALENDAR_FILE,
    ORGANISATION_FILE,
    ROLES_FILE,
    SETTINGS_FILE,
)
from ledningssystem.core.privacy import new_salt
from ledningssystem.core.slug import slugify
from ledningssystem.doccontrol.codeowners import CODEOWNERS_FILE, render_codeowners
from ledningssystem.doccontrol.git import GitUnavailable, run_git
from ledningssystem.portal.load import load_ledningssystem
from ledningssystem.render.templating import render_template

EXAMPLE_MUNICIPALITY = "Exempelkommun"  # the example's marker: only it may be replaced
RENAMED_FILES = ("mkdocs.yml", "mkdocs.public.yml", "README.md", "reports/config.yml")
RENAMED_FOLDERS = ("docs",)
TEMPLATE_PROCESS = "processes/mall-process.yml"
TEMPLATE_ROUTINE = "routines/mall-rutin.md"
_README_EXAMPLE_LINE = re.compile(r"^Exemplet är en påhittad organisation:.*$", re.M)
_GIT_HOSTS = {
    "gitlab": ("{base}/-/edit/main/{{path}}", "{base}/-/commit/{{sha}}"),
    "github": ("{base}/edit/main/{{path}}", "{base}/commit/{{sha}}"),
}


class AdoptionRefused(Exception):
    """Why the repository cannot be turned into a new organisation (Swedish message)."""


@dataclass(frozen=True)
class NewOrganisation:
    municipality: str
    board: str
    administration: str
    git_url: str = ""  # the repository on the Git host, e.g. https://git.kommun.se/x/ledningssystem
    git_host: str = ""  # "gitlab" or "github"; guessed from the address when empty


@dataclass
class Adoption:
    """What ny-organisation did, for the summary it prints."""

    removed: dict[str, int] = field(default_factory=dict)
    years: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def check_can_adopt(root: Path) -> None:
    """Refuse a repository that already has its own organisation, or uncommitted changes."""
    organisation = _read_yaml(root / ORGANISATION_FILE)
    municipality = organisation.get("kommun") if isinstance(organisation, dict) else None
    if municipality != EXAMPLE_MUNICIPALITY:
        raise AdoptionRefused(
            f"förrådet har redan en egen organisation (kommun: {municipality or 'saknas'} i "
            f"{ORGANISATION_FILE}). ny-organisation gör bara om exemplet till en egen start, "
            "en gång; ändra filerna direkt i stället"
        )
    try:
        dirty = run_git(root, "status", "--porcelain").decode("utf-8", "replace").strip()
    except GitUnavailable:
        return  # not a Git repository (e.g. a downloaded archive): nothing to protect
    if dirty:
        raise AdoptionRefused(
            "det finns ändringar som inte är incheckade. Checka in eller ta bort dem först, så "
            "att ny-organisation kan ångras med git"
        )


def git_links(url: str, host: str = "") -> tuple[str, str]:
    """The edit and commit link patterns of a repository address on GitLab or GitHub."""
    base = url.strip().removesuffix("/").removesuffix(".git")
    if not base:
        return "", ""
    if not re.match(r"^https?://[^/\s]+/\S+$", base):
        raise AdoptionRefused(
            f'"{url}" är ingen adress till ett förråd; skriv t.ex. '
            "https://gitlab.kommun.se/omsorg/ledningssystem"
        )
    kind = host or ("github" if "github" in base.split("/")[2] else "gitlab")
    edit, commit = _GIT_HOSTS[kind]
    return edit.format(base=base), commit.format(base=base)


def adopt(root: Path, new: NewOrganisation, today: dt.date) -> Adoption:
    """Turn the example under `root` into `new`; check_can_adopt must have passed."""
    old = _read_yaml(root / ORGANISATION_FILE)
    ids = (slugify(new.board), slugify(new.administration))
    substitutions = name_substitutions(
        [old["kommun"], old["nämnd"]["namn"], old["förvaltning"]["namn"], *_old_ids(old)],
        [new.municipality, new.board, new.administration, *ids],
    )
    done = Adoption()
    _remove_example_content(root, done)
    _write(root, ORGANISATION_FILE, _organisation(new, ids), done)
    _write(root, SETTINGS_FILE, _settings(root, new), done)
    roles = without_header_comment(without_git_users(_read(root / ROLES_FILE)))
    header = render_template("adoption/roles_header.jinja", **_names(new))
    _write(root, ROLES_FILE, header + substitute(roles, substitutions), done)
    if (root / CALENDAR_FILE).exists():  # its process links named example processes
        calendar = without_keys(_read(root / CALENDAR_FILE), "process")
        _write(root, CALENDAR_FILE, substitute(calendar, substitutions), done)
    _rename_in_files(root, substitutions, new)
    _write_templates(root, ids[1], today, done)
    _write(root, CODEOWNERS_FILE, render_codeowners(load_ledningssystem(root)), done)
    return done


def _remove_example_content(root: Path, done: Adoption) -> None:
    processes = sorted((root / "processes").glob("*.yml"))
    for path in processes:
        path.unlink()
    routines = sorted((root / "routines").rglob("*.md"))
    shutil.rmtree(root / "routines", ignore_errors=True)
    years = sorted(p for p in (root / "reports").glob("*") if p.is_dir() and p.name.isdigit())
    for year in years:
        shutil.rmtree(year)
    (root / "reports" / "historik.yml").unlink(missing_ok=True)  # the example's earlier years
    done.removed = {"processer": len(processes), "rutiner": len(routines), "år": len(years)}
    done.years = [y.name for y in years]


def _organisation(new: NewOrganisation, ids: tuple[str, str]) -> str:
    return render_template(
        "adoption/organisation.yml.jinja",
        **{k: _quoted(v) for k, v in _names(new).items()},
        board_id=ids[0],
        administration_id=ids[1],
    )


def _settings(root: Path, new: NewOrganisation) -> str:
    current = _read_yaml(root / SETTINGS_FILE)
    control = current.get("dokumentstyrning") if isinstance(current, dict) else None
    horizon = control.get("horisont_dagar", 90) if isinstance(control, dict) else 90
    edit_url, commit_url = git_links(new.git_url, new.git_host)
    return render_template(
        "adoption/settings.yml.jinja",
        edit_url=_quoted(edit_url),
        commit_url=_quoted(commit_url),
        horizon=int(horizon),
        reviewer="kvalitetschef",
        history_start=_head(root),
        salt=new_salt(),  # the portal's own: never the example's, never shared
    )


def _head(root: Path) -> str:
    """The commit the example is at: the new organisation's history starts after it."""
    try:
        return run_git(root, "rev-parse", "HEAD").decode().strip()
    except GitUnavailable:
        return ""


def _rename_in_files(
    root: Path, substitutions: list[tuple[str, str]], new: NewOrganisation
) -> None:
    paths = [root / name for name in RENAMED_FILES if (root / name).exists()]
    for folder in RENAMED_FOLDERS:
        paths += sorted((root / folder).rglob("*.md"))
    line = f"Ledningssystemet för *{new.administration}, {new.board}, {new.municipality}*."
    for path in paths:
        text = _read(path)
        changed = substitute(_README_EXAMPLE_LINE.sub(line, text), substitutions)
        if changed != text:
            path.write_text(changed, encoding="utf-8")


def _write_templates(root: Path, unit: str, today: dt.date, done: Adoption) -> None:
    common = dict(owner="kvalitetschef", today=today, unit=unit)
    process = render_template(
        "scaffold/process.jinja",
        id="mall-process",
        title="Mall för process (byt namn)",
        kind_of="stödprocess",
        performer="medarbetare",
        **common,
    )
    routine = render_template(
        "scaffold/rutin.jinja",
        id="mall-rutin",
        title="Mall för rutin (byt namn)",
        kind_of="rutin",
        supports="",
        **common,
    )
    _write(root, TEMPLATE_PROCESS, process, done)
    _write(root, TEMPLATE_ROUTINE, routine, done)


def _names(new: NewOrganisation) -> dict[str, str]:
    return {
        "municipality": new.municipality,
        "board": new.board,
        "administration": new.administration,
    }


def _old_ids(old: dict[str, Any]) -> list[str]:
    return [str(old["nämnd"]["id"]), str(old["förvaltning"]["id"])]


def _write(root: Path, name: str, text: str, done: Adoption) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    done.written.append(name)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _read_yaml(path: Path) -> Any:
    if not path.exists():
        return None
    try:
        return yaml.safe_load(_read(path))
    except yaml.YAMLError:
        return None


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
