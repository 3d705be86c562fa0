"""Read a BPMN 2.0 file (2c8, Canea, Camunda, bpmn.io, or our own export) into a process.

Lanes become roles, tasks steps, exclusive and parallel gateways a step's `nästa` with
its conditions, end events `slut`, link events handovers to other processes. Whatever
BPMN can say and a process here cannot (pools beyond the first, timers, messages, data
objects, sub-process contents) is listed in Swedish in the result's notes, never dropped
silently. The file comes from outside, so it is parsed with defusedxml.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from defusedxml import ElementTree as SafeET

from ledningssystem.model.base import SLUG_PATTERN
from ledningssystem.model.content import Ledningssystem
from ledningssystem.slug import slugify, unused_id

BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
LS = "{https://ledningssystem.se/bpmn/1}"
TASKS = {
    "task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "scriptTask",
    "businessRuleTask", "subProcess", "callActivity",
}  # fmt: skip
GATEWAYS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
            "complexGateway"}  # fmt: skip
EVENTS = {"startEvent", "endEvent", "intermediateThrowEvent", "intermediateCatchEvent",
          "boundaryEvent"}  # fmt: skip
KNOWN = TASKS | GATEWAYS | EVENTS | {"sequenceFlow", "laneSet", "documentation",
                                     "extensionElements", "incoming", "outgoing"}  # fmt: skip


LEFT_OUT = {
    "textAnnotation": "textanteckning",
    "association": "koppling till en anteckning",
    "timerEventDefinition": "tidshändelse",
    "messageEventDefinition": "meddelandehändelse",
    "dataObjectReference": "dataobjekt",
    "dataObject": "dataobjekt",
    "dataStoreReference": "datalager",
    "group": "grupp",
}


class BpmnError(Exception):
    """The file is not BPMN we can read, told in Swedish."""


@dataclass
class Imported:
    """The process (as the YAML mapping to write) and what could not be carried over."""

    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


@dataclass
class _Node:
    id: str
    kind: str
    name: str
    element: ET.Element
    lane: str = ""
    out: list[tuple[str, str]] = field(default_factory=list)  # (target id, condition)


def parse_bpmn(data: bytes) -> ET.Element:
    try:
        root = SafeET.fromstring(data)
    except ET.ParseError as error:
        raise BpmnError(f"filen är inte giltig XML ({error})") from None
    except Exception as error:  # defusedxml refuses entities and DTDs: unsafe input
        raise BpmnError(f"filen innehåller XML som inte tillåts ({type(error).__name__})") from None
    if root.tag != f"{BPMN}definitions":
        raise BpmnError("filen är inte BPMN 2.0: rotelementet ska vara bpmn:definitions")
    return root


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
    steps = _steps(nodes, roles, owner, content, notes, own)
    ends = [n.name for n in nodes.values() if n.kind == "endEvent" and n.name]
    start = next((n.name for n in nodes.values() if n.kind == "startEvent" and n.name), "")
    ident = _id(process.get("id", ""), "Process_", own) or slugify(name)
    result = {
        "id": ident,
        "namn": name,
        "typ": kind,
        "ägare": owner,
        "status": "utkast",
        "version": "0.1",
        "gäller_från": today,
        "syfte": _documentation(process) or "Varför processen finns.",
        "start": start or "Vad som startar processen.",
        "slut": "; ".join(dict.fromkeys(ends)) or "Vad som avslutar processen.",
        "enheter": [content.organisation.administration.id],
        "steg": steps,
    }
    _note_leftovers(process, notes)
    return Imported(result, notes)


def _flow_elements(process: ET.Element) -> list[ET.Element]:
    return [e for e in process if _local(e.tag) in TASKS]


def _participant_name(root: ET.Element, process_id: str) -> str:
    for participant in root.iter(f"{BPMN}participant"):
        if participant.get("processRef") == process_id:
            return participant.get("name", "")
    return ""


def _nodes(
    process: ET.Element, content: Ledningssystem, notes: list[str], own: bool
) -> tuple[dict[str, _Node], dict[str, str]]:
    """Flow nodes by BPMN id with their lane's role and outgoing flows; lane id → role."""
    nodes = {
        e.get("id", ""): _Node(e.get("id", ""), _local(e.tag), (e.get("name") or "").strip(), e)
        for e in process
        if _local(e.tag) in TASKS | GATEWAYS | EVENTS
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
            condition = flow.get("name") or _text(flow.find(f"{BPMN}conditionExpression"))
            nodes[source].out.append((target, condition.strip()))
    return nodes, roles


def _role(lane: ET.Element, content: Ledningssystem, notes: list[str], own: bool) -> str:
    """The role of a lane: our own export's id, or a role with the lane's name or id."""
    name = (lane.get("name") or "").strip()
    exported = _id(lane.get("id", ""), "Lane_", own)
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


def _steps(
    nodes: dict[str, _Node],
    roles: dict[str, str],
    owner: str,
    content: Ledningssystem,
    notes: list[str],
    own: bool,
) -> list[dict[str, Any]]:
    tasks = [n for n in nodes.values() if n.kind in TASKS]
    ids: dict[str, str] = {}
    for task in tasks:
        base = _id(task.id, "Task_", own) or slugify(task.name)
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
        if documentation := _documentation(task.element):
            step["beskrivning"] = documentation
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
    task: _Node,
    nodes: dict[str, _Node],
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
    nodes: dict[str, _Node],
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


def _process_ref(node: _Node, link_name: str, content: Ledningssystem, notes: list[str]) -> str:
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


def _note_leftovers(process: ET.Element, notes: list[str]) -> None:
    kinds: dict[str, int] = {}
    for element in process:
        kind = _local(element.tag)
        if kind not in KNOWN:
            kinds[kind] = kinds.get(kind, 0) + 1
    for element in process.iter():
        if _local(element.tag) in ("timerEventDefinition", "messageEventDefinition"):
            kinds[_local(element.tag)] = kinds.get(_local(element.tag), 0) + 1
    for kind, count in sorted(kinds.items()):
        notes.append(f"{count} st. {LEFT_OUT.get(kind, kind)} ({kind}) fördes inte över.")


def _documentation(element: ET.Element) -> str:
    return _text(element.find(f"{BPMN}documentation"))


def _text(element: ET.Element | None) -> str:
    return "" if element is None else (element.text or "").strip()


def _id(value: str, prefix: str, own: bool) -> str:
    """Our own id from a file we exported (Task_utreda → utreda), or ''."""
    rest = value[len(prefix) :] if own and value.startswith(prefix) else ""
    return rest if re.fullmatch(SLUG_PATTERN, rest) else ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
