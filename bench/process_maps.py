"""Time the process map renderer on generated processes of 10, 30 and 60 steps.

Run with `make bench` (not part of `make test`). Prints a table and merges the figures into
.bench/results.json under the key "process_maps", keeping every other key in the file.
Exits 1 when the 60-step map takes longer than the target.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.organisation import Body, Organisation
from ledningssystem.core.model.process import Process
from ledningssystem.core.model.role import Role
from ledningssystem.core.model.settings import Settings
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.process_map import layout_for, render_process_map

RESULTS = Path(".bench/results.json")
KEY = "process_maps"
SIZES = (10, 30, 60)
TARGET_MS = 50.0
RUNS = 25
VERBS = ("Ta emot", "Utreda", "Bedöma", "Besluta om", "Planera", "Genomföra", "Följa upp")
NOUNS = ("ansökan", "behovet", "insatsen", "avvikelsen", "åtgärderna", "genomförandeplanen")


def generated_process(steps: int, seed: int = 2026) -> tuple[Process, list[str]]:
    """A realistic-looking process: delprocesser of about six steps, branches and loops."""
    rng = random.Random(seed + steps)
    roles = [f"roll-{i}" for i in range(min(12, 2 + steps // 5))]
    data: list[dict[str, Any]] = []
    for i in range(steps):
        performer = rng.choice(roles)
        step: dict[str, Any] = {
            "id": f"steg-{i}",
            "namn": f"{rng.choice(VERBS)} {rng.choice(NOUNS)}",
            "utförare": performer,
            "ansvar": {performer: "R", "ledning": "A"},
            "delprocess": f"Delprocess {i // 6 + 1}",
        }
        if i + 2 < steps and rng.random() < 0.15:
            step["nästa"] = [f"steg-{i + 1}", f"steg-{rng.randrange(i + 2, steps)}"]
        elif i > 3 and rng.random() < 0.05:
            step["nästa"] = [f"steg-{i + 1 if i + 1 < steps else i}", f"steg-{i - 3}"]
        data.append(step)
    process = Process.model_validate(
        {
            "id": f"bench-{steps}",
            "namn": f"Process med {steps} steg",
            "typ": "huvudprocess",
            "ägare": "ledning",
            "status": "utkast",
            "version": "0.1",
            "syfte": "Mätning.",
            "start": "Start.",
            "slut": "Slut.",
            "enheter": ["enhet"],
            "steg": data,
        }
    )
    return process, [*roles, "ledning"]


def content_for(process: Process, roles: list[str]) -> Ledningssystem:
    organisation = Organisation.model_construct(
        municipality="",
        board=Body.model_construct(id="", name=""),
        administration=Body.model_construct(id="", name=""),
        divisions=(),
    )
    role_models = {
        r: Role.model_validate({"id": r, "namn": f"Roll {r}", "beskrivning": "Roll."})
        for r in roles
    }
    return Ledningssystem(
        root="",
        settings=Settings(),
        organisation=organisation,
        roles=role_models,
        processes={process.id: process},
        routines={},
        requirement_sources=(),
    )


def median_ms(func: Any) -> float:
    func()  # warm up: templates compile once per build, not once per map
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def measure(steps: int) -> dict[str, Any]:
    process, roles = generated_process(steps)
    content = content_for(process, roles)
    link = Linker(f"processer/{process.id}.md")
    html = render_process_map(content, process, link)
    return {
        "steps": steps,
        "lanes": len({s.performer for s in process.steps}),
        "layout_ms": median_ms(lambda: layout_for(content, process)),
        "render_ms": median_ms(lambda: render_process_map(content, process, link)),
        "html_kb": round(len(html.encode()) / 1024, 1),
    }


def save(rows: list[dict[str, Any]]) -> None:
    """Merge into .bench/results.json: only our key changes; other benchmarks keep theirs."""
    RESULTS.parent.mkdir(exist_ok=True)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results[KEY] = {
        "target_ms_60_steps": TARGET_MS,
        "runs": RUNS,
        "python": sys.version.split()[0],
        "sizes": {str(row["steps"]): row for row in rows},
    }
    text = json.dumps(results, ensure_ascii=False, indent=2, sort_keys=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")


def main() -> int:
    rows = [measure(steps) for steps in SIZES]
    print("Processkartor (median av", RUNS, "körningar)")
    print(f"{'steg':>5} {'banor':>6} {'layout ms':>10} {'karta ms':>9} {'HTML kB':>8}")
    for row in rows:
        print(
            f"{row['steps']:>5} {row['lanes']:>6} {row['layout_ms']:>10.2f} "
            f"{row['render_ms']:>9.2f} {row['html_kb']:>8.1f}"
        )
    save(rows)
    slowest = rows[-1]["render_ms"]
    verdict = "inom" if slowest < TARGET_MS else "ÖVER"
    print(f"60 steg: {slowest:.2f} ms, {verdict} målet {TARGET_MS:.0f} ms. Sparat i {RESULTS}.")
    return 0 if slowest < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
