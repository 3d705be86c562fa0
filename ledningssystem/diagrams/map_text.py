"""The text alternative of a process map: every step in order, and where its flow goes."""

from __future__ import annotations

from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import FlowTo, Process
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.flow import flows, handovers_into
from ledningssystem.render.templating import render_template


@dataclass(frozen=True)
class Outcome:
    """One way out of a step, as the text tells it."""

    kind: str  # "step", "end" or "handover"
    text: str  # "steg 4 (Utreda)", an end's text, or the other process's name
    condition: str = ""
    href: str = ""


@dataclass(frozen=True)
class StepRow:
    number: int
    name: str
    href: str
    role: str
    group: str
    routines: int
    split: str  # "", "exclusive" or "parallel"
    outcomes: tuple[Outcome, ...]


def _outcome(content: Ledningssystem, process: Process, flow: FlowTo, link: Linker) -> Outcome:
    if flow.step is not None:
        number = next(i for i, s in enumerate(process.steps, 1) if s.id == flow.step)
        name = process.steps[number - 1].name
        return Outcome("step", f"steg {number} ({name})", flow.condition)
    if flow.process is not None:
        other = content.processes[flow.process]
        return Outcome("handover", other.name, flow.condition, link.process(other.id))
    return Outcome("end", flow.end or "", flow.condition)


def step_rows(content: Ledningssystem, process: Process, link: Linker) -> list[StepRow]:
    """Every step with its role, delprocess, rutiner and outcomes, in the order of the process."""
    outs = flows(process)
    rows = []
    for number, step in enumerate(process.steps, start=1):
        split = ""
        if len(outs[step.id]) > 1:
            split = "parallel" if step.parallel else "exclusive"
        rows.append(
            StepRow(
                number,
                step.name,
                link.step(process.id, step.id),
                content.roles[step.performer].name,
                step.group,
                len(content.routines_for(process.id, step.id)),
                split,
                tuple(_outcome(content, process, f, link) for f in outs[step.id]),
            )
        )
    return rows


def render_process_map_text(content: Ledningssystem, process: Process, link: Linker) -> str:
    """The text alternative: where the process is started from, each step and its flow."""
    started_from = [
        (other.name, link.step(other.id, step_id), other.step(step_id).name)  # type: ignore[union-attr]
        for other, step_id in handovers_into(content, process.id)
    ]
    return render_template(
        "diagrams/process_map_text.html.jinja",
        process=process,
        rows=step_rows(content, process, link),
        started_from=started_from,
    )
