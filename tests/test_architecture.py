"""The shape of the code (docs: /work/shared/ARCHITECTURE.md, "Dependency direction"),
read from the source with `ast`, so no import runs:

- no import cycle inside an app, counting imports inside functions too (a function-level
  import hides a cycle from Python, not from the design: a module has one layer);
- arrows between apps point down: every app may use site_core, site_core uses none of
  them; pages may embed complaint_forms' report form block; complaint_forms asks search
  for matching answers only from its knowledge-base gateway; open_data asks
  complaint_forms and outreach for figures through their statistics modules; nothing
  imports open_data;
- no module over 500 lines outside migrations and demo content.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ["site_core", "complaint_forms", "outreach", "search", "open_data"]
MAX_LINES = 500

# (importing app, imported app) -> which modules may take part (a rule, or a list of rules
# any of which allows it). "from": the importing modules allowed (None: any), "to": the
# imported modules allowed (None: any).
ALLOWED_BETWEEN_APPS = {
    ("complaint_forms", "site_core"): {"from": None, "to": None},
    ("outreach", "site_core"): {"from": None, "to": None},
    ("search", "site_core"): {"from": None, "to": None},
    ("open_data", "site_core"): {"from": None, "to": None},
    # Program pages embed the report form block and host its submissions.
    ("outreach", "complaint_forms"): [
        {"from": None, "to": {"complaint_forms.blocks", "complaint_forms.hosting"}},
        # The demo's gender campaign page presets the form to a gender-based category.
        {
            "from": {"outreach.management.commands.load_outreach_demo"},
            "to": {"complaint_forms.models"},
        },
    ],
    # Deflection and draft answers: one gateway module, search's functions, not its models.
    ("complaint_forms", "search"): {
        "from": {"complaint_forms.knowledge_base"},
        "to": {"search.deflection", "search.consultation"},
    },
    # Aggregate figures, plain data out; the city's working-day calendar (its staff-entered
    # days off live with the complaints) and the private storage the archived reports share.
    ("open_data", "complaint_forms"): {
        "from": None,
        "to": {
            "complaint_forms.statistics",
            "complaint_forms.deadlines",
            "complaint_forms.storage",
        },
    },
    ("open_data", "outreach"): {"from": None, "to": {"outreach.statistics"}},
}


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_files(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


MODULES = {_module_name(path): path for app in APPS for path in _source_files(app)}


def _resolve(name):
    """The longest project module that `name` names, or None for outside code."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in MODULES:
            return candidate
        parts.pop()
    return None


def imports_of(module):
    """(imported project module, line) for every import in the module, at any depth."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module
            # `from pkg import submodule` imports the submodule; `from mod import name`
            # imports the module.
            names = [f"{stem}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            target = _resolve(name)
            if target and target != module:
                found.append((target, node.lineno))
    return found


def app_of(module):
    return module.split(".")[0]


def _graph(app):
    return {
        module: sorted({target for target, _line in imports_of(module) if app_of(target) == app})
        for module in MODULES
        if app_of(module) == app
    }


def _cycles(graph):
    """Each group of modules that import each other, directly or round a loop (Tarjan's
    strongly connected components), with one cycle through it as a path."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, []):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [(group, _path_through(graph, group)) for group in sorted(groups)]


def _path_through(graph, group):
    """A shortest cycle from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths, seen = [[start]], {start}
    while paths:
        path = paths.pop(0)
        for nxt in graph[path[-1]]:
            if nxt == start:
                return [*path, start]
            if nxt in members and nxt not in seen:
                seen.add(nxt)
                paths.append([*path, nxt])
    raise AssertionError(f"no cycle found in {group}")  # unreachable for a real group


def test_the_walk_sees_every_app_and_their_imports():
    """The checks below prove something only if the walk finds modules and arrows."""
    assert {app_of(module) for module in MODULES} == set(APPS)
    assert ("complaint_forms.records", "site_core.areas") in {
        ("complaint_forms.records", target) for target, _ in imports_of("complaint_forms.records")
    }
    cycles = _cycles({"a": ["b"], "b": ["c", "a"], "c": ["a"], "d": ["a"]})
    assert cycles == [(["a", "b", "c"], ["a", "b", "a"])]


def test_no_import_cycle_inside_an_app():
    found = {app: _cycles(_graph(app)) for app in APPS}
    report = [
        f"{app}: {len(group)} modules in a cycle ({', '.join(group)}), e.g. {' -> '.join(path)}"
        for app, cycles in found.items()
        for group, path in cycles
    ]
    assert not report, "import cycles:\n" + "\n".join(report)


def test_imports_between_apps_point_the_way_the_architecture_says():
    wrong = []
    for module in sorted(MODULES):
        for target, line in imports_of(module):
            pair = (app_of(module), app_of(target))
            if pair[0] == pair[1]:
                continue
            rules = ALLOWED_BETWEEN_APPS.get(pair, [])
            if not any(
                (rule["from"] is None or module in rule["from"])
                and (rule["to"] is None or target in rule["to"])
                for rule in (rules if isinstance(rules, list) else [rules])
            ):
                wrong.append(f"{MODULES[module].relative_to(ROOT)}:{line}: {module} -> {target}")
    assert not wrong, "imports against the dependency direction:\n" + "\n".join(wrong)


def _is_demo_content(path):
    relative = path.relative_to(ROOT)
    return (
        "demo" in relative.parts
        or relative.stem in ("demo", "demo_slice")
        or relative.stem.startswith("load_")
        and relative.stem.endswith("demo")
    )


def test_no_module_is_over_500_lines():
    checked = [
        path
        for folder in [*APPS, "tests", "deploy"]
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts and not _is_demo_content(path)
    ]
    assert len(checked) > 100  # the walk found the code
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in checked
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not too_long, f"modules over {MAX_LINES} lines: {too_long}"
