"""The steps of an imported process: tasks in order, their ways out through gateways."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from ledningssystem.bpmn.nodes import (
    BPMN,
    GATEWAYS,
    LS,
    TASKS,
    FlowElement,
    documentation,
    own_id,
)
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.slug import slugify, unused_id


def steps_of(
    nodes: dict[str, FlowElement],
    roles: dict[str, str],
    owner: str,
    content: Ledningssystem,
    notes: list[str],
    own: bool,
) -> list[dict[str, Any]]:
    tasks = [n for n in nodes.values() if n.kind in TASKS]
    ids: dict[str, str] = {}
    for task in tasks:
        base = own_id(task.id, "Task_", own) or slugify(task.name)
        ids[task.id] = unused_id(base, set(ids.values()))
        if task.kind != "task":
            notes.append(f'"{task.name}" ({task.kind}) blev ett vanligt steg.')
    fallback = next(iter(roles.values()), owner)
    steps = []
    for index, task in enumerate(tasks):
        if not task.lane:
            notes.append(f'"{task.name}" ligger inte i någon bana; utförare blev "{fallback}".')
        performer = task.lane or fallback
        step: dict[str, Any] = {"id": ids[task.id], "namn": task.name or ids[task.id]}
        step["utförare"] = performer
        if text := documentation(task.element):
            step["beskrivning"] = text
        others = [r for r in [*roles.values(), *content.roles] if r != performer]
        step["ansvar"] = _responsibility(task.element, performer, owner, others, notes)
        following = ids[tasks[index + 1].id] if index + 1 < len(tasks) else None
        flows, parallel = _flows(task, nodes, ids, content, notes)
        if parallel:
            step["parallellt"] = True
        if not _implicit(flows, following):
            step["nästa"] = [_short(f) for f in flows]
        steps.append(step)
    return steps


def _flows(
    task: FlowElement,
    nodes: dict[str, FlowElement],
    ids: dict[str, str],
    content: Ledningssystem,
    notes: list[str],
) -> tuple[list[dict[str, str]], bool]:
    """A task's ways out, through the gateway after it: (flows, parallel)."""
    out = task.out
    parallel = False
    if len(out) == 1 and nodes[out[0][0]].kind in GATEWAYS and len(nodes[out[0][0]].out) > 1:
        gateway = nodes[out[0][0]]
        if gateway.kind not in ("exclusiveGateway", "parallelGateway"):
            notes.append(
                f'Grinden "{gateway.name or gateway.id}" ({gateway.kind}) blev ett beslut.'
            )
        parallel = gateway.kind == "parallelGateway"
        if gateway.name:
            notes.append(f'Grinden "{gateway.name}" har inget namn här; vägarna har sina villkor.')
        out = gateway.out
    flows = []
    for target, condition in out:
        flow = _flow(nodes, target, ids, content, notes, set())
        if flow is None:
            continue
        if condition and not parallel and len(out) > 1:
            flow["villkor"] = condition
        flows.append(flow)
    return flows, parallel


def _flow(
    nodes: dict[str, FlowElement],
    target: str,
    ids: dict[str, str],
    content: Ledningssystem,
    notes: list[str],
    seen: set[str],
) -> dict[str, str] | None:
    node = nodes[target]
    if node.kind in TASKS:
        return {"steg": ids[node.id]}
    if node.kind == "endEvent":
        return {"slut": node.name}
    link = node.element.find(f"{BPMN}linkEventDefinition")
    if node.kind == "intermediateThrowEvent" and link is not None:
        return {"process": _process_ref(node, link.get("name", ""), content, notes)}
    if len(node.out) == 1 and target not in seen:  # a joining gateway or a plain event: pass it
        return _flow(nodes, node.out[0][0], ids, content, notes, seen | {target})
    notes.append(f'Flödet till "{node.name or node.id}" ({node.kind}) kunde inte föras över.')
    return None


def _process_ref(
    node: FlowElement, link_name: str, content: Ledningssystem, notes: list[str]
) -> str:
    by_name = {p.name.casefold(): p.id for p in content.processes.values()}
    for candidate in (link_name, by_name.get(node.name.casefold(), ""), slugify(node.name)):
        if candidate in content.processes:
            return candidate
    guess = slugify(link_name or node.name)
    notes.append(f'Överlämningen "{node.name}" pekar på processen "{guess}", som inte finns.')
    return guess


def _implicit(flows: list[dict[str, str]], following: str | None) -> bool:
    """True when the flow is what the YAML says without `nästa`: the step below, or the end."""
    if following is None:
        return flows in ([], [{"slut": ""}])
    return flows == [{"steg": following}]


def _short(flow: dict[str, str]) -> str | dict[str, str]:
    if list(flow) == ["steg"]:
        return flow["steg"]
    return "slut" if flow == {"slut": ""} else flow


def _responsibility(
    task: ET.Element, performer: str, owner: str, others: list[str], notes: list[str]
) -> dict[str, str]:
    letters = {
        e.get("roll", ""): e.get("bokstav", "") for e in task.iter(f"{LS}ansvar") if e.get("roll")
    }
    if letters:
        return letters
    if "RACI" not in " ".join(notes):
        notes.append(
            "Filen har ingen ansvarsfördelning (RACI): varje steg fick R för sin utförare och "
            f'A för ägaren "{owner}". Kontrollera ansvar i varje steg.'
        )
    if performer == owner and others:
        return {performer: "R", others[0]: "A"}
    return {performer: "R", owner: "A"}
