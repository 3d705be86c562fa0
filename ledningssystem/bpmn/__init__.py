"""BPMN 2.0 in and out: a process as BPMN XML for other tools, and import-bpmn's reading.

The export reuses the diagram layout (diagrams); the import turns a file into a process
YAML that the core validates like any other.
"""
