import json, os
import pytest
from tests.outreach.test_query_budget import Demo, LANGUAGES, count_queries

pytestmark = pytest.mark.django_db

NAMES = [
    "index",
    "program-school",
    "program-ambassador",
    "program-gender",
    "program-disability",
    "event",
    "event-held",
    "listing",
    "listing-past",
    "listing-filtered",
    "register",
    "school-request",
    "apply",
    "assisted-reporting",
    "thanks",
    "verify",
]


@pytest.fixture
def demo(home, home_en, locales, admin_user):
    return Demo(locales, admin_user)


@pytest.fixture
def shortcuts(monkeypatch):
    from wagtail.query import PageQuerySet
    from outreach.models import routing

    if "route" in os.environ.get("NO_SHORTCUTS", ""):

        def route(self, request, path_components):
            return super(routing.SpecificChildRouteMixin, self).route(request, path_components)

        monkeypatch.setattr(routing.SpecificChildRouteMixin, "route", route)
    if "public" in os.environ.get("NO_SHORTCUTS", ""):
        monkeypatch.setattr(routing.OutreachPageQuerySet, "public", PageQuerySet.public)


def test_measure(client, demo, shortcuts):
    out = {}
    for code in LANGUAGES:
        for name in NAMES:
            url = demo.url(name, code)
            client.get(url)
            out[f"{code}:{name}"] = count_queries(client, url)
    with open(os.environ.get("MEASURE_OUT", "/tmp/outreach_measure/out.json"), "w") as f:
        json.dump(out, f, indent=1)
