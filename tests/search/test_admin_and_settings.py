"""Editors' reports, the synonym cache, and production settings with Elasticsearch."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from search import synonyms
from search.models import AnswerFeedback, Synonym, ZeroResultQuery
from search.query import QueryBuilder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "e@example.com", "pw-123456789")
    client.force_login(user)
    return client


def test_zero_result_report_lists_failed_queries(admin_client):
    ZeroResultQuery.objects.create(query_text="jadwal bioskop", language_code="id", hits=4)
    response = admin_client.get(reverse("search_zero_results"))
    assert response.status_code == 200
    assert "jadwal bioskop" in response.content.decode()


def test_least_helpful_report_lists_answers_marked_unhelpful(admin_client, kb):
    AnswerFeedback.objects.create(page=kb["kb-003"], helpful=False)
    AnswerFeedback.objects.create(page=kb["kb-003"], helpful=True)
    response = admin_client.get(reverse("search_least_helpful"))
    assert response.status_code == 200
    assert kb["kb-003"].title in response.content.decode()


def test_reports_are_refused_to_people_without_permission(client, db):
    user = get_user_model().objects.create_user("citizen", password="pw-123456789")
    client.force_login(user)
    url = reverse("search_zero_results")
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={url}")


def test_synonym_edits_reach_the_query_builder(db):
    synonyms.invalidate()
    assert not QueryBuilder().build("samling", "id").concepts[0].phrases.get(("tilang",))
    Synonym.objects.create(terms="samling, tilang", language_code="id")
    concept = QueryBuilder().build("samling", "id").concepts[0]
    assert ("tilang",) in concept.phrases


def test_seeded_synonyms_cover_common_abbreviations(db):
    groups = synonyms.groups_for("id")
    flat = {" ".join(term) for group in groups for term in group}
    for term in ("ktp", "kartu keluarga", "pungutan liar", "spmb", "lampu jalan", "damkar"):
        assert term in flat


PRODUCTION_SCRIPT = """
import django
django.setup()
from django.conf import settings
from search.backends import get_backend
from search.backends.elasticsearch import client
from search.query import QueryBuilder
backend = get_backend()
assert backend.name == "elasticsearch", backend.name
client()  # configures the connection; nothing is sent
groups = [[("pju",), ("lampu", "jalan")]]
backend.query_builder = QueryBuilder(spell_checker=None, synonym_groups=groups)
processed, search = backend.build_search("PJU mati gmn", "id", {"category": "infrastruktur"})
body = search.to_dict()
assert body["query"]["bool"]["must"][0]["bool"]["should"], body
assert body["aggs"]["category"]["terms"]["field"] == "category"
assert "<mark>" in body["highlight"]["pre_tags"]
assert search._index == ["lapor-ci-answers-id"], search._index
# Valid words need no spelling request, and the in-process index is never built.
from search import answer_index
from search.backends.elasticsearch import ElasticsearchSpellChecker
assert ElasticsearchSpellChecker.ask("lampu jalan mati", "id").fixes == {}
assert answer_index._indexes == {}, "the Elasticsearch backend built the in-process index"
suggest = backend.suggest_search("akta kel", "id").to_dict()
assert suggest["suggest"]["titles"]["completion"]["field"] == "suggest"
print("ok")
"""


def test_production_settings_with_elasticsearch_build_queries_without_a_server():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "lapor.example.org",
        "RECAPTCHA_PUBLIC_KEY": "public-key-for-ci",
        "RECAPTCHA_PRIVATE_KEY": "private-key-for-ci",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",
        "ELASTICSEARCH_INDEX_PREFIX": "lapor-ci",
        "DATABASE_URL": "sqlite:////tmp/unused-search-ci.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_synonym_needs_two_terms_and_a_known_language(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Synonym(terms="ktp").clean()
    with pytest.raises(ValidationError):
        Synonym(terms="ktp, e-ktp", language_code="xx").clean()
    Synonym(terms="ktp, e-ktp", language_code="id").clean()
