"""Listings and the footer are rendered once per frame version (`{% frame_fragment %}`):
each change they show must appear on the next request, and nothing personal is shared."""

from django.test import Client

from wagtail.models import Site

import pytest

from site_core.models import ContactSettings
from tests.factories import InformationPageFactory, NewsArticlePageFactory, NewsIndexPageFactory
from tests.outreach.factories import (
    EventPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)

pytestmark = pytest.mark.django_db


def _published(page):
    page.save_revision().publish()
    return page


def test_home_and_news_index_show_a_published_article_at_once_and_drop_an_unpublished_one(
    client, home
):
    news = NewsIndexPageFactory(parent=home)
    _published(NewsArticlePageFactory(parent=news, title="Kabar lama"))
    for url in (home.url, news.url):
        assert "Kabar lama" in client.get(url).content.decode()  # now cached
    article = _published(NewsArticlePageFactory(parent=news, title="Kabar terbaru"))
    for url in (home.url, news.url):
        assert "Kabar terbaru" in client.get(url).content.decode()
    article.unpublish()
    for url in (home.url, news.url):
        assert "Kabar terbaru" not in client.get(url).content.decode()


def test_news_index_caches_each_tag_and_page_apart(client, home):
    news = NewsIndexPageFactory(parent=home)
    tagged = NewsArticlePageFactory(parent=news, title="Untuk pelajar")
    tagged.tags.add("pelajar")
    _published(tagged)
    _published(NewsArticlePageFactory(parent=news, title="Untuk semua"))
    assert "Untuk semua" in client.get(news.url).content.decode()
    html = client.get(news.url, {"tag": "pelajar"}).content.decode()
    assert "Untuk pelajar" in html and "Untuk semua" not in html
    assert "Untuk pelajar" not in client.get(news.url, {"tag": "tidak-ada"}).content.decode()


def test_program_pages_show_a_published_event_or_program_at_once(client, home):
    index = ProgramIndexPageFactory(parent=home)
    program = _published(ProgramPageFactory(parent=index, title="Lapor Goes to School"))
    assert "Lapor Goes to School" in client.get(index.url).content.decode()
    client.get(program.url)
    _published(EventPageFactory(parent=program, title="Sosialisasi SMAN 9"))
    assert "Sosialisasi SMAN 9" in client.get(program.url).content.decode()
    program.title = "Lapor Masuk Sekolah"
    _published(program)
    assert "Lapor Masuk Sekolah" in client.get(index.url).content.decode()


def test_a_preview_never_reaches_visitors(client, home):
    """A draft's featured pages show in its preview only: the preview renders every part
    afresh and keeps nothing."""
    info = _published(InformationPageFactory(parent=home, title="Halaman pilihan"))
    assert "Halaman pilihan" not in client.get(home.url).content.decode()
    home.featured_pages = [("page", info)]
    preview = home.make_preview_request()
    assert "Halaman pilihan" in preview.content.decode()
    assert "Halaman pilihan" not in client.get(home.url).content.decode()


def test_footer_shows_new_contact_details_at_once_and_each_visitor_their_own_buttons(client, home):
    assert 'value="normal" aria-pressed="true"' in client.get(home.url).content.decode()
    large = Client()
    large.cookies["display"] = "text=large"
    html = large.get(home.url).content.decode()
    assert 'value="large" aria-pressed="true"' in html
    assert 'value="normal" aria-pressed="false"' in html
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "0511 999 000"
    contact.save()
    html = client.get(home.url).content.decode()
    assert 'href="tel:0511999000"' in html
    assert 'value="normal" aria-pressed="true"' in html
