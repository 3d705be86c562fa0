"""Realistic rutin text for the synthetic city: sentences of the example's own rutiner.

The example rutiner are written the way förvaltningar write (2,000+ distinct words); a
benchmark whose pages repeat 200 words measures a search index and a Markdown renderer on
text no one writes. Bodies here mix those sentences with what real rutiner hold: numbered
steps, a table, an admonition and links to other rutiner.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_PLAIN = re.compile(r"^[A-ZÅÄÖ][^|#>{}<\[\]!*`]{20,}$")
HEADINGS = ("Syfte", "Ansvar", "Så gör du", "Dokumentation", "Uppföljning")
ADMONITIONS = ("note", "warning", "tip")


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    """Every plain sentence of the example rutiner's bodies."""
    found: set[str] = set()
    for path in sorted((REPO / "routines").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for line in body.splitlines():
            line = re.sub(r"^(\d+\.|-)\s+", "", line.strip())
            if _PLAIN.match(line):
                found.update(s.strip() + "." for s in line.split(". ") if len(s.split()) > 3)
    return tuple(sorted(s.replace("..", ".") for s in found))


def paragraph(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(sentences()) for _ in range(count))


def routine_body(rng: random.Random, title: str, links: list[tuple[str, str]]) -> str:
    """A rutin body: sections of real sentences, steps, a table, an admonition and links."""
    parts = [f"# {title}\n"]
    for heading in HEADINGS:
        parts.append(f"## {heading}\n")
        if heading == "Så gör du":
            steps = [f"{n}. {rng.choice(sentences())}" for n in range(1, rng.randint(6, 12))]
            parts.append("\n".join(steps) + "\n")
        elif heading == "Ansvar":
            rows = [f"| {role} | {rng.choice(sentences())} |" for role in _roles(rng)]
            parts.append("| Roll | Ansvar |\n|---|---|\n" + "\n".join(rows) + "\n")
        for _ in range(rng.randint(2, 3)):
            parts.append(paragraph(rng, rng.randint(3, 6)) + "\n")
    kind = rng.choice(ADMONITIONS)
    parts.append(f'!!! {kind} "Tänk på"\n    {rng.choice(sentences())}\n')
    if links:
        parts.append("## Se också\n")
        parts.append("\n".join(f"- [{text}]({target})" for text, target in links) + "\n")
    return "\n".join(parts)


def _roles(rng: random.Random) -> list[str]:
    return rng.sample(["Enhetschef", "Medarbetare", "Handläggare", "Kvalitetsutvecklare"], 3)
