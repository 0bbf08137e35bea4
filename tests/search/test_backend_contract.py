"""The contract every search backend keeps (the same tests run on each).

The Elasticsearch run needs a server: it runs where ELASTICSEARCH_URL is set.
"""

import os

from django.core.management import call_command

import pytest

from search.backends import get_backend
from search.models import Synonym

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")

BACKENDS = [
    pytest.param("search.backends.database.DatabaseSearchBackend", id="database"),
    pytest.param(
        "search.backends.elasticsearch.ElasticsearchSearchBackend",
        id="elasticsearch",
        marks=[
            pytest.mark.elasticsearch,
            pytest.mark.skipif(
                not ES_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch server here"
            ),
        ],
    ),
]


@pytest.fixture(params=BACKENDS)
def backend(request, kb, settings):
    settings.SEARCH_BACKEND = request.param
    if "elasticsearch" in request.param:
        settings.ELASTICSEARCH_URL = ES_URL
        settings.ELASTICSEARCH_INDEX_PREFIX = "lapor-test"
        call_command("rebuild_search_index")
    return get_backend(request.param)


def source_ids(results):
    return [hit.source_id for hit in results.hits if hit.type == "answer"]


def test_finds_answer_through_other_word_forms(backend):
    """'pelapor'/'melaporkan' meet 'laporan' (stemming)."""
    results = backend.search("memantau laporan", "id")
    assert source_ids(results)[0] == "kb-005"


def test_informal_query_finds_answer(backend):
    results = backend.search("gmn ngurus ktp ilang", "id")
    assert source_ids(results)[0] == "kb-002"


def test_abbreviation_expands_through_synonym_snippet(backend):
    """'pju' is not in the answer text; the synonym list says it is 'lampu jalan'."""
    Synonym.objects.create(terms="pju, lampu jalan, penerangan jalan umum", language_code="id")
    results = backend.search("pju padam", "id")
    assert "kb-004" in source_ids(results)[:3]


def test_typo_is_corrected_and_offered_as_did_you_mean(backend):
    results = backend.search("akta kelahran", "id")
    assert source_ids(results)[0] == "kb-003"
    assert results.suggestion == "akta kelahiran"


def test_query_about_uncovered_topic_returns_nothing(backend):
    results = backend.search("jadwal bioskop malam minggu", "id")
    assert source_ids(results) == []


def test_results_carry_category_facets(backend):
    results = backend.search("laporan", "id")
    slugs = {slug for slug, _name, _count in results.facets["category"]}
    assert "pengaduan" in slugs


def test_category_filter_limits_answers(backend):
    results = backend.search("laporkan", "id", filters={"category": "infrastruktur"})
    assert source_ids(results) == ["kb-004"]


def test_snippets_mark_matches_and_escape_text(backend, kb):
    page = kb["kb-001"]
    page.short_answer = "Laporkan <b>pungli</b> & simpan bukti."
    page.save_revision().publish()
    results = backend.search("pungli", "id")
    hit = next(h for h in results.hits if h.source_id == "kb-001")
    snippet = str(hit.snippet)
    assert "<mark>pungli</mark>" in snippet
    assert "&lt;b&gt;" in snippet and "<b>" not in snippet


def test_english_query_searches_english_answers(backend):
    results = backend.search("tracking my report", "en")
    assert source_ids(results)[0] == "kb-005"
    assert all("/en/" in hit.url for hit in results.hits)


def test_unpublished_answer_disappears(backend, kb):
    kb["kb-003"].unpublish()
    assert "kb-003" not in source_ids(backend.search("akta kelahiran", "id"))


def test_suggest_completes_the_last_word(backend):
    suggestions = backend.suggest("akta kel", "id")
    assert suggestions[0]["source_id"] == "kb-003"
    assert suggestions[0]["url"].startswith("/id/")
