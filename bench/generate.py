"""A synthetic ledningssystem of a large Swedish city, written in the real file formats.

`generate(root, scale)` writes a complete content root (settings, organisation, roles, legal
register, processes, rutiner, årshjul, and the site's mkdocs.yml/docs/hooks/macros/overrides
copied from this repository) into `root`. scale=1.0 is a big city: 15 förvaltningar,
200 processes of 10–40 steps, 2,000 rutiner of 600–900 words; 0.25 is a quarter of that.
Seeded: the same scale always gives the same files. Besides, the example's socialförvaltning
with ten years of berättelser (bench.berattelse) and years of Git history (bench.history).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.berattelse import join_example, requirement_ids, write_years
from bench.corpus import paragraph, routine_body, sentences
from bench.history import write_history
from bench.names import AREAS, DIVISIONS, NOUNS, ROLES, UNIT_KINDS, VERBS
from ledningssystem.doccontrol.codeowners import CODEOWNERS_FILE, render_codeowners
from ledningssystem.portal.load import load_ledningssystem

REPO = Path(__file__).resolve().parents[1]
SITE_ITEMS = ("mkdocs.yml", "docs", "hooks", "macros", "overrides")
FULL = {"divisions": 15, "processes": 200, "routines": 2000, "years": 10, "commits": 1000}
SEED = 2026


@dataclass
class Generated:
    """What was written, for the benchmark report."""

    root: Path
    processes: int = 0
    steps: int = 0
    routines: int = 0
    words: int = 0
    vocabulary: set[str] = field(default_factory=set)
    report_years: list[int] = field(default_factory=list)
    commits: int = 0


def generate(root: Path, scale: float = 1.0, seed: int = SEED) -> Generated:
    """Write a synthetic content root of the given scale into `root` (emptied first).

    The city holds the example's socialförvaltning beside synthetic förvaltningar, ten years of
    berättelser (all but the last fastställda) and a Git history of 1,000 commits (at scale 1).
    """
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in SITE_ITEMS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    result = Generated(root)
    settings = yaml.safe_load((REPO / "ledningssystem.yml").read_text(encoding="utf-8")) or {}
    _write(root / "ledningssystem.yml", {**settings, "idag": "2026-11-01"})
    units = _organisation(root, max(1, round(FULL["divisions"] * scale)))
    _write(root / "roles/roller.yml", {"roller": [_role(i, n) for i, n in ROLES]})
    join_example(root)
    requirements = requirement_ids(root)
    n_processes = round(FULL["processes"] * scale)
    n_routines = round(FULL["routines"] * scale)
    steps = _processes(root, rng, n_processes, units, requirements, result, n_routines)
    _routines(root, rng, n_routines, steps, units, requirements, result)
    _calendar(root)
    result.report_years = write_years(root, FULL["years"])
    # As an organisation keeps it: `check` refuses a CODEOWNERS that does not follow the owners.
    (root / CODEOWNERS_FILE).write_text(render_codeowners(load_ledningssystem(root)), "utf-8")
    result.commits = write_history(root, max(250, round(FULL["commits"] * scale)), seed)
    return result


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _slug(text: str) -> str:
    table = str.maketrans("åäöéÅÄÖÉ ", "aaoeaaoe-")
    return "".join(c for c in text.lower().translate(table) if c.isalnum() or c == "-")


def _organisation(root: Path, n_divisions: int) -> list[str]:
    divisions, units = [], []
    for d, name in enumerate(DIVISIONS[:n_divisions]):
        division_units = []
        for u in range(6):
            unit_id = f"{_slug(name)[:12]}-{_slug(UNIT_KINDS[u])}-{_slug(AREAS[(d + u) % 8])}"
            division_units.append({"id": unit_id, "namn": f"{UNIT_KINDS[u]} {AREAS[(d + u) % 8]}"})
            units.append(unit_id)
        divisions.append({"id": _slug(name), "namn": name, "enheter": division_units})
    _write(
        root / "roles/organisation.yml",
        {
            "kommun": "Storstad",
            "nämnd": {"id": "kommunstyrelsen", "namn": "Kommunstyrelsen"},
            "förvaltning": {"id": "stadens-forvaltningar", "namn": "Stadens förvaltningar"},
            "avdelningar": divisions,
        },
    )
    return units


def _role(role_id: str, name: str) -> dict[str, str]:
    return {"id": role_id, "namn": name, "beskrivning": f"{name} i stadens ledningssystem."}


def _controlled(rng: random.Random, year: int) -> dict[str, object]:
    month = rng.randint(1, 12)
    return {
        "ägare": rng.choice(["kvalitetschef", "enhetschef", "avdelningschef", "sas", "mas"]),
        "status": "gällande",
        "version": f"{rng.randint(1, 5)}.{rng.randint(0, 9)}",
        "gäller_från": f"{year}-{month:02d}-15",
        "fastställd_av": "forvaltningschef",
        "fastställd_datum": f"{year}-{month:02d}-01",
        "revideras_senast": f"{year + rng.randint(1, 2)}-{month:02d}-01",
    }


def _processes(root, rng, count, units, requirements, result, n_routines) -> list[str]:  # noqa: ANN001
    """Processes as real ones are drawn: delprocesser, forks, and steps linked to rutiner."""
    kinds = ["styrprocess", "huvudprocess", "stödprocess"]
    role_ids = [r for r, _ in ROLES]
    step_refs = []
    for i in range(count):
        pid = f"process-{i + 1:03d}"
        n_steps = rng.randint(10, 40)
        steps = [_step(rng, s, n_steps, role_ids, n_routines) for s in range(n_steps)]
        step_refs += [f"{pid}/{step['id']}" for step in steps]
        data = {
            "id": pid,
            "namn": f"{rng.choice(VERBS)} {rng.choice(NOUNS)} ({i + 1})",
            "typ": kinds[i % 3],
            **_controlled(rng, 2024 + i % 2),
            "syfte": paragraph(rng, 1),
            "start": paragraph(rng, 1),
            "slut": paragraph(rng, 1),
            "kunder": ["Brukare", "Anhöriga"],
            "enheter": rng.sample(units, 3),
            "lagkrav": rng.sample(requirements, 2),
            "steg": steps,
        }
        _write(root / f"processes/{pid}.yml", data)
        result.processes += 1
        result.steps += len(steps)
    return step_refs


def _step(rng: random.Random, s: int, n_steps: int, role_ids: list[str], n_routines: int) -> dict:
    performer, accountable = rng.sample(role_ids, 2)
    others = rng.sample([r for r in role_ids if r not in (performer, accountable)], 2)
    step: dict[str, object] = {
        "id": f"steg-{s + 1:02d}",
        "namn": f"{rng.choice(VERBS)} {rng.choice(NOUNS)}",
        "utförare": performer,
        "ansvar": {performer: "R", accountable: "A", others[0]: "C", others[1]: "I"},
        "beskrivning": paragraph(rng, rng.randint(1, 2)),
        "delprocess": f"Delprocess {s // 6 + 1}",
    }
    if n_routines and rng.random() < 0.3:
        step["rutiner"] = [f"rutin-{rng.randint(1, n_routines):04d}"]
    if s % 7 == 3 and s + 3 < n_steps:  # a fork: on to the next step, or past two of them
        step["nästa"] = [f"steg-{s + 2:02d}", f"steg-{s + 4:02d}"]
    return step


def _routines(root, rng, count, step_refs, units, requirements, result) -> None:  # noqa: ANN001
    kinds = ["rutin", "rutin", "rutin", "riktlinje", "checklista", "instruktion"]
    titles = [_title(rng, i) for i in range(count)]
    for i, title in enumerate(titles):
        rid = f"rutin-{i + 1:04d}"
        meta = {
            "id": rid,
            "titel": title,
            "typ": rng.choice(kinds),
            **_controlled(rng, 2024 + i % 3),
            "processer": rng.sample(step_refs, rng.randint(1, 2)) if step_refs else [],
            "lagkrav": rng.sample(requirements, rng.randint(0, 2)),
            "enheter": rng.sample(units, rng.randint(1, 3)),
            "nyckelord": [title.split()[1]],
            "sammanfattning": rng.choice(sentences()),
        }
        others = rng.sample(range(count), min(count, rng.randint(1, 3)))
        links = [(titles[o], f"rutin-{o + 1:04d}.md") for o in others if o != i]
        body = routine_body(rng, title, links)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        path = root / f"routines/{rid}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
        result.routines += 1
        result.words += len(body.split())
        result.vocabulary.update(body.split())


def _title(rng: random.Random, i: int) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(NOUNS)} – {rng.choice(UNIT_KINDS).lower()} {i + 1}"


def _calendar(root: Path) -> None:
    activities = [
        {
            "id": f"aktivitet-{m:02d}",
            "namn": f"Egenkontroll månad {m}",
            "typ": "egenkontroll",
            "månader": [m],
            "ansvarig": "kvalitetschef",
        }
        for m in range(1, 13)
    ]
    _write(root / "arshjul/arshjul.yml", {"aktiviteter": activities})
