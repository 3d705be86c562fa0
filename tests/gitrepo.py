"""A small ledningssystem in a temporary Git repository, with commits on chosen dates.

Tests of document control build their own content here, independent of the example
content (which grows as processes and rutiner are written).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.conftest import REPO

ROLES = """\
roller:
  - id: forvaltningschef
    namn: Förvaltningschef
    beskrivning: Leder förvaltningen.
    git: ["@fc"]
  - id: kvalitetschef
    namn: Kvalitetschef
    beskrivning: Samordnar kvalitetsarbetet.
    git: ["@kc", "@org/kvalitet"]
  - id: enhetschef
    namn: Enhetschef
    beskrivning: Leder en enhet.
    git: ["@ec"]
  - id: medarbetare
    namn: Medarbetare
    beskrivning: Arbetar enligt rutinerna.
"""

ORGANISATION = """\
kommun: Testkommun
nämnd: {id: socialnamnden, namn: Socialnämnden}
förvaltning: {id: socialforvaltningen, namn: Socialförvaltningen}
avdelningar:
  - id: ifo
    namn: Individ- och familjeomsorg
    enheter:
      - {id: barn-och-unga, namn: Barn och unga}
"""

REQUIREMENTS = """\
källa: SOSFS 2011:9
titel: Ledningssystem för systematiskt kvalitetsarbete
kontrollerad: {datum: 2026-11-01, mot: testfixtur}
krav:
  - {id: krav-a, kapitel: 5, paragraf: "6", ämne: Analysera avvikelser}
  - {id: krav-b, kapitel: 4, paragraf: "4", ämne: Ta fram rutiner}
  - {id: krav-c, kapitel: 7, paragraf: "1", ämne: Dokumentera arbetet}
  - {id: krav-d, kapitel: 7, paragraf: "2", ämne: Bara i ett utkast}
"""


def routine(
    id_: str,
    title: str,
    version: str = "1.0",
    status: str = "gällande",
    valid_from: str = "2025-01-01",
    approved_on: str = "2024-12-15",
    review_by: str = "2026-12-15",
    owner: str = "kvalitetschef",
    requirements: tuple[str, ...] = (),
    body: str = "Gör så här.",
) -> str:
    """The text of a rutin file; gällande ones are approved by the förvaltningschef."""
    lines = [
        "---",
        f"id: {id_}",
        f"titel: {title}",
        "typ: rutin",
        f"ägare: {owner}",
        f"status: {status}",
        f'version: "{version}"',
    ]
    if status == "gällande":
        lines += [
            f"gäller_från: {valid_from}",
            "fastställd_av: forvaltningschef",
            f"fastställd_datum: {approved_on}",
            f"revideras_senast: {review_by}",
        ]
    if requirements:
        lines.append(f"lagkrav: [{', '.join(requirements)}]")
    lines += ["enheter: [socialforvaltningen]", "---", "", f"# {title}", "", body, ""]
    return "\n".join(lines)


def process(
    id_: str = "avvikelser",
    name: str = "Avvikelsehantering",
    version: str = "1.0",
    review_by: str = "2026-06-30",
    owner: str = "enhetschef",
    requirements: tuple[str, ...] = ("krav-a",),
    routines: tuple[str, ...] = (),
) -> str:
    return f"""\
id: {id_}
namn: {name}
typ: stödprocess
ägare: {owner}
status: gällande
version: "{version}"
gäller_från: 2025-01-01
fastställd_av: forvaltningschef
fastställd_datum: 2024-12-10
revideras_senast: {review_by}
syfte: Lära av det som gick fel.
start: En avvikelse upptäcks.
slut: Åtgärderna är uppföljda.
enheter: [socialforvaltningen]
lagkrav: [{", ".join(requirements)}]
steg:
  - id: rapportera
    namn: Rapportera
    utförare: medarbetare
    ansvar: {{medarbetare: R, enhetschef: A}}
    rutiner: [{", ".join(routines)}]
"""


class GitRepo:
    """A content root that is also a Git repository; commits get the dates tests ask for."""

    def __init__(self, root: Path, today: str = "2026-03-01", horizon: int = 90):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.write("roles/roller.yml", ROLES)
        self.write("roles/organisation.yml", ORGANISATION)
        self.write("requirements/sosfs.yml", REQUIREMENTS)
        self.settings(today=today, horizon=horizon)
        self.git("init", "-q", "-b", "main")

    def settings(self, **values: object) -> None:
        today, horizon = values.get("today"), values.get("horizon", 90)
        commit_url = values.get("commit_url", "")
        data = {
            "idag": today,
            "git": {"ändring_url": commit_url},
            "dokumentstyrning": {"horisont_dagar": horizon},
        }
        self.write("ledningssystem.yml", yaml.safe_dump(data, allow_unicode=True))

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def remove(self, path: str) -> None:
        (self.root / path).unlink()

    def git(self, *args: str, date: str | None = None, author: str = "Anna Andersson") -> str:
        env = {
            **os.environ,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": "test@example.invalid",
        }
        if date:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+01:00"
        result = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return result.stdout.strip()

    def commit(self, message: str, date: str, author: str = "Anna Andersson") -> str:
        """Commit everything on `date` (YYYY-MM-DD); returns the commit id."""
        self.git("add", "-A")
        self.git("commit", "-q", "--no-gpg-sign", "-m", message, date=date, author=author)
        return self.git("rev-parse", "HEAD")

    def add_site_files(self) -> None:
        """The MkDocs glue and a minimal mkdocs.yml, so the repository builds as a site."""
        for name in ("hooks", "macros", "overrides"):
            shutil.copytree(REPO / name, self.root / name, ignore=shutil.ignore_patterns("__*"))
        shutil.copytree(REPO / "docs" / "stylesheets", self.root / "docs" / "stylesheets")
        config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        config.pop("nav", None)  # the example's nav names pages of the example's docs/
        self.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
        self.write("docs/index.md", "# Test\n\nEn liten portal för tester.\n")
