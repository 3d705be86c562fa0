"""The flow of a process as a graph: successors, lanes and columns of its steps.

Shared by the process map (geometry) and its text alternative, so the picture
and the text always tell the same order.
"""

from __future__ import annotations

from ledningssystem.model.process import Process


def successors(process: Process) -> dict[str, tuple[str, ...]]:
    """Step id → next step ids: `nästa` when given, otherwise the step below (none for the last)."""
    steps = process.steps
    found: dict[str, tuple[str, ...]] = {}
    for index, step in enumerate(steps):
        if step.next:
            found[step.id] = tuple(dict.fromkeys(step.next))
        elif index + 1 < len(steps):
            found[step.id] = (steps[index + 1].id,)
        else:
            found[step.id] = ()
    return found


def lane_roles(process: Process) -> list[str]:
    """Performing roles in order of their first step: one swimlane each."""
    return list(dict.fromkeys(step.performer for step in process.steps))


def raci_roles(process: Process) -> list[str]:
    """Roles with a letter in the process: lane roles first, then the others as they appear."""
    lettered = dict.fromkeys(role for step in process.steps for role in step.responsibility)
    lanes = [role for role in lane_roles(process) if role in lettered]
    return lanes + [role for role in lettered if role not in lanes]


def assign_columns(process: Process, succ: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Column of each step (column 0 is the start): after its forward predecessors,
    after the previous delprocess, and never in a cell its lane already uses."""
    index = {step.id: i for i, step in enumerate(process.steps)}
    forward_preds: dict[str, list[str]] = {step.id: [] for step in process.steps}
    for source, targets in succ.items():
        for target in targets:
            if index[target] > index[source]:
                forward_preds[target].append(source)
    columns: dict[str, int] = {}
    used: set[tuple[str, int]] = set()
    last = 0
    for i, step in enumerate(process.steps):
        preds = forward_preds[step.id]
        if preds:
            column = max(columns[p] for p in preds) + 1
        else:
            column = columns[process.steps[i - 1].id] + 1 if i else 1
        if i and step.group != process.steps[i - 1].group:
            column = max(column, last + 1)  # a new delprocess starts right of the previous one
        while (step.performer, column) in used:
            column += 1
        columns[step.id] = column
        used.add((step.performer, column))
        last = max(last, column)
    return columns


def groups(process: Process) -> list[tuple[str, list[str]]]:
    """(delprocess name, step ids) in order of first appearance; steps without one are left out."""
    found: dict[str, list[str]] = {}
    for step in process.steps:
        if step.group:
            found.setdefault(step.group, []).append(step.id)
    return list(found.items())
