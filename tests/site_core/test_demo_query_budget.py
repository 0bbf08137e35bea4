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


# Each page type's own budget, as measured when the view-restriction check went from two
# queries to one (tests/bench/bench_pages.py prints the counts): a page type that starts
# asking more shows here before it reaches the site's budget. English pages ask one more
# (Wagtail looks up the English home page); the test demo's English home page one more.
PAGE_TYPE_BUDGETS = {
    "HomePage": 9,
    "InformationPage": 7,
    "NewsIndexPage": 10,
    "NewsArticlePage": 9,
    "ReportPage": 8,
    "RankingPage": 11,
    "KnowledgeBaseIndexPage": 7,
    "AnswerPage": 8,
    "ProgramIndexPage": 9,
    "ProgramPage": 9,
    "EventPage": 10,
    "StatisticsPage": 8,
}


def test_each_page_type_stays_within_its_own_budget(client, demo_site):
    over = {}
    for name, url in one_page_per_type().items():
        page_type = name.rsplit("_", 1)[0]
        if page_type not in PAGE_TYPE_BUDGETS:
            continue
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        if len(queries) > PAGE_TYPE_BUDGETS[page_type]:
            over[name] = len(queries)
    assert over == {}
    assert {name.rsplit("_", 1)[0] for name in one_page_per_type()} >= set(PAGE_TYPE_BUDGETS)
