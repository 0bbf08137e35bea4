"""The site that answers a request is found in the cache (site_core.site_lookup): no query
per request, and a site added, changed or deleted answers on the next request. Routing
below a page that allows several types keeps the type of each child it found."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

import pytest

from tests.factories import HomePageFactory, InformationPageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

OTHER_HOST = "localhost"


@pytest.fixture
def second_home(home):
    return HomePageFactory(
        parent=Page.get_first_root_node(),
        slug="beranda-kedua",
        locale=home.locale,
        hero_heading="Situs kedua",
    )


def test_a_request_does_not_ask_the_database_for_its_site(client, home):
    client.get(home.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(home.url).status_code == 200
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]


def test_a_site_added_for_a_host_answers_it_at_once_and_its_deletion_too(client, home, second_home):
    assert "Situs kedua" not in client.get("/id/", HTTP_HOST=OTHER_HOST).content.decode()
    site = Site.objects.create(hostname=OTHER_HOST, port=80, root_page=second_home)
    assert "Situs kedua" in client.get("/id/", HTTP_HOST=OTHER_HOST).content.decode()
    site.delete()
    assert "Situs kedua" not in client.get("/id/", HTTP_HOST=OTHER_HOST).content.decode()


def test_a_site_given_another_root_page_serves_it_at_once(client, home, second_home):
    assert "Situs kedua" not in client.get("/id/").content.decode()
    site = Site.objects.get(is_default_site=True)
    site.root_page = second_home
    site.save()
    assert "Situs kedua" in client.get("/id/").content.decode()


def test_a_child_of_another_type_under_a_cached_slug_is_served(client, home):
    """Routing fetches a child as the type cached for its slug; a stale type (here a page
    renamed and another created without a publish, so the frame's cache stays) finds
    nothing and routing falls back to Wagtail's way, never to a 404 or the old page."""
    info = InformationPageFactory(parent=home, slug="layanan", title="Layanan lama")
    assert "Layanan lama" in client.get("/id/layanan/").content.decode()
    Page.objects.filter(pk=info.pk).update(slug="layanan-lama", url_path="/beranda/layanan-lama/")
    NewsIndexPageFactory(parent=home, slug="layanan", title="Kabar layanan")
    response = client.get("/id/layanan/")
    assert response.status_code == 200
    assert "Kabar layanan" in response.content.decode()
