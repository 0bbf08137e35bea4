"""Every public page type, in both languages, within the site's budget of 15 queries on
the whole demo (every app's content, the 240 sample answers): the data the render bench
measures (tests/bench/bench_pages.py). The small fixtures of each app's budget test missed
the English knowledge-base index, which asked 18 queries on this data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.bench.bench_pages import one_page_per_type

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15


def test_every_public_page_type_in_both_languages_stays_within_the_budget(client, demo_site):
    urls = one_page_per_type()
    # Both languages of every app's page types, the search page and a 404 (13 types).
    assert len([name for name in urls if name.endswith("_en")]) >= 12
    counts = {}
    for name, url in urls.items():
        client.get(url)  # the site frame's cache is warm, as in production
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == (404 if name == "not_found" else 200), url
        counts[name] = len(queries)
    over = {name: count for name, count in counts.items() if count > QUERY_BUDGET}
    assert over == {}, counts
