"""The public search page, the JSON API, suggestions and answer feedback."""

from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from search.models import AnswerFeedback, ZeroResultQuery

pytestmark = pytest.mark.django_db


def test_search_page_lists_answers_with_marked_matches_and_noindex(client, kb):
    response = client.get("/id/cari/", {"q": "ktp hilang"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert "<mark>KTP</mark>" in html
    assert kb["kb-002"].url in html


def test_search_page_escapes_what_the_citizen_typed(client, kb):
    response = client.get("/id/cari/", {"q": '<script>alert("x")</script> ktp'})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_zero_results_offer_consultation_and_are_logged(client, kb):
    response = client.get("/id/cari/", {"q": "jadwal bioskop malam minggu"})
    html = response.content.decode()
    # The complaint form, as a question, with what the citizen searched for.
    assert 'href="/id/laporan/konsultasi/?q=jadwal+bioskop+malam+minggu"' in html
    logged = ZeroResultQuery.objects.get(language_code="id")
    assert logged.query_text == "jadwal bioskop malam minggu"
    client.get("/id/cari/", {"q": "Jadwal bioskop malam minggu!"})
    logged.refresh_from_db()
    assert logged.hits == 2


def test_every_query_counts_in_wagtail_search_terms(client, kb):
    client.get("/id/cari/", {"q": "akta kelahiran"})
    assert Query.objects.get(query_string="akta kelahiran").hits == 1


def test_promoted_result_comes_first(client, kb):
    query = Query.get("akta kelahiran")
    SearchPromotion.objects.create(query=query, page=kb["kb-005"], sort_order=0)
    response = client.get("/api/search/", {"q": "akta kelahiran", "lang": "id"})
    results = response.json()["results"]
    assert results[0]["source_id"] == "kb-005" and results[0]["promoted"] is True
    assert results[1]["source_id"] == "kb-003"


def test_category_and_type_filters_on_the_page(client, kb):
    response = client.get("/id/cari/", {"q": "laporkan", "category": "infrastruktur"})
    html = response.content.decode()
    assert kb["kb-004"].url in html
    assert kb["kb-001"].url not in html


def test_search_page_without_query_shows_only_the_form(client, kb):
    response = client.get("/id/cari/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_json_api_returns_ranked_answers_with_source_id(client, kb):
    response = client.get("/api/search/", {"q": "pungli kelurahan", "lang": "id"})
    data = response.json()
    assert response.status_code == 200
    first = data["results"][0]
    assert first["source_id"] == "kb-001"
    assert first["type"] == "answer"
    assert first["url"] == kb["kb-001"].url
    assert "<mark>" in first["snippet"]
    assert data["facets"]["category"][0]["slug"] == "pengaduan"


def test_json_api_english(client, kb):
    data = client.get("/api/search/", {"q": "lost e-ktp", "lang": "en"}).json()
    assert data["results"][0]["source_id"] == "kb-002"
    assert data["results"][0]["url"].startswith("/en/")


def test_json_api_rejects_unknown_language_and_empty_query(client, kb):
    assert client.get("/api/search/", {"q": "ktp", "lang": "xx"}).status_code == 400
    assert client.get("/api/search/", {"q": " ", "lang": "id"}).status_code == 400


def test_json_api_empty_result_points_to_consultation(client, kb):
    data = client.get("/api/search/", {"q": "jadwal bioskop malam", "lang": "id"}).json()
    assert data["results"] == [] and data["consultation_url"]


def test_suggest_endpoint_completes_titles(client, kb):
    response = client.get("/api/search/suggest/", {"q": "akta kel", "lang": "id"})
    data = response.json()
    assert data["suggestions"][0]["title"] == kb["kb-003"].title
    assert data["suggestions"][0]["url"] == kb["kb-003"].url


def test_suggest_endpoint_needs_two_characters(client, kb):
    assert client.get("/api/search/suggest/", {"q": "a", "lang": "id"}).json()["suggestions"] == []


def test_feedback_is_stored_without_login(client, kb):
    page = kb["kb-002"]
    url = reverse("search_answer_feedback", args=[page.pk])
    response = client.post(url, {"helpful": "no", "comment": "Kurang jelas"})
    assert response.status_code == 302
    assert response["Location"].endswith("?feedback=thanks#feedback")
    feedback = AnswerFeedback.objects.get()
    assert feedback.page_id == page.pk and feedback.helpful is False
    assert 'role="status"' in client.get(response["Location"]).content.decode()


def test_feedback_without_choice_gets_an_error_and_stores_nothing(client, kb):
    url = reverse("search_answer_feedback", args=[kb["kb-002"].pk])
    response = client.post(url, {"comment": "x"})
    assert response.status_code == 400
    assert 'id="feedback-helpful-error"' in response.content.decode()
    assert not AnswerFeedback.objects.exists()


def test_feedback_is_rate_limited(client, kb, settings):
    settings.SEARCH_FEEDBACK_RATE = "2/h"
    url = reverse("search_answer_feedback", args=[kb["kb-002"].pk])
    statuses = [client.post(url, {"helpful": "yes"}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert AnswerFeedback.objects.count() == 2


def test_answer_page_shows_feedback_form_and_related_answers(client, kb):
    response = client.get(kb["kb-002"].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="{}"'.format(reverse("search_answer_feedback", args=[kb["kb-002"].pk])) in html
    assert 'id="related-heading"' in html


def test_search_page_query_budget(client, kb, settings, django_assert_max_num_queries):
    """The whole page within the site budget of 15; logging runs as a background task."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.get("/id/cari/", {"q": "ktp"})  # builds the in-process index once
    with django_assert_max_num_queries(15):
        response = client.get("/id/cari/", {"q": "laporan pungli"})
    assert response.status_code == 200


def test_answer_page_query_budget(client, kb, django_assert_max_num_queries):
    """Related links, category and unit included, within the site budget of 15."""
    client.get(kb["kb-001"].url)
    with django_assert_max_num_queries(15):
        response = client.get(kb["kb-002"].url)
    assert response.status_code == 200


def test_index_page_query_budget_and_category_filter(
    client, kb, kb_index, django_assert_max_num_queries
):
    client.get(kb_index.url)
    with django_assert_max_num_queries(15):
        response = client.get(kb_index.url, {"category": "kependudukan"})
    html = response.content.decode()
    assert kb["kb-003"].url in html and kb["kb-001"].url not in html


def test_english_index_page_query_budget_with_answers_only_in_indonesian(
    client, kb, kb_index, django_assert_max_num_queries
):
    """The translated index also counts the answers not translated yet (its costliest
    part, missed while only the Indonesian index was measured)."""
    index_en = kb_index.get_translation(kb["en:kb-002"].locale)
    client.get(index_en.url)
    with django_assert_max_num_queries(15):
        response = client.get(index_en.url)
    html = response.content.decode()
    assert "3 more answers are available only in Indonesian." in html
    assert f'<a href="{kb_index.url}" hreflang="id">' in html
    assert kb["en:kb-002"].url in html and kb["kb-001"].url not in html


def test_index_listing_follows_publishing_categories_and_privacy_at_once(
    client, kb, kb_index, home
):
    """The index's listing is cached with the site frame: a new answer, an edited title, a
    renamed category, an unpublished answer and a private index show on the next request,
    and an unpublished draft does not."""
    from wagtail.models import PageViewRestriction

    from tests.search.factories import AnswerPageFactory

    client.get(kb_index.url)  # cached
    new = AnswerPageFactory(parent=kb_index, title="Bagaimana cara mengurus akta kelahiran?")
    new.save_revision().publish()
    assert new.url in client.get(kb_index.url).content.decode()
    answer = kb["kb-001"]
    answer.title = "Judul draf belum terbit"
    answer.save_revision()
    assert "Judul draf belum terbit" not in client.get(kb_index.url).content.decode()
    answer.get_latest_revision().publish()
    assert "Judul draf belum terbit" in client.get(kb_index.url).content.decode()
    category = kb["kb-003"].category
    category.name = "Administrasi kependudukan"
    category.save()
    assert ">Administrasi kependudukan</a>" in client.get(kb_index.url).content.decode()
    new.unpublish()
    assert new.url not in client.get(kb_index.url).content.decode()
    private = kb["kb-002"]
    assert private.url in client.get(kb_index.url).content.decode()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    html = client.get(kb_index.url).content.decode()
    assert private.url not in html and answer.url in html


def test_related_answers_follow_a_published_title_and_an_unpublished_answer_at_once(client, kb):
    """Related answers are cached under the search index's version: the chosen answer's
    new title shows once it is published, and an unpublished one leaves the list."""
    from search.models import RelatedAnswer

    page, chosen = kb["kb-001"], kb["kb-002"]
    RelatedAnswer.objects.create(source=page, page=chosen, sort_order=0)
    assert chosen.title in client.get(page.url).content.decode()
    chosen.title = "Bagaimana mengganti e-KTP yang hilang dengan cepat?"
    chosen.save_revision()
    assert chosen.title not in client.get(page.url).content.decode()  # a draft only
    chosen.get_latest_revision().publish()
    assert chosen.title in client.get(page.url).content.decode()
    chosen.unpublish()
    assert chosen.url not in client.get(page.url).content.decode()


def test_header_include_renders_labelled_form(rf, kb):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("id"):
        html = render_to_string("search/includes/header_search.html", {})
    assert '<label class="visually-hidden" for="header-search-q">' in html
    assert 'action="/id/cari/"' in html
