"""The bad-input corpus, second part: lookups, search APIs and display preferences get
hostile queries and parameters and answer harmlessly (no 5xx, nothing echoed unescaped)."""

import pytest

from tests.site_core.bad_input_site import (
    FORMULAS,
    INVISIBLE_ONLY,
    MARKUP,
    NUL,
    OVERSIZED,
    assert_indonesian,
    built_site,
    tracking_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    yield from built_site(django_db_blocker)


# --- lookups and APIs: harmless answers ------------------------------------------------
QUERIES = {
    "nul": NUL,
    "100kb": OVERSIZED,
    "invisible-only": INVISIBLE_ONLY,
    "rtl-override": "ktp\u202egnalih",
    "markup": MARKUP[0],
    "formula": FORMULAS[0],
    "sql": "' OR 1=1 --",
    "emoji": "🙂" * 50,
    "lone-surrogate-escape": "%ED%A0%80",
    "percent-noise": "%%%%%",
}


# The search APIs refuse a NUL character; every other query gets an answer (the report
# form's similar-answers box answers with no match).
REFUSED_QUERIES = {("/api/search/", "nul"), ("/api/search/suggest/", "nul")}


@pytest.mark.parametrize("query", QUERIES, ids=list(QUERIES))
@pytest.mark.parametrize(
    "endpoint",
    ["/api/search/", "/api/search/suggest/", "/api/reports/similar-answers/", "/id/cari/"],
)
def test_search_and_suggestions_answer_hostile_queries_harmlessly(client, site, endpoint, query):
    response = client.get(endpoint, {"q": QUERIES[query]})
    assert response.status_code == (400 if (endpoint, query) in REFUSED_QUERIES else 200)
    if endpoint.startswith("/api/"):
        # JSON may echo the query; browsers never render it as a page.
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"
        response.json()
    else:
        assert b"<script>alert(1)" not in response.content


API_PARAMETERS = {
    "lang-unknown": {"q": "ktp", "lang": "xx"},
    "lang-markup": {"q": "ktp", "lang": "<script>"},
    "lang-list": {"q": "ktp", "lang": ["id", "en"]},
    "page-huge": {"q": "ktp", "page": "99999999999999999999"},
    "page-negative": {"q": "ktp", "page": "-5"},
    "page-nan": {"q": "ktp", "page": "NaN"},
    "category-100kb": {"q": "ktp", "category": OVERSIZED},
    "type-markup": {"q": "ktp", "type": MARKUP[1]},
    "q-missing": {},
}


# The APIs refuse a language they do not serve, and the search API a missing query; the
# search page shows its empty form, and suggestions for nothing are an empty list.
REFUSED_PARAMETERS = {
    ("/api/search/", "lang-unknown"),
    ("/api/search/", "lang-markup"),
    ("/api/search/", "q-missing"),
    ("/api/search/suggest/", "lang-unknown"),
    ("/api/search/suggest/", "lang-markup"),
}


@pytest.mark.parametrize("params", API_PARAMETERS, ids=list(API_PARAMETERS))
@pytest.mark.parametrize("endpoint", ["/api/search/", "/api/search/suggest/", "/id/cari/"])
def test_search_parameters_of_the_wrong_kind_are_harmless(client, site, endpoint, params):
    response = client.get(endpoint, API_PARAMETERS[params])
    assert response.status_code == (400 if (endpoint, params) in REFUSED_PARAMETERS else 200)
    if response.status_code == 400 and endpoint.startswith("/api/"):
        assert_indonesian(response.json()["error"])


@pytest.mark.parametrize("query", QUERIES, ids=list(QUERIES))
def test_tracking_lookup_of_a_hostile_code_finds_nothing(client, site, query):
    response = client.get(tracking_url(site), {"kode": QUERIES[query]})
    assert response.status_code == 404
    assert b"<script>alert(1)" not in response.content


# (what is posted, the text size kept, where the visitor is sent): unknown values fall
# back to the defaults (normal text, normal contrast), foreign redirects to the home page.
PREFERENCES = {
    "text-markup": ({"text": MARKUP[0]}, "normal", "/"),
    "contrast-100kb": ({"contrast": OVERSIZED}, "normal", "/"),
    "text-nul": ({"text": NUL}, "normal", "/"),
    "next-javascript": ({"text": "large", "next": "javascript:alert(1)"}, "large", "/"),
    "next-other-host": ({"text": "large", "next": "//evil.example/"}, "large", "/"),
    "next-backslash": ({"text": "large", "next": "/\\evil.example/"}, "large", "/"),
    "next-nul": ({"text": "large", "next": "/id/\x00"}, "large", "/id/%00"),
    "list": ({"text": ["large", "<script>"]}, "normal", "/"),  # the last value counts
}


@pytest.mark.parametrize("prefs", PREFERENCES, ids=list(PREFERENCES))
def test_display_preferences_keep_only_known_values_and_local_redirects(client, site, prefs):
    data, expected_text, expected_location = PREFERENCES[prefs]
    response = client.post("/preferences/", data)
    assert response.status_code == 302
    assert response["Location"] == expected_location
    cookie = response.cookies["display"].value
    text, contrast = (part.split("=", 1)[1] for part in cookie.split(";"))
    assert (text, contrast) == (expected_text, "normal")
