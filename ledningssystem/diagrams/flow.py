"""The flow of a process as a graph: events, steps, gateways and the links between them.

Shared by the process map (geometry), its text alternative and the BPMN export, so the
picture, the text and the file always tell the same flow.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import FlowTo, Process

START = ":start"

# Kinds of node: BPMN's start and end events, tasks, exclusive and parallel gateways,
# and an intermediate link event for a handover to another process.
GATEWAYS = ("exclusive", "parallel")


@dataclass(frozen=True)
class FlowNode:
    key: str
    kind: str  # "start", "step", "exclusive", "parallel", "end" or "handover"
    role: str  # the lane it is drawn in
    step_id: str = ""  # the step itself, or the step a gateway or event follows
    label: str = ""  # an end's text
    process: str = ""  # the process a handover goes to


@dataclass(frozen=True)
class FlowLink:
    source: str
    target: str
    condition: str = ""


@dataclass(frozen=True)
class FlowGraph:  # not slotted: node() caches a lookup table
    nodes: tuple[FlowNode, ...]  # in reading order: start, then each step and what follows it
    links: tuple[FlowLink, ...]

    def node(self, key: str) -> FlowNode:
        return self.by_key[key]

    @functools.cached_property
    def by_key(self) -> dict[str, FlowNode]:
        return {n.key: n for n in self.nodes}

    def outgoing(self, key: str) -> list[FlowLink]:
        return [link for link in self.links if link.source == key]


def flows(process: Process) -> dict[str, tuple[FlowTo, ...]]:
    """Step id → its flows: `nästa` when given, otherwise the step below (none for the last)."""
    steps = process.steps
    found: dict[str, tuple[FlowTo, ...]] = {}
    for index, step in enumerate(steps):
        if step.next:
            found[step.id] = step.next
        elif index + 1 < len(steps):
            found[step.id] = (FlowTo.model_validate({"steg": steps[index + 1].id}),)
        else:
            found[step.id] = ()
    return found


def successors(process: Process) -> dict[str, tuple[str, ...]]:
    """Step id → the ids of the steps its flows lead to (ends and handovers left out)."""
    return {
        step_id: tuple(f.step for f in outs if f.step is not None)
        for step_id, outs in flows(process).items()
    }


def flow_graph(process: Process) -> FlowGraph:
    """The process as BPMN sees it: a gateway after every step whose flow divides."""
    first = process.steps[0]
    nodes = [FlowNode(START, "start", first.performer)]
    links = [FlowLink(START, first.id)]
    every = flows(process)
    for step in process.steps:
        nodes.append(FlowNode(step.id, "step", step.performer, step.id))
        outs = every[step.id]
        source = step.id
        if len(outs) > 1:
            source = f":gw:{step.id}"
            kind = "parallel" if step.parallel else "exclusive"
            nodes.append(FlowNode(source, kind, step.performer, step.id))
            links.append(FlowLink(step.id, source))
        if not outs:
            nodes.append(FlowNode(f":end:{step.id}", "end", step.performer, step.id))
            links.append(FlowLink(step.id, f":end:{step.id}"))
        for i, flow in enumerate(outs):
            if flow.step is not None:
                links.append(FlowLink(source, flow.step, flow.condition))
                continue
            if flow.process is not None:
                node = FlowNode(
                    f":to:{step.id}:{flow.process}", "handover", step.performer, step.id,
                    process=flow.process,
                )  # fmt: skip
            else:
                node = FlowNode(
                    f":end:{step.id}:{i}", "end", step.performer, step.id, flow.end or ""
                )
            nodes.append(node)
            links.append(FlowLink(source, node.key, flow.condition))
    return FlowGraph(tuple(nodes), tuple(links))


def lane_roles(process: Process) -> list[str]:
    """One swimlane per performing role, in order of its first step; with `simbanor: alla`
    also the roles that are only consulted or informed, after them."""
    performers = list(dict.fromkeys(step.performer for step in process.steps))
    if process.lanes != "alla":
        return performers
    return performers + [role for role in raci_roles(process) if role not in performers]


def raci_roles(process: Process) -> list[str]:
    """Roles with a letter in the process: performers first, then the others as they appear."""
    lettered = dict.fromkeys(role for step in process.steps for role in step.responsibility)
    performers = dict.fromkeys(step.performer for step in process.steps)
    lanes = [role for role in performers if role in lettered]
    return lanes + [role for role in lettered if role not in lanes]


def assign_columns(process: Process, graph: FlowGraph) -> dict[str, int]:
    """Column of each node (column 0 is the start): after its forward predecessors,
    a new delprocess right of the previous one, and never in a cell its lane already uses."""
    index = {node.key: i for i, node in enumerate(graph.nodes)}
    forward_preds: dict[str, list[str]] = {node.key: [] for node in graph.nodes}
    for link in graph.links:
        if index[link.target] > index[link.source]:
            forward_preds[link.target].append(link.source)
    groups_of = {step.id: step.group for step in process.steps}
    columns = {START: 0}
    used = {(graph.nodes[0].role, 0)}
    last, previous_step = 0, ""
    for node in graph.nodes[1:]:
        preds = forward_preds[node.key]
        if preds:
            column = max(columns[p] for p in preds) + 1
        else:
            column = columns[previous_step] + 1 if previous_step else 1
        if node.kind == "step":
            if previous_step and groups_of[node.key] != groups_of[previous_step]:
                column = max(column, last + 1)  # a new delprocess starts right of the previous
            previous_step = node.key
        while (node.role, column) in used:
            column += 1
        columns[node.key] = column
        used.add((node.role, column))
        last = max(last, column)
    return columns


def groups(process: Process) -> list[tuple[str, list[str]]]:
    """(delprocess name, step ids) in order of first appearance; steps without one are left out."""
    found: dict[str, list[str]] = {}
    for step in process.steps:
        if step.group:
            found.setdefault(step.group, []).append(step.id)
    return list(found.items())


def handovers_into(content: Ledningssystem, process_id: str) -> list[tuple[Process, str]]:
    """(process, step id) of every step that hands its flow over to `process_id`."""
    return [
        (content.processes[other], step_id)
        for other, step_id in content.handovers_by_target.get(process_id, [])
    ]
