"""Page types: where editors may create them, and that each renders in both languages."""

import re

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from site_core.models import HomePage, InformationPage, NewsArticlePage, NewsIndexPage
from tests.factories import (
    InformationPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_information_pages_live_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(InformationPage, {HomePage, InformationPage})

    def test_news_articles_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())

    def test_news_index_holds_only_articles(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertCanNotCreateAt(InformationPage, NewsIndexPage)


@pytest.fixture
def pages(home, home_en, locales):
    info = InformationPageFactory(parent=home, slug="cara-melapor", title="Cara melapor")
    news = NewsIndexPageFactory(parent=home)
    article = NewsArticlePageFactory(parent=news, slug="kabar", title="Kabar baik")
    translated = {}
    for page in (info, news, article):
        copy = page.copy_for_translation(locales["en"], copy_parents=False).specific
        copy.title = f"EN {page.title}"
        copy.save_revision().publish()
        translated[page.pk] = copy
    return {"info": info, "news": news, "article": article, "en": translated}


@pytest.mark.parametrize("name", ["info", "news", "article"])
def test_every_page_type_renders_in_indonesian_and_english(client, pages, name):
    page = pages[name]
    response = client.get(page.url)
    assert response.status_code == 200
    assert response.content.decode().count(f"<h1>{page.title}</h1>") == 1
    assert '<html lang="id"' in response.content.decode()

    english = pages["en"][page.pk]
    response = client.get(english.url)
    assert response.status_code == 200
    assert f"<h1>EN {page.title}</h1>" in response.content.decode()
    assert '<html lang="en"' in response.content.decode()


def test_home_page_renders_in_both_languages(client, home, home_en):
    assert home.url == "/id/"
    assert home_en.url == "/en/"
    id_html = client.get("/id/").content.decode()
    en_html = client.get("/en/").content.decode()
    assert home.hero_heading in id_html
    assert "Report to the city" in en_html
    assert "Lewati ke konten utama" in id_html  # translated skip link
    assert "Skip to main content" in en_html


def test_language_switch_links_to_the_translation(client, pages):
    html = client.get("/id/cara-melapor/").content.decode()
    english = pages["en"][pages["info"].pk]
    assert f'href="{english.url}" hreflang="en"' in html
    assert f'hreflang="en" href="http://testserver{english.url}"' in html


def test_language_switch_falls_back_to_home_without_translation(client, home, home_en):
    page = InformationPageFactory(parent=home, slug="hanya-indonesia")
    html = client.get(page.url).content.decode()
    assert 'href="/en/" hreflang="en"' in html
    # No hreflang alternate for a language that has no translation of this page.
    assert 'hreflang="en" href=' not in html


def test_news_index_headings_do_not_skip_a_level(client, home):
    """Wagtail's accessibility checker in the editor flagged h1 followed by h3 cards."""
    news = NewsIndexPageFactory(parent=home)
    NewsArticlePageFactory(parent=news, title="Artikel satu")
    html = client.get(news.url).content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html.split("<main", 1)[1])]
    assert levels[:2] == [1, 2]
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_news_index_filters_by_tag_and_paginates(client, home):
    news = NewsIndexPageFactory(parent=home)
    for number in range(12):
        article = NewsArticlePageFactory(parent=news, title=f"Artikel {number:02d}")
        if number < 3:
            article.tags.add("pelajar")
            article.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert html.count('class="card"') == 10
    assert "Halaman 1 dari 2" in html
    html = client.get(news.url, {"page": 2}).content.decode()
    assert html.count('class="card"') == 2
    html = client.get(news.url, {"tag": "pelajar"}).content.decode()
    assert html.count('class="card"') == 3
    # Nonsense page numbers show a page rather than an error.
    assert client.get(news.url, {"page": "abc"}).status_code == 200
    assert client.get(news.url, {"page": "999"}).status_code == 200


def _breadcrumbs(client, page):
    html = client.get(page.url).content.decode()
    return html.split('class="breadcrumbs container"')[1].split("</nav>")[0]


def test_breadcrumbs_follow_a_renamed_or_moved_ancestor_at_once(client, home):
    """Breadcrumbs come from the frame's cache: an ancestor's new title shows as soon as it
    is published (a draft does not), and a moved page shows its new place."""
    section = InformationPageFactory(parent=home, slug="layanan", title="Layanan")
    child = InformationPageFactory(parent=section, slug="ktp", title="KTP")
    crumbs = _breadcrumbs(client, child)
    assert f'<a href="{section.url}">Layanan</a>' in crumbs
    section.title = "Layanan Publik"
    section.save_revision()
    assert "Layanan Publik" not in _breadcrumbs(client, child)  # a draft only
    section.get_latest_revision().publish()
    assert f'<a href="{section.url}">Layanan Publik</a>' in _breadcrumbs(client, child)
    child.move(home, pos="last-child")
    child.refresh_from_db()
    crumbs = _breadcrumbs(client, child)
    assert "Layanan" not in crumbs and '<span aria-current="page">KTP</span>' in crumbs


def test_one_query_routing_below_a_one_type_page_matches_wagtail(client, home, rf):
    """Below a page that allows one child type the child is fetched as that type at once;
    it routes exactly as Wagtail's own routing does for live, draft and missing children
    and for grandchildren."""
    from wagtail.models import Page as WagtailPage

    section = InformationPageFactory(parent=home, slug="panduan")
    live = InformationPageFactory(parent=section, slug="hidup")
    grandchild = InformationPageFactory(parent=live, slug="cucu")
    draft = InformationPageFactory(parent=section, slug="draf")
    draft.unpublish()
    request = rf.get("/")
    for path in (["hidup"], ["hidup", "cucu"]):
        ours = section.route(request, path).page
        wagtails = WagtailPage.route(section, request, path).page
        assert ours == wagtails and type(ours) is InformationPage
    assert section.route(request, ["hidup", "cucu"]).page.get_parent() == live
    assert client.get(grandchild.url).status_code == 200
    assert client.get(draft.url).status_code == 404
    assert client.get(section.url + "tidak-ada/").status_code == 404
