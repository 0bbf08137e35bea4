"""The Elasticsearch backend applies the in-process index's rules (no server needed: these
tests read the request the backend builds): an aspect word's family only ranks, an answer
must meet a topic word, and an acronym no answer contains raises the coverage needed."""

import json

from search.backends.elasticsearch import (
    ElasticsearchSearchBackend,
    ElasticsearchSpellChecker,
    spelling_search,
)
from search.query import QueryBuilder


def query_body(text, spell_checker=None, language="id"):
    backend = ElasticsearchSearchBackend(
        QueryBuilder(spell_checker=spell_checker or ElasticsearchSpellChecker(), synonym_groups=[])
    )
    _processed, search = backend.build_search(text, language)
    return search.to_dict()["query"]["bool"]


def says(clause, word):
    return f'"{word}"' in json.dumps(clause) or f'"{word} ' in json.dumps(clause)


def test_a_family_word_ranks_but_never_counts_as_a_met_concept():
    query = query_body("bikin kk bayar ga")
    counted = query["must"][0]["bool"]
    assert any(says(clause, "bayar") for clause in counted["should"])
    assert not any(says(clause, "biaya") for clause in counted["should"])
    assert any(says(clause, "biaya") and says(clause, "gratis") for clause in query["should"])


def test_an_answer_must_meet_a_topic_word_when_the_query_has_one():
    query = query_body("harga cabai di pasar")
    topic = query["must"][1]["bool"]
    assert topic["minimum_should_match"] == 1
    assert any(says(clause, "cabai") for clause in topic["should"])
    assert not any(says(clause, "harga") for clause in topic["should"])


def test_a_query_of_aspect_words_only_needs_no_topic_word():
    assert len(query_body("jadwal harga")["must"]) == 1


def test_the_spelling_request_asks_whether_any_answer_has_an_unknown_acronym():
    search, acronyms = spelling_search("pendaftaran kuliah ulm jalur mandiri", "id")
    assert acronyms == ["ulm"]
    assert search.to_dict()["aggs"]["answers_with_ulm"] == {"filter": {"term": {"spelling": "ulm"}}}
    assert spelling_search("pendaftaran kuliah jalur mandiri", "id") == (None, [])


def test_an_acronym_is_unknown_only_when_no_answer_has_it():
    def checker(doc_count):
        raw = {"aggregations": {"answers_with_ulm": {"doc_count": doc_count}}}
        return ElasticsearchSpellChecker.from_response(raw, ["ulm"])

    assert not checker(0).knows("ulm", "id")
    assert checker(3).knows("ulm", "id")


def test_an_acronym_no_answer_has_raises_the_concepts_an_answer_must_meet():
    text = "pendaftaran kuliah ulm jalur mandiri"
    lacking = ElasticsearchSpellChecker(absent={"ulm"})
    # Five concepts: half of them (not the quarter a long query needs) must be met.
    assert query_body(text, lacking)["must"][0]["bool"]["minimum_should_match"] == 2
    assert query_body(text)["must"][0]["bool"]["minimum_should_match"] == 1


def window(settings, embeddings, **kwargs):
    settings.SEARCH_EMBEDDINGS = embeddings
    backend = ElasticsearchSearchBackend(
        QueryBuilder(spell_checker=ElasticsearchSpellChecker(), synonym_groups=[])
    )
    body = backend.build_search("ktp hilang", "id", page_size=10, **kwargs)[1].to_dict()
    return body.get("from", 0), body["size"]


def test_the_first_pages_ask_for_every_hit_the_embedding_model_may_reorder(settings):
    """The model reorders the first 20 hits (search.semantic): pages 1 and 2 are cut from
    them after the blend, so the request asks for all 20; later pages, a category's page
    and search without the model ask for their own window."""
    assert window(settings, True) == (0, 20)
    assert window(settings, True, page=2) == (0, 20)
    assert window(settings, True, page=3) == (20, 10)
    assert window(settings, True, filters={"category": "kependudukan"}) == (0, 10)
    assert window(settings, False) == (0, 10)
    assert window(settings, False, page=2) == (10, 10)
