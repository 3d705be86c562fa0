"""Processes for the diagram tests: the fixture portal, and random ones built by Hypothesis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process
from ledningssystem.portal.load import load_ledningssystem

FIXTURE_PORTAL = Path(__file__).parent / "fixtures" / "portal"

WORDS = (
    "Ta", "emot", "ansökan", "utreda", "besluta", "om", "insats", "och", "följa", "upp",
    "avsluta", "ärendet", "genomförandeplan", "hälso-", "sjukvård", "Informationssäkerhetsincident",
    "personuppgiftsincidentrapporteringsskyldighet", "i", "å", "ÖVERKLAGA", "x" * 45,
)  # fmt: skip
GROUPS = ("", "Aktualisering", "Utredning", "Genomförande av insatser enligt beslut", "Uppföljning")


def fixture_content() -> Ledningssystem:
    return load_ledningssystem(FIXTURE_PORTAL)


EXITS = ("slut", {"slut": "Ärendet avslutas utan åtgärd"}, {"process": "lex-sarah"}, {"slut": ""})


def _with_condition(flow: str | dict[str, str], condition: str) -> dict[str, str]:
    target = {"steg": flow} if isinstance(flow, str) and flow != "slut" else flow
    return {**(target if isinstance(target, dict) else {"slut": ""}), "villkor": condition}


labels = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(" ".join)


@st.composite
def random_processes(draw: st.DrawFn, max_steps: int = 60, max_roles: int = 12) -> Process:
    """A valid process of 1–max_steps steps in up to max_roles lanes, with random branches,
    loops and delprocesser (groups may even come back after another group)."""
    count = draw(st.integers(1, max_steps))
    roles = [f"roll-{i}" for i in range(draw(st.integers(1, max_roles)))]
    steps: list[dict[str, Any]] = []
    for i in range(count):
        performer = draw(st.sampled_from(roles))
        targets = draw(st.lists(st.integers(0, count - 1), max_size=3, unique=True))
        nexts: list[Any] = [f"steg-{n}" for n in targets]
        nexts += draw(st.lists(st.sampled_from(EXITS), max_size=2, unique_by=str))
        parallel = len(nexts) > 1 and draw(st.booleans())
        if len(nexts) > 1 and not parallel and draw(st.booleans()):
            nexts = [_with_condition(n, draw(labels)) for n in nexts]
        steps.append(
            {
                "id": f"steg-{i}",
                "namn": draw(labels),
                "utförare": performer,
                "ansvar": {performer: "R", "ledning": "A"},
                "nästa": nexts,
                "parallellt": parallel,
                "delprocess": draw(st.sampled_from(GROUPS)),
            }
        )
    return Process.model_validate(
        {
            "id": "slumpad",
            "namn": "Slumpad process",
            "typ": "huvudprocess",
            "ägare": "ledning",
            "status": "utkast",
            "version": "0.1",
            "syfte": "Test.",
            "start": "Start.",
            "slut": "Slut.",
            "enheter": ["enhet"],
            "steg": steps,
        }
    )
