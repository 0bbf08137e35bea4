"""Outreach's layers: the page types sit on top (their routes are the public views), so
views, forms and services never import a page class (tests/test_architecture.py checks
that no app has an import cycle at all)."""

from tests.test_architecture import imports_of


def targets(module):
    return {target for target, _line in imports_of(module)}


def test_the_pages_import_the_views_and_no_view_imports_a_page():
    assert "outreach.views" in targets("outreach.models.pages")
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
        assert "outreach.models.pages" not in targets(module), module
        assert "outreach.models" not in targets(module), module
