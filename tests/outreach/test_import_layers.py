"""Outreach modules import one way: no module reaches back to one that imports it, neither at
module level nor inside a function (tests/import_cycles.py lists any cycle it finds)."""

from tests.import_cycles import cycles, import_graph, report


def test_outreach_has_no_import_cycle():
    groups, text = report("outreach")
    assert groups == [], text


def test_the_cycle_finder_sees_a_cycle_hidden_in_a_function():
    graph = {"app.a": {"app.b": [(3, "top")]}, "app.b": {"app.a": [(9, "function")]}}
    assert cycles(graph) == [["app.a", "app.b"]]


def test_the_pages_import_the_views_and_no_view_imports_a_page():
    graph = import_graph("outreach")
    assert "outreach.views" in graph["outreach.models.pages"]
    below_pages = [
        "outreach.views",
        "outreach.forms",
        "outreach.registrations",
        "outreach.schools",
        "outreach.ambassadors",
        "outreach.reach",
        "outreach.tasks",
        "outreach.links",
        "outreach.blocks",
    ]
    for module in below_pages:
        assert "outreach.models.pages" not in graph[module], module
        assert "outreach.models" not in graph[module], module
