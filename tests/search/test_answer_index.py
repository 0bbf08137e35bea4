"""The in-process answer index: freshness and honest thresholds."""

import pytest

from search import answer_index
from search.query import QueryBuilder
from tests.search.factories import AnswerPageFactory

pytestmark = pytest.mark.django_db


def test_publishing_an_answer_makes_the_index_rebuild(kb, kb_index):
    before = answer_index.get_index("id")
    page = AnswerPageFactory(
        parent=kb_index, title="Cara mengurus izin keramaian", source_id="kb-900"
    )
    page.save_revision().publish()
    after = answer_index.get_index("id")
    assert after is not before
    assert page.pk in after.by_page


def test_large_index_is_rebuilt_in_the_background_while_the_old_one_serves(
    kb, kb_index, settings, monkeypatch
):
    settings.SEARCH_SYNC_REBUILD_MAX_ANSWERS = 2
    started = []
    monkeypatch.setattr(answer_index, "_rebuild_in_background", lambda *args: started.append(args))
    before = answer_index.get_index("id")
    AnswerPageFactory(parent=kb_index, source_id="kb-901").save_revision().publish()
    assert answer_index.get_index("id") is before
    assert started and started[0][0] == "id"


def test_required_coverage_is_lower_for_long_questions():
    assert answer_index.required_coverage(1) == answer_index.required_coverage(2) == 0.5
    assert answer_index.required_coverage(3) > answer_index.required_coverage(4)
    assert answer_index.required_coverage(12) == answer_index.MIN_COVERAGE_LONG


def test_spelling_prefers_the_word_that_forms_a_known_phrase(kb):
    index = answer_index.get_index("id")
    processed = QueryBuilder(spell_checker=index.spell_checker).build("pungutan lair", "id")
    assert processed.corrected == "pungutan liar"


def test_every_backend_reads_the_one_definition_of_field_weights():
    from wagtail.search import index

    from search.fields import ANSWER_FIELD_WEIGHTS, elasticsearch_fields
    from search.models import AnswerPage

    boosts = {}
    for field in AnswerPage.get_search_fields():
        if isinstance(field, index.SearchField) and field.boost:
            boosts[field.field_name] = field.boost
        if isinstance(field, index.RelatedFields):
            for inner in field.fields:
                boosts[field.field_name] = inner.boost
    expected = {
        "title": ANSWER_FIELD_WEIGHTS["title"],
        "short_answer": ANSWER_FIELD_WEIGHTS["short_answer"],
        "body": ANSWER_FIELD_WEIGHTS["body"],
        "tags": ANSWER_FIELD_WEIGHTS["tags"],
        "category": ANSWER_FIELD_WEIGHTS["category"],
    }
    assert boosts == expected
    title_fields = [
        field
        for field in AnswerPage.get_search_fields()
        if type(field) is index.SearchField and field.field_name == "title"
    ]
    assert len(title_fields) == 1
    assert "title^3" in elasticsearch_fields() and "tags^2" in elasticsearch_fields()
