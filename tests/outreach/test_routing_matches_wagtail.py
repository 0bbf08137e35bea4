"""The outreach pages' query savings on Wagtail internals (`SpecificChildRouteMixin`, the
one-query `public()`) answer exactly as Wagtail's own code does: the same page routed, the
same pages listed, for live, unpublished, private and translated pages."""

from django.http import Http404
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

import pytest

from outreach.models import EventPage, ProgramIndexPage, ProgramPage
from outreach.models.routing import SpecificChildRouteMixin
from tests.outreach.factories import EventPageFactory, ProgramPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(program_index, school_program, locales, home_en):
    """Events and programs in every state Wagtail's routing and privacy treat apart."""
    private_program = ProgramPageFactory(parent=program_index, slug="tertutup")
    PageViewRestriction.objects.create(page=private_program, restriction_type="login")
    pages = {
        "live": EventPageFactory(parent=school_program, slug="terbuka"),
        "draft": EventPageFactory(parent=school_program, slug="draf", live=False),
        "private": EventPageFactory(parent=school_program, slug="rahasia"),
        "under-private": EventPageFactory(parent=private_program, slug="di-dalam"),
    }
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="password")
    english_index = program_index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    english_program = school_program.copy_for_translation(locales["en"])
    english_program.slug = "to-school"
    english_program.save_revision().publish()
    english_event = pages["live"].copy_for_translation(locales["en"], copy_parents=False)
    english_event.slug = "open"
    english_event.save_revision().publish()
    pages["english"] = english_event
    return {
        "index": ProgramIndexPage.objects.get(pk=program_index.pk),
        "english_index": ProgramIndexPage.objects.get(pk=english_index.pk),
        "private_program": private_program,
        **pages,
    }


def _wagtail_route(page, request, components):
    """Wagtail's routing for `page`, without the outreach shortcut."""
    return super(SpecificChildRouteMixin, page).route(request, components)


def _outcome(route):
    try:
        result = route()
    except Http404:
        return "404"
    # A routable page's result names its view as a bound method: compare the method's name.
    args = tuple(arg.__name__ if callable(arg) else arg for arg in result.args)
    return (type(result.page), result.page.pk, args, result.kwargs)


PATHS = [
    ["goes-to-school"],
    ["goes-to-school", "terbuka"],
    ["goes-to-school", "terbuka", "register"],
    ["goes-to-school", "draf"],
    ["goes-to-school", "rahasia"],
    ["goes-to-school", "tidak-ada"],
    ["goes-to-school", "request-session"],
    ["goes-to-school", "thanks", "school"],
    ["tertutup"],
    ["tertutup", "di-dalam"],
    ["events"],
    ["verify"],
    ["tidak-ada"],
    ["to-school", "open"],
]


@pytest.mark.parametrize("components", PATHS, ids=["/".join(p) for p in PATHS])
@pytest.mark.parametrize("index_name", ["index", "english_index"])
def test_routing_finds_the_page_wagtail_finds(tree, components, index_name):
    request = RequestFactory().get("/")
    index = ProgramIndexPage.objects.get(pk=tree[index_name].pk)
    fresh = ProgramIndexPage.objects.get(pk=tree[index_name].pk)
    assert _outcome(lambda: index.route(request, list(components))) == _outcome(
        lambda: _wagtail_route(fresh, request, list(components))
    )


def test_a_routed_event_carries_its_default_language_version(tree, django_assert_num_queries):
    request = RequestFactory().get("/")
    english_index = ProgramIndexPage.objects.get(pk=tree["english_index"].pk)
    with translation.override("en"):
        routed = english_index.route(request, ["to-school", "open"]).page
    assert routed.pk == tree["english"].pk
    with django_assert_num_queries(0):
        assert routed.canonical().pk == tree["live"].pk


def test_a_default_language_event_is_its_own_source_without_a_lookup(
    tree, django_assert_num_queries
):
    request = RequestFactory().get("/")
    index = ProgramIndexPage.objects.get(pk=tree["index"].pk)
    with translation.override("id"):
        routed = index.route(request, ["goes-to-school", "terbuka"]).page
    assert routed.pk == tree["live"].pk
    with django_assert_num_queries(0):
        assert routed.canonical() is routed


@pytest.mark.parametrize("model", [EventPage, ProgramPage])
def test_public_lists_the_pages_wagtail_lists(tree, model):
    ours = model.objects.public()
    wagtails = PageQuerySet.public(model.objects.all())
    assert set(ours.values_list("pk", flat=True)) == set(wagtails.values_list("pk", flat=True))
    assert set(ours.live().values_list("pk", flat=True)) == set(
        wagtails.live().values_list("pk", flat=True)
    )


def test_public_leaves_out_private_pages_and_what_is_below_them(tree):
    public = set(EventPage.objects.public().values_list("slug", flat=True))
    assert {"terbuka", "draf", "open"} <= public
    assert not {"rahasia", "di-dalam"} & public
