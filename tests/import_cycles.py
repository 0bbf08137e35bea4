"""List import cycles among the modules of one package, from the source (`ast`), counting
imports at module level and inside functions alike (a function-level import that closes a
loop is still a cycle, only a hidden one).

    python tests/import_cycles.py outreach

Prints each group of modules that import one another (a strongly connected component),
with the import lines that tie them, and exits 1 when there is any.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRS = {"migrations", "__pycache__"}


def module_files(package):
    """{dotted module name: path} for every module of `package` outside migrations."""
    base = ROOT / package
    modules = {}
    for path in sorted(base.rglob("*.py")):
        if SKIPPED_DIRS.intersection(path.relative_to(base).parts):
            continue
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _resolve(module, is_package, node):
    """The absolute module an ImportFrom names (`from .x import y` inside `module`)."""
    if node.level == 0:
        return node.module
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module, path, known):
    """[(imported module, line, "top" or "function")] for imports of `known` modules."""
    tree = ast.parse(path.read_text(), str(path))
    is_package = path.name == "__init__.py"
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            where = "function" if nested else "top"
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name in known:
                        found.append((alias.name, child.lineno, where))
            elif isinstance(child, ast.ImportFrom):
                target = _resolve(module, is_package, child)
                for alias in child.names:
                    # `from . import views` names a module; `from .models import X` a name.
                    candidate = f"{target}.{alias.name}"
                    if candidate in known:
                        found.append((candidate, child.lineno, where))
                    elif target in known:
                        found.append((target, child.lineno, where))
            visit(child, nested)

    visit(tree, False)
    return found


def import_graph(package):
    files = module_files(package)
    graph = {}
    for module, path in files.items():
        edges = {}
        for target, line, where in imports_of(module, path, files):
            # A package importing its own submodules (re-exports), or a submodule reaching
            # its package's root, is how packages are built, not a loop between layers.
            if target == module or module.startswith(target + ".") or target == package:
                continue
            uses = edges.setdefault(target, [])
            if (line, where) not in uses:
                uses.append((line, where))
        graph[module] = edges
    return graph


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan), sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def connect(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(found)


def report(package):
    graph = import_graph(package)
    groups = cycles(graph)
    lines = []
    for group in groups:
        lines.append(f"cycle of {len(group)} modules: {', '.join(group)}")
        for module in group:
            for target, uses in sorted(graph[module].items()):
                if target in group:
                    where = ", ".join(f"line {line} ({kind})" for line, kind in uses)
                    lines.append(f"  {module} -> {target}: {where}")
    in_cycles = sum(len(group) for group in groups)
    lines.append(f"{len(groups)} cycle(s), {in_cycles} module(s) in cycles")
    return groups, "\n".join(lines)


if __name__ == "__main__":
    groups, text = report(sys.argv[1] if len(sys.argv) > 1 else "outreach")
    sys.stdout.write(text + "\n")
    sys.exit(1 if groups else 0)
