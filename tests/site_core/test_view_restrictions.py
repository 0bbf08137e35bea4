"""The public pages' one-query view-restriction check (site_core.routing) finds the
restrictions Wagtail's own two-query lookup finds: on the page, on an ancestor, through an
alias of a restricted page, and none; and a private page still asks for its password."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from site_core.models import InformationPage
from tests.factories import InformationPageFactory

pytestmark = pytest.mark.django_db


def info_page(parent, slug):
    return InformationPageFactory(parent=parent, slug=slug, title=slug.title())


@pytest.fixture
def tree(home):
    section = info_page(home, "bagian")
    return {
        "open": info_page(home, "terbuka"),
        "section": section,
        "under-section": info_page(section, "di-dalam"),
        "restricted": info_page(home, "rahasia"),
    }


def restriction_ids(restrictions):
    return sorted(restriction.pk for restriction in restrictions)


def test_the_same_restrictions_as_wagtail_finds(tree, home):
    PageViewRestriction.objects.create(page=tree["section"], restriction_type="login")
    PageViewRestriction.objects.create(
        page=tree["restricted"], restriction_type="password", password="x"
    )
    alias = tree["restricted"].create_alias(parent=home, update_slug="salinan")
    pages = [*tree.values(), InformationPage.objects.get(pk=alias.pk)]
    for page in pages:
        page = InformationPage.objects.get(pk=page.pk)
        ours = restriction_ids(page.get_view_restrictions())
        assert ours == restriction_ids(Page.get_view_restrictions(page)), page.slug
    assert restriction_ids(InformationPage.objects.get(pk=alias.pk).get_view_restrictions())
    assert not restriction_ids(
        InformationPage.objects.get(pk=tree["open"].pk).get_view_restrictions()
    )
    assert restriction_ids(
        InformationPage.objects.get(pk=tree["under-section"].pk).get_view_restrictions()
    )


def test_one_query_for_a_page_without_restrictions(tree):
    page = InformationPage.objects.get(pk=tree["under-section"].pk)
    with CaptureQueriesContext(connection) as queries:
        assert list(page.get_view_restrictions()) == []
    assert len(queries) == 1


def test_a_private_page_is_still_private(client, tree):
    PageViewRestriction.objects.create(
        page=tree["section"], restriction_type="password", password="rahasia123"
    )
    response = client.get(tree["under-section"].url)
    assert response.status_code == 200
    assert "Di-Dalam" not in response.content.decode()
    assert "password" in response.content.decode().lower()
    assert client.get(tree["open"].url).status_code == 200
