"""Every exported .bpmn opens in bpmn-js (the viewer of bpmn.io and Camunda's modeler) with
no import warning, and shows as many tasks, gateways, events and flows as our model has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ledningssystem.bpmn.export import render_bpmn
from ledningssystem.diagrams.flow import flow_graph
from ledningssystem.portal.load import load_ledningssystem
from tests.conftest import REPO
from tests.diagram_fixtures import FIXTURE_PORTAL

BUNDLE = (
    Path(__file__).parents[1] / "bpmn" / "node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"
)
IMPORT = """async (xml) => {
  const viewer = new BpmnJS({ container: '#canvas' });
  const { warnings } = await viewer.importXML(xml);
  const types = {};
  for (const element of viewer.get('elementRegistry').getAll()) {
    const bo = element.businessObject;
    if (element.type === 'label' || !bo) continue;
    let type = element.type;
    if (type === 'bpmn:IntermediateThrowEvent' && (bo.eventDefinitions || [])
        .some(d => d.$type === 'bpmn:LinkEventDefinition')) type = 'link';
    types[type] = (types[type] || 0) + 1;
  }
  const names = viewer.get('elementRegistry').filter(e => e.type === 'bpmn:SequenceFlow')
    .map(e => e.businessObject.name || '').filter(n => n);
  viewer.destroy();
  return { warnings: warnings.map(w => w.message), types, names };
}"""
EXPECTED_TYPES = {
    "step": "bpmn:Task",
    "exclusive": "bpmn:ExclusiveGateway",
    "parallel": "bpmn:ParallelGateway",
    "start": "bpmn:StartEvent",
    "end": "bpmn:EndEvent",
    "handover": "link",
}


def _processes() -> Iterator[Any]:
    for name, root in (("exempel", REPO), ("fixtur", FIXTURE_PORTAL)):
        content = load_ledningssystem(root)
        for process in content.processes.values():
            yield pytest.param(content, process, id=f"{name}-{process.id}")


@pytest.fixture(scope="module")
def viewer_page(browser: Any) -> Iterator[Any]:
    assert BUNDLE.is_file(), "bpmn-js saknas: kör make bpmn-js (tests/bpmn/setup.sh)"
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*", lambda route: route.abort())  # nothing from outside, ever
    page.set_content("<div id='canvas' style='width:1400px;height:900px'></div>")
    page.add_script_tag(path=str(BUNDLE))
    yield page
    context.close()


@pytest.mark.parametrize(("content", "process"), list(_processes()))
def test_exported_bpmn_opens_in_bpmn_js(content: Any, process: Any, viewer_page: Any) -> None:
    result = viewer_page.evaluate(IMPORT, render_bpmn(content, process))
    assert result["warnings"] == []
    graph = flow_graph(process)
    expected = Counter(EXPECTED_TYPES[n.kind] for n in graph.nodes)
    expected["bpmn:SequenceFlow"] = len(graph.links)
    expected["bpmn:Lane"] = len({n.role for n in graph.nodes})
    expected["bpmn:Participant"] = expected["bpmn:Collaboration"] = 1
    assert result["types"] == dict(expected)
    conditions = sorted(link.condition for link in graph.links if link.condition)
    assert sorted(result["names"]) == conditions
