"""Site search covers news, information and program pages, saying what each result is;
a search without results carries the question into the consultation form."""

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

import pytest

from tests.complaint_forms.factories import ReportPageFactory
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_news(kb, home):
    news_index = NewsIndexPageFactory(parent=home)
    news_index.save_revision().publish()
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Banjarbaru meraih predikat kota pelayanan publik terbaik",
        summary="Pemerintah kota menerima predikat dari Ombudsman.",
    )
    article.tags.add("penghargaan")
    article.save_revision().publish()
    # The worker indexes a published page after its transaction commits; the tests'
    # immediate task backend runs inside post_save, before modelcluster writes the tags.
    call_command("update_index", verbosity=0)
    return article


def test_search_finds_news_by_its_tag_and_says_it_is_news(client, tagged_news):
    with translation.override("id"):
        url = reverse("search")
        label = str(type(tagged_news)._meta.verbose_name).capitalize()
    html = client.get(url, {"q": "penghargaan"}).content.decode()
    assert tagged_news.url in html
    hit = html.split(tagged_news.url)[1].split("</li>")[0]
    assert f'<p class="meta">{label}</p>' in hit


def test_api_gives_the_kind_of_each_page(client, tagged_news):
    data = client.get(reverse("search_api"), {"q": "penghargaan", "lang": "id"}).json()
    news = next(r for r in data["results"] if r["url"] == tagged_news.url)
    assert news["type"] == "page"
    assert news["kind"]


def test_no_result_search_carries_the_question_into_the_consultation_form(client, kb, home):
    ReportPageFactory(parent=home).save_revision().publish()
    with translation.override("id"):
        search_url = reverse("search")
    html = client.get(search_url, {"q": "izin pesta kembang api"}).content.decode()
    link = html.split('class="button" href="')[1].split('"')[0].replace("&amp;", "&")
    assert link.endswith("?q=izin+pesta+kembang+api")
    form_page = client.get(link, follow=True)
    form_html = form_page.content.decode()
    with translation.override("id"):
        heading = translation.gettext("Ask a question")
    assert f"<h1>{heading}</h1>" in form_html
    assert 'value="izin pesta kembang api"' in form_html
