"""The import graph of one package, read with `ast`: module-level imports AND imports inside
functions (those only hide a cycle, they do not remove it). Run as a script to print it:

    .venv/bin/python -m tests.complaint_forms.import_graph complaint_forms
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module, node, is_package):
    """The absolute names an ImportFrom may import: ([a.b.c for each name], a.b)."""
    base = module if is_package else module.rpartition(".")[0]
    for _level in range(node.level - 1):
        base = base.rpartition(".")[0]
    if node.level:
        prefix = f"{base}.{node.module}" if node.module else base
    else:
        prefix = node.module or ""
    # "from . import tasks" imports the module complaint_forms.tasks; "from .models import
    # Report" the module complaint_forms.models.
    return [f"{prefix}.{alias.name}" for alias in node.names], prefix


def import_graph(package):
    """{module: {imported module inside the package, ...}} (migrations left out)."""
    paths = [path for path in (ROOT / package).rglob("*.py") if "migrations" not in path.parts]
    modules = {_module_name(path): path for path in paths}
    graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), str(path))
        is_package = path.name == "__init__.py"
        targets = set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                submodules, prefix = _resolve(module, node, is_package)
                names = [name for name in submodules if name in modules] or [prefix]
            targets.update(name for name in names if name in modules and name != module)
        graph[module] = targets
    return graph


def cycles(graph):
    """Strongly connected groups of more than one module (Tarjan), sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def simple_cycle_count(graph):
    """How many distinct elementary cycles there are (each counted from its first module)."""
    nodes = sorted(graph)
    count = 0
    for start_index, start in enumerate(nodes):
        allowed = set(nodes[start_index:])
        count += _cycles_through(graph, start, allowed, [start])
    return count


def _cycles_through(graph, start, allowed, path):
    count = 0
    for target in graph.get(path[-1], ()):
        if target == start:
            count += 1
        elif target in allowed and target not in path:
            count += _cycles_through(graph, start, allowed, [*path, target])
    return count


def report(package):
    graph = import_graph(package)
    groups = cycles(graph)
    lines = [f"{package}: {simple_cycle_count(graph)} import cycles in {len(groups)} group(s)"]
    for group in groups:
        lines.append("  " + " <-> ".join(group))
        for module in group:
            inside = sorted(graph[module] & set(group))
            lines.append(f"    {module} -> {', '.join(inside)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(report(sys.argv[1] if len(sys.argv) > 1 else "complaint_forms") + "\n")
