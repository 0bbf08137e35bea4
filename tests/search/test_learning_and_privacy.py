"""The query log: personal numbers redacted before storage, rows purged after a while,
and answers that learn the words citizens used before opening them."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

import pytest

from search import query_log, services
from search.backends import get_backend
from search.models import AnswerFeedback, LearnedQuery, ZeroResultQuery
from search.privacy import purge_expired, redact

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("NIK 6372011234567890 tidak terdaftar", "NIK [nik] tidak terdaftar"),
        ("kk 6372 0112 3456 7890 hilang", "kk [nik] hilang"),
        ("hubungi saya 081234567890", "hubungi saya [telepon]"),
        ("wa +62 812-3456-7890 ya", "wa [telepon] ya"),
        ("email budi.santoso@example.org lapor", "email [email] lapor"),
        ("sms 1708 tidak terkirim", "sms 1708 tidak terkirim"),
        ("tukang parkir minta 5000", "tukang parkir minta 5000"),
        ("rt 05 rw 03 banjir", "rt 05 rw 03 banjir"),
    ],
)
def test_redact_removes_personal_numbers_and_keeps_the_rest(typed, kept):
    assert redact(typed) == kept


def test_no_personal_number_reaches_any_search_log(kb):
    services.search("NIK 6372011234567890 budi@example.org 081234567890 xyzabc", "id")
    logged = list(Query.objects.values_list("query_string", flat=True)) + list(
        ZeroResultQuery.objects.values_list("query_text", flat=True)
    )
    assert logged, "the query was logged"
    for text in logged:
        assert "6372011234567890" not in text.replace(" ", "")
        assert "081234567890" not in text.replace(" ", "")
        assert "budi" not in text and "example" not in text


def test_purge_deletes_only_rows_older_than_the_retention_period(kb, settings):
    settings.SEARCH_QUERY_LOG_DAYS = 30
    old = timezone.now() - datetime.timedelta(days=31)
    for text in ("lama sekali", "baru saja"):
        query_log.log_query(text, "id", 0)
    ZeroResultQuery.objects.filter(query_text="lama sekali").update(last_seen=old)
    QueryDailyHits.objects.filter(query__query_string="lama sekali").update(date=old.date())
    LearnedQuery.objects.create(page=kb["kb-004"], query_text="gelap gulita", clicks=5)
    LearnedQuery.objects.create(page=kb["kb-004"], query_text="gang gelap", clicks=5)
    LearnedQuery.objects.filter(query_text="gelap gulita").update(last_seen=old)

    deleted = purge_expired()

    assert deleted["zero_result_queries"] == 1 and deleted["learned_queries"] == 1
    assert list(ZeroResultQuery.objects.values_list("query_text", flat=True)) == ["baru saja"]
    assert list(Query.objects.values_list("query_string", flat=True)) == ["baru saja"]
    assert list(LearnedQuery.objects.values_list("query_text", flat=True)) == ["gang gelap"]


def test_purge_command_reports_what_it_deleted(kb, capsys):
    call_command("purge_search_logs")
    assert "Search logs purged" in capsys.readouterr().out


def _click(client, page, query):
    url = reverse("search_click", args=[page.pk])
    response = client.post(f"{url}?q={query}", data="PING", content_type="text/ping")
    assert response.status_code == 204


def test_answer_learns_a_paraphrase_once_enough_searches_agree(client, kb, settings):
    settings.SEARCH_LEARN_MIN_CLICKS = 3
    paraphrase = "gang kami gelap gulita"
    lamp = kb["kb-004"]
    assert lamp.source_id not in [h.source_id for h in get_backend().search(paraphrase).hits]
    _click(client, lamp, paraphrase)
    _click(client, lamp, paraphrase)
    assert lamp.source_id not in [h.source_id for h in get_backend().search(paraphrase).hits]
    _click(client, lamp, paraphrase)
    assert get_backend().search(paraphrase).hits[0].source_id == lamp.source_id


def test_click_with_personal_numbers_is_stored_redacted(client, kb):
    _click(client, kb["kb-002"], "ktp hilang 6372011234567890")
    assert list(LearnedQuery.objects.values_list("query_text", flat=True)) == ["ktp hilang nik"]


def test_results_link_answers_with_a_click_ping(client, kb):
    html = client.get(reverse("search"), {"q": "lampu jalan padam"}).content.decode()
    assert (
        f'ping="{reverse("search_click", args=[kb["kb-004"].pk])}?q=lampu%20jalan%20padam"' in html
    )


def test_project_wide_purge_includes_the_search_logs(kb, settings):
    from site_core.retention import purge_personal_data

    settings.SEARCH_QUERY_LOG_DAYS = 30
    query_log.log_query("lama sekali", "id", 0)
    ZeroResultQuery.objects.update(last_seen=timezone.now() - datetime.timedelta(days=31))
    counted = purge_personal_data(timezone.now(), dry_run=True)["search.privacy.purge"]
    assert counted["search log: zero_result_queries"] == 1
    assert ZeroResultQuery.objects.exists()
    purge_personal_data(timezone.now())
    assert not ZeroResultQuery.objects.exists()


def test_answer_page_is_the_same_for_everyone_and_a_vote_needs_no_token(kb):
    """The search words reach the vote through the browser (answer-feedback.js), never
    through the server-rendered page: a front cache shares one copy with every visitor."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    search_url = "http://testserver" + reverse("search") + "?q=gang+kami+gelap+gulita"
    response = client.get(kb["kb-004"].url, HTTP_REFERER=search_url)
    html = response.content.decode()
    assert "gelap gulita" not in html
    assert f'data-search-query-from="{reverse("search")}"' in html
    assert "csrfmiddlewaretoken" not in html and not response.cookies
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]

    url = reverse("search_answer_feedback", args=[kb["kb-004"].pk])
    vote = client.post(url, {"helpful": "yes", "q": "gang kami gelap gulita"})
    assert vote.status_code == 302
    assert AnswerFeedback.objects.filter(page=kb["kb-004"], helpful=True).count() == 1


def test_helpful_votes_after_a_search_teach_it_like_clicks(client, kb, settings):
    settings.SEARCH_LEARN_MIN_CLICKS = 2
    paraphrase = "gang kami gelap gulita"
    lamp = kb["kb-004"]
    url = reverse("search_answer_feedback", args=[lamp.pk])
    client.post(url, {"helpful": "no", "q": paraphrase})
    client.post(url, {"helpful": "yes", "q": paraphrase})
    assert lamp.source_id not in [h.source_id for h in get_backend().search(paraphrase).hits]
    client.post(url, {"helpful": "yes", "q": f"{paraphrase} 081234567890"})
    client.post(url, {"helpful": "yes", "q": paraphrase})
    assert get_backend().search(paraphrase).hits[0].source_id == lamp.source_id
    assert "telepon" in " ".join(LearnedQuery.objects.values_list("query_text", flat=True))
