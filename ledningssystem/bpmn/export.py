"""A process as BPMN 2.0 XML, for 2c8, Canea, Camunda and bpmn.io: the model and its diagram.

The diagram interchange (DI) is our own map's layout, so the file opens looking like the
portal's map: a pool with one lane per role, tasks, gateways, start, end and link events
and the named sequence flows with their bend points. Ids carry our own ids (Task_utreda,
Lane_enhetschef), so an import gives back the same steps and roles; the RACI letters,
which BPMN has no place for, travel as extension elements in our own namespace.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process
from ledningssystem.diagrams.flow import FlowGraph, FlowNode, flow_graph, lane_roles
from ledningssystem.diagrams.map_layout import MapLayout
from ledningssystem.diagrams.process_map import layout_for
from ledningssystem.diagrams.svg import Rect, num

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
LS = "https://ledningssystem.se/bpmn/1"  # our extension: RACI letters of a task
NAMESPACES = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI, "ls": LS}
POOL_HEADER = 30  # the pool's name strip, left of the lanes

_ELEMENTS = {
    "start": "startEvent",
    "step": "task",
    "exclusive": "exclusiveGateway",
    "parallel": "parallelGateway",
    "end": "endEvent",
    "handover": "intermediateThrowEvent",
}


def element_id(node: FlowNode) -> str:
    """A BPMN id (an XML name) that keeps our own id readable."""
    if node.kind == "step":
        return f"Task_{node.key}"
    if node.kind in ("exclusive", "parallel"):
        return f"Gateway_{node.step_id}"
    if node.kind == "start":
        return "StartEvent_start"
    return "Event_" + node.key.strip(":").replace(":", "_")


def lane_id(role_id: str) -> str:
    return f"Lane_{role_id}"


def render_bpmn(content: Ledningssystem, process: Process, layout: MapLayout | None = None) -> str:
    """The BPMN 2.0 file of one process, with the diagram of its map (`layout` if laid out)."""
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    graph = flow_graph(process)
    layout = layout or layout_for(content, process)
    root = ET.Element(
        _q(BPMN, "definitions"),
        {
            "id": f"Definitions_{process.id}",
            "targetNamespace": LS,
            "exporter": "ledningssystem",
            "exporterVersion": "1",
        },
    )
    collaboration = ET.SubElement(root, _q(BPMN, "collaboration"), id=f"Collaboration_{process.id}")
    ET.SubElement(
        collaboration,
        _q(BPMN, "participant"),
        id=f"Participant_{process.id}",
        name=process.name,
        processRef=f"Process_{process.id}",
    )
    _process(root, content, process, graph)
    _diagram(root, process, graph, layout)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _process(root: ET.Element, content: Ledningssystem, process: Process, graph: FlowGraph) -> None:
    element = ET.SubElement(
        root,
        _q(BPMN, "process"),
        id=f"Process_{process.id}",
        name=process.name,
        isExecutable="false",
    )
    ET.SubElement(element, _q(BPMN, "documentation")).text = process.purpose
    lanes = ET.SubElement(element, _q(BPMN, "laneSet"), id=f"LaneSet_{process.id}")
    for role in lane_roles(process):
        lane = ET.SubElement(
            lanes, _q(BPMN, "lane"), id=lane_id(role), name=content.roles[role].name
        )
        for node in graph.nodes:
            if node.role == role:
                ET.SubElement(lane, _q(BPMN, "flowNodeRef")).text = element_id(node)
    flow_ids = {(link.source, link.target): f"Flow_{i}" for i, link in enumerate(graph.links, 1)}
    for node in graph.nodes:
        _flow_node(element, content, process, graph, node, flow_ids)
    for link in graph.links:
        attributes = {
            "id": flow_ids[(link.source, link.target)],
            "sourceRef": element_id(graph.node(link.source)),
            "targetRef": element_id(graph.node(link.target)),
        }
        if link.condition:
            attributes["name"] = link.condition
        flow = ET.SubElement(element, _q(BPMN, "sequenceFlow"), attributes)
        if link.condition:
            expression = ET.SubElement(
                flow, _q(BPMN, "conditionExpression"), {_q(XSI, "type"): "bpmn:tFormalExpression"}
            )
            expression.text = link.condition


def _flow_node(
    parent: ET.Element,
    content: Ledningssystem,
    process: Process,
    graph: FlowGraph,
    node: FlowNode,
    flow_ids: dict[tuple[str, str], str],
) -> None:
    attributes = {"id": element_id(node)}
    name = _name(content, process, node)
    if name:
        attributes["name"] = name
    element = ET.SubElement(parent, _q(BPMN, _ELEMENTS[node.kind]), attributes)
    step = process.step(node.key) if node.kind == "step" else None
    if step is not None:
        if step.description:
            ET.SubElement(element, _q(BPMN, "documentation")).text = step.description
        extensions = ET.SubElement(element, _q(BPMN, "extensionElements"))
        for role, letter in step.responsibility.items():
            ET.SubElement(extensions, _q(LS, "ansvar"), roll=role, bokstav=letter.value)
    for link in graph.links:
        if link.target == node.key:
            ET.SubElement(element, _q(BPMN, "incoming")).text = flow_ids[(link.source, link.target)]
    for link in graph.outgoing(node.key):
        ET.SubElement(element, _q(BPMN, "outgoing")).text = flow_ids[(link.source, link.target)]
    if node.kind == "handover":
        ET.SubElement(
            element,
            _q(BPMN, "linkEventDefinition"),
            id=f"Link_{node.step_id}_{node.process}",
            name=node.process,
        )


def _name(content: Ledningssystem, process: Process, node: FlowNode) -> str:
    if node.kind == "step":
        return process.step(node.key).name  # type: ignore[union-attr]
    if node.kind == "start":
        return process.start
    if node.kind == "handover":
        return content.processes[node.process].name
    return node.label


def _diagram(root: ET.Element, process: Process, graph: FlowGraph, layout: MapLayout) -> None:
    diagram = ET.SubElement(root, _q(BPMNDI, "BPMNDiagram"), id=f"Diagram_{process.id}")
    plane = ET.SubElement(
        diagram,
        _q(BPMNDI, "BPMNPlane"),
        id=f"Plane_{process.id}",
        bpmnElement=f"Collaboration_{process.id}",
    )
    first, last = layout.lanes[0].rect, layout.lanes[-1].rect
    pool = Rect(first.x, first.y, first.w + POOL_HEADER, last.bottom - first.y)
    _shape(plane, f"Participant_{process.id}", pool, isHorizontal="true")
    for lane in layout.lanes:
        rect = Rect(lane.rect.x + POOL_HEADER, lane.rect.y, lane.rect.w, lane.rect.h)
        _shape(plane, lane_id(lane.role_id), rect, isHorizontal="true")
    for node in graph.nodes:
        drawn = layout.node(node.key)
        extra = {"isMarkerVisible": "true"} if node.kind == "exclusive" else {}
        shape = _shape(plane, element_id(node), _shifted(drawn.rect), **extra)
        if drawn.label_rect is not None:
            label = ET.SubElement(shape, _q(BPMNDI, "BPMNLabel"))
            _bounds(label, _shifted(drawn.label_rect))
    flow_ids = {(link.source, link.target): f"Flow_{i}" for i, link in enumerate(graph.links, 1)}
    for edge in layout.edges:
        flow_id = flow_ids[(edge.source, edge.target)]
        element = ET.SubElement(
            plane, _q(BPMNDI, "BPMNEdge"), id=f"{flow_id}_di", bpmnElement=flow_id
        )
        for x, y in edge.points:
            ET.SubElement(element, _q(DI, "waypoint"), x=num(x + POOL_HEADER), y=num(y))
        if edge.label_rect is not None:
            _bounds(ET.SubElement(element, _q(BPMNDI, "BPMNLabel")), _shifted(edge.label_rect))


def _shifted(rect: Rect) -> Rect:
    """Our map's coordinates moved right of the pool's name strip."""
    return Rect(rect.x + POOL_HEADER, rect.y, rect.w, rect.h)


def _shape(plane: ET.Element, element: str, rect: Rect, **attributes: str) -> ET.Element:
    attributes = {"id": f"{element}_di", "bpmnElement": element, **attributes}
    shape = ET.SubElement(plane, _q(BPMNDI, "BPMNShape"), attributes)
    _bounds(shape, rect)
    return shape


def _bounds(parent: ET.Element, rect: Rect) -> None:
    ET.SubElement(
        parent,
        _q(DC, "Bounds"),
        x=num(rect.x),
        y=num(rect.y),
        width=num(rect.w),
        height=num(rect.h),
    )


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"
