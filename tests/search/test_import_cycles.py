"""The search app's modules import each other in one direction only: no module needs
another that needs it back (not even inside a function)."""

import ast
from pathlib import Path

from django.conf import settings

APP = Path(settings.BASE_DIR) / "search"


def module_name(path):
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph():
    modules = {module_name(p): p for p in APP.rglob("*.py") if "migrations" not in p.parts}
    graph = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph):
    """Modules that reach themselves again, as sorted tuples (one per cycle found)."""
    found = set()

    def visit(node, path):
        for target in graph[node]:
            if target in path:
                found.add(tuple(sorted(path[path.index(target) :])))
            elif target not in done:
                visit(target, [*path, target])
        done.add(node)

    done = set()
    for start in graph:
        if start not in done:
            visit(start, [start])
    return found


def test_graph_sees_function_level_imports():
    graph = import_graph()
    assert "search.query_log" in graph["search.tasks"]  # imported inside a task function


def test_search_modules_import_without_cycles():
    assert cycles(import_graph()) == set()
