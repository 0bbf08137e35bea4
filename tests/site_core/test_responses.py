"""site_core.responses.render_unindexed: pages opened by a personal link, in the
language of the person it was made for, never listed by search engines."""

from django.test import RequestFactory
from django.utils import translation

import pytest


@pytest.fixture
def page_template(settings, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "personal.html").write_text(
        "{% load i18n %}{% get_current_language as lang %}{{ lang }}: {{ message }}"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder]}]


def test_rendered_in_the_given_language_and_marked_noindex(page_template):
    from site_core.responses import render_unindexed

    request = RequestFactory().get("/id/tiket/abc/")
    with translation.override("id"):
        response = render_unindexed(
            request, "personal.html", {"message": "ticket"}, language="en", status=403
        )
        assert translation.get_language() == "id"  # the page's language is not left behind
    assert response.content.decode() == "en: ticket"
    assert response.status_code == 403
    assert response["X-Robots-Tag"] == "noindex"
    assert "Cache-Control" not in response


def test_without_a_language_the_current_one_is_used_and_no_store_keeps_it_out_of_caches(
    page_template,
):
    from site_core.responses import render_unindexed

    with translation.override("en"):
        response = render_unindexed(
            RequestFactory().get("/"), "personal.html", {"message": "x"}, no_store=True
        )
    assert response.content.decode() == "en: x"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
