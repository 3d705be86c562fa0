"""The engine's shape (ARCHITECTURE.md): one-way imports between packages, no cycles, short modules.

Imports are read with `ast`, so imports inside functions count too; a type-only import under
`if TYPE_CHECKING:` is listed in TYPE_ONLY, with the reason in its module.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from ledningssystem.commands.registry import COMMANDS, PACKAGE
from tests.conftest import REPO

ENGINE = REPO / "ledningssystem"
# Lowest first: a package may import only itself and the packages before it.
LAYERS = (
    "core",
    "render",
    "diagrams",
    "legal",
    "doccontrol",
    "bpmn",
    "wordimport",
    "report",
    "portal",
    "pdf",
    "website",
    "adoption",
    "commands",
    "cli",
    "__main__",
)
# Packages of pure renderers: data in, markup out. They never read files or run Git.
PURE = ("render", "diagrams")
IMPURE_MODULES = {
    "ledningssystem.doccontrol.git",
    "ledningssystem.doccontrol.history",
    "ledningssystem.doccontrol.changes",
    "ledningssystem.core.load",
    "ledningssystem.core.reading",
    "ledningssystem.portal.load",
}
IMPURE_NAMES = ("subprocess", "open(", ".read_text(", ".read_bytes(", ".write_text(", "os.walk")
TYPE_ONLY = {("ledningssystem.core.model.content", "ledningssystem.report.data")}
# The one import by name (importlib): the command registry imports the module of the command
# that runs, named in its table, so a command does not pay for importing all the others.
IMPORT_BY_NAME = {"ledningssystem.commands.registry"}
MAX_LINES = 300


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ENGINE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(name: str, type_only: bool = False) -> set[str]:
    """Engine modules `name` imports anywhere in its body (functions included)."""
    tree = ast.parse(_modules()[name].read_text(encoding="utf-8"))
    skipped = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _is_type_checking(node) and not type_only
        for child in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in _modules() else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in _modules() and m != name}


def _package(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_in_the_engine() -> None:
    graph = {name: _imports(name, type_only=True) for name in _modules()}
    graph = {name: deps - {b for a, b in TYPE_ONLY if a == name} for name, deps in graph.items()}
    assert _cycles(graph) == []


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_packages_import_only_lower_layers() -> None:
    rank = {package: i for i, package in enumerate(LAYERS)}
    upward = [
        f"{name} → {dep}"
        for name in _modules()
        if name != "ledningssystem"
        for dep in sorted(_imports(name))
        if dep != "ledningssystem" and rank[_package(dep)] > rank[_package(name)]
    ]
    assert upward == []


def test_every_package_has_a_layer() -> None:
    assert {_package(name) for name in _modules() if name != "ledningssystem"} <= set(LAYERS)


def test_type_only_imports_are_only_the_listed_ones() -> None:
    extra = {
        (name, dep)
        for name in _modules()
        for dep in _imports(name, type_only=True) - _imports(name)
    }
    assert extra == TYPE_ONLY


def test_imports_of_the_engine_sit_at_the_top_of_modules() -> None:
    hidden = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                module = inner.module if isinstance(inner, ast.ImportFrom) else None
                names = [a.name for a in inner.names] if isinstance(inner, ast.Import) else []
                if (module or "").startswith("ledningssystem") or any(
                    n.startswith("ledningssystem") for n in names
                ):
                    hidden.append(f"{name}:{inner.lineno}")
    assert hidden == []


def _imports_by_name(tree: ast.AST) -> list[int]:
    """Lines calling importlib.import_module, import_module or __import__."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in {"import_module", "__import__"}:
                found.append(node.lineno)
    return found


def test_modules_are_imported_by_name_only_by_the_command_registry() -> None:
    by_name = {
        name: lines
        for name, path in _modules().items()
        if (lines := _imports_by_name(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert set(by_name) == IMPORT_BY_NAME


def test_the_registry_imports_by_name_only_command_modules_of_its_table() -> None:
    named = {f"{PACKAGE}.{listed.module}" for listed in COMMANDS.values()}
    named |= {f"{PACKAGE}.{listed.full}" for listed in COMMANDS.values() if listed.full}
    assert named <= set(_modules())
    assert {_package(name) for name in named} == {"commands"}


def test_renderers_never_read_files_or_run_git() -> None:
    reach: dict[str, set[str]] = {}

    def reachable(name: str) -> set[str]:
        if name not in reach:
            reach[name] = set()
            for dep in _imports(name):
                reach[name] |= {dep} | reachable(dep)
        return reach[name]

    impure = []
    for name, path in _modules().items():
        if _package(name) not in PURE:
            continue
        text = path.read_text(encoding="utf-8")
        impure += [f"{name} → {dep}" for dep in sorted(reachable(name) & IMPURE_MODULES)]
        impure += [f"{name}: {word}" for word in IMPURE_NAMES if word in text]
    assert impure == []


def test_no_engine_module_is_over_300_lines() -> None:
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_package_says_what_it_owns() -> None:
    silent = [
        name
        for name, path in _modules().items()
        if path.name == "__init__.py"
        and not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert silent == []
