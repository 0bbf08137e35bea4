"""The report form's fields are rendered once per language and preset and reused; what is
per visit (CSRF token, idempotency key, errors, typed values) never is."""

import re

import pytest

from .factories import CategoryFactory

pytestmark = pytest.mark.django_db

SUBMIT = "/id/laporan/kirim/"


def _without_tokens(html):
    html = re.sub(r'name="idempotency_key" value="[^"]+"', "KEY", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)


def _key(html):
    return re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)


def test_reused_fields_render_exactly_as_the_first_time_with_fresh_tokens(client, report_page):
    first = client.get(report_page.url).content.decode()
    second = client.get(report_page.url).content.decode()
    assert _key(first) != _key(second)
    assert _without_tokens(first) == _without_tokens(second)
    assert 'id="id_title"' in second and 'name="consent"' in second


def test_each_language_gets_its_own_fields(client, report_page, home_en, locales):
    english_page = report_page.copy_for_translation(locales["en"])
    english_page.save_revision().publish()
    indonesian = client.get(report_page.url).content.decode()
    english = client.get(english_page.url).content.decode()
    assert "Apa yang terjadi?" in indonesian
    assert "What happened?" not in indonesian
    assert "What happened?" in english
    assert "Apa yang terjadi?" not in english


def test_a_new_topic_shows_on_the_next_visit(client, report_page, category):
    client.get(report_page.url)
    CategoryFactory(name="Jembatan rusak", locale=category.locale)
    html = client.get(report_page.url).content.decode()
    assert "Jembatan rusak" in html


def test_a_renamed_topic_shows_its_new_name(client, report_page, category):
    client.get(report_page.url)
    category.name = "Penerangan jalan umum"
    category.save()
    assert "Penerangan jalan umum" in client.get(report_page.url).content.decode()


def test_an_invalid_post_shows_what_was_typed_and_the_next_visit_is_empty(
    client, report_page, valid_post
):
    client.get(report_page.url)
    response = client.post(SUBMIT, valid_post(title="Jalan berlubang dekat pasar", consent=None))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Jalan berlubang dekat pasar"' in html
    assert "Silakan setujui pemberitahuan privasi untuk mengirim." in html
    fresh = client.get(report_page.url).content.decode()
    assert "Jalan berlubang dekat pasar" not in fresh
    assert "report-form-errors" not in fresh


def test_a_prefilled_question_is_not_shown_to_the_next_visitor(client, report_page):
    asked = client.get(report_page.url + "konsultasi/?q=Cara+mengurus+KTP+hilang").content.decode()
    assert 'value="Cara mengurus KTP hilang"' in asked
    plain = client.get(report_page.url + "konsultasi/").content.decode()
    assert "Cara mengurus KTP hilang" not in plain
