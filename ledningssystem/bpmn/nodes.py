"""The parts of a BPMN 2.0 file that import-bpmn reads: names, flow elements, safe parsing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from defusedxml import ElementTree as SafeET

from ledningssystem.core.model.base import SLUG_PATTERN

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
class FlowElement:
    """A task, gateway or event of the file, in its lane, with its outgoing flows."""

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


def documentation(element: ET.Element) -> str:
    return text_of(element.find(f"{BPMN}documentation"))


def text_of(element: ET.Element | None) -> str:
    return "" if element is None else (element.text or "").strip()


def own_id(value: str, prefix: str, own: bool) -> str:
    """Our own id from a file we exported (Task_utreda → utreda), or ''."""
    rest = value[len(prefix) :] if own and value.startswith(prefix) else ""
    return rest if re.fullmatch(SLUG_PATTERN, rest) else ""


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
