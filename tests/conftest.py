"""Fixtures shared by every app's tests: locales and a bilingual site root."""

import shutil

from django.conf import settings

from wagtail.models import Locale, Page, Site

import pytest

from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


@pytest.fixture
def home(locales):
    """The Indonesian home page as the default site's root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    page = HomePageFactory(parent=root, slug="beranda", locale=locales["id"])
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = page
    site.hostname = "testserver"
    site.port = 80
    site.save()
    old_root.delete()
    return page


@pytest.fixture
def home_en(home, locales):
    page = home.copy_for_translation(locales["en"]).specific
    page.title = "Home"
    page.hero_heading = "Report to the city"
    page.save_revision().publish()
    return page
