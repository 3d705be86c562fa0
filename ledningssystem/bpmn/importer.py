"""Read a BPMN 2.0 file (2c8, Canea, Camunda, bpmn.io, or our own export) into a process.

Lanes become roles, tasks steps, exclusive and parallel gateways a step's `nästa` with
its conditions, end events `slut`, link events handovers to other processes. Whatever
BPMN can say and a process here cannot (pools beyond the first, timers, messages, data
objects, sub-process contents) is listed in Swedish in the result's notes, never dropped
silently. The file comes from outside, so it is parsed with defusedxml.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from ledningssystem.bpmn.nodes import (
    BPMN,
    EVENTS,
    GATEWAYS,
    KNOWN,
    LEFT_OUT,
    TASKS,
    BpmnError,
    FlowElement,
    documentation,
    local_name,
    own_id,
    parse_bpmn,
    text_of,
)
from ledningssystem.bpmn.steps import steps_of
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.slug import slugify

__all__ = ["BpmnError", "Imported", "import_bpmn", "parse_bpmn"]


@dataclass
class Imported:
    """The process (as the YAML mapping to write) and what could not be carried over."""

    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def import_bpmn(
    data: bytes, content: Ledningssystem, owner: str, kind: str, today: dt.date
) -> Imported:
    """The process YAML mapping for a BPMN file, with notes on what was left out."""
    root = parse_bpmn(data)
    own = root.get("exporter") == "ledningssystem"  # then ids carry our own ids
    processes = [p for p in root.iter(f"{BPMN}process") if _flow_elements(p)]
    if not processes:
        raise BpmnError("filen har ingen process med aktiviteter")
    notes: list[str] = []
    if len(processes) > 1:
        notes.append(f"Filen har {len(processes)} processer; bara den första fördes över.")
    process = processes[0]
    name = process.get("name") or _participant_name(root, process.get("id", "")) or "Importerad"
    nodes, roles = _nodes(process, content, notes, own)
    steps = steps_of(nodes, roles, owner, content, notes, own)
    ends = [n.name for n in nodes.values() if n.kind == "endEvent" and n.name]
    start = next((n.name for n in nodes.values() if n.kind == "startEvent" and n.name), "")
    ident = own_id(process.get("id", ""), "Process_", own) or slugify(name)
    result = {
        "id": ident,
        "namn": name,
        "typ": kind,
        "ägare": owner,
        "status": "utkast",
        "version": "0.1",
        "gäller_från": today,
        "syfte": documentation(process) or "Varför processen finns.",
        "start": start or "Vad som startar processen.",
        "slut": "; ".join(dict.fromkeys(ends)) or "Vad som avslutar processen.",
        "enheter": [content.organisation.administration.id],
        "steg": steps,
    }
    _note_leftovers(process, notes)
    return Imported(result, notes)


def _flow_elements(process: ET.Element) -> list[ET.Element]:
    return [e for e in process if local_name(e.tag) in TASKS]


def _participant_name(root: ET.Element, process_id: str) -> str:
    for participant in root.iter(f"{BPMN}participant"):
        if participant.get("processRef") == process_id:
            return participant.get("name", "")
    return ""


def _nodes(
    process: ET.Element, content: Ledningssystem, notes: list[str], own: bool
) -> tuple[dict[str, FlowElement], dict[str, str]]:
    """Flow nodes by BPMN id with their lane's role and outgoing flows; lane id → role."""
    nodes = {
        e.get("id", ""): FlowElement(
            e.get("id", ""), local_name(e.tag), (e.get("name") or "").strip(), e
        )
        for e in process
        if local_name(e.tag) in TASKS | GATEWAYS | EVENTS
    }
    roles: dict[str, str] = {}
    for lane in process.iter(f"{BPMN}lane"):
        if lane.find(f"{BPMN}childLaneSet") is not None:
            notes.append(f'Banan "{lane.get("name", "")}" har underbanor; de blev egna roller.')
            continue
        role = _role(lane, content, notes, own)
        roles[lane.get("id", "")] = role
        for ref in lane.iter(f"{BPMN}flowNodeRef"):
            if (ref.text or "").strip() in nodes:
                nodes[(ref.text or "").strip()].lane = role
    for flow in process.iter(f"{BPMN}sequenceFlow"):
        source, target = flow.get("sourceRef", ""), flow.get("targetRef", "")
        if source in nodes and target in nodes:
            condition = flow.get("name") or text_of(flow.find(f"{BPMN}conditionExpression"))
            nodes[source].out.append((target, condition.strip()))
    return nodes, roles


def _role(lane: ET.Element, content: Ledningssystem, notes: list[str], own: bool) -> str:
    """The role of a lane: our own export's id, or a role with the lane's name or id."""
    name = (lane.get("name") or "").strip()
    exported = own_id(lane.get("id", ""), "Lane_", own)
    by_name = {role.name.casefold(): role_id for role_id, role in content.roles.items()}
    for candidate in (exported, by_name.get(name.casefold(), ""), slugify(name)):
        if candidate in content.roles:
            return candidate
    role = exported or slugify(name or "roll")
    notes.append(
        f'Banan "{name or role}" motsvarar ingen roll; rollen "{role}" behöver läggas till '
        "i roles/roller.yml (eller ändras i filen)."
    )
    return role


def _note_leftovers(process: ET.Element, notes: list[str]) -> None:
    kinds: dict[str, int] = {}
    for element in process:
        kind = local_name(element.tag)
        if kind not in KNOWN:
            kinds[kind] = kinds.get(kind, 0) + 1
    for element in process.iter():
        if local_name(element.tag) in ("timerEventDefinition", "messageEventDefinition"):
            kinds[local_name(element.tag)] = kinds.get(local_name(element.tag), 0) + 1
    for kind, count in sorted(kinds.items()):
        notes.append(f"{count} st. {LEFT_OUT.get(kind, kind)} ({kind}) fördes inte över.")
