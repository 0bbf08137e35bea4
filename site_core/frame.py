"""The page frame (menus, footer) changes rarely but is on every page: cache its data per
site and language, and drop the cache whenever pages or the frame's settings change."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .frame_version import TIMEOUT, versioned_key
from .frame_version import versions as _versions

VERSION_KEY = _versions.version_key
_CREATED_EMPTY = set()


def _version():
    return _versions.version()


def invalidate(sender=None, created=False, **_kwargs):
    if created and sender in _CREATED_EMPTY:
        return  # settings rows are created on first read, holding nothing cached yet
    _versions.bump()


def cached(name, site, builder):
    """`builder(locale)` for the active language, from the cache when it is fresh."""
    language = translation.get_language()
    key = versioned_key(f"{name}:{site.pk if site else 0}:{language}")
    value = cache.get(key)
    if value is None:
        value = builder(Locale.get_active())
        cache.set(key, value, TIMEOUT)
    return value


def localized_links(links, locale):
    """Each linked page in `locale` (title, URL, tree path), fetched in one query."""
    keys = [link.page.translation_key for link in links]
    pages = {
        page.translation_key: page
        for page in Page.objects.live().public().filter(translation_key__in=keys, locale=locale)
    }
    return [
        {"title": pages[key].title, "url": pages[key].url, "path": pages[key].path}
        for key in keys
        if key in pages
    ]


def connect_signals():
    from .models import (
        ContactSettings,
        FooterNavigationLink,
        FooterText,
        MainNavigationLink,
        NavigationSettings,
    )

    _CREATED_EMPTY.update({ContactSettings, NavigationSettings})
    page_published.connect(invalidate, dispatch_uid="frame-published")
    page_unpublished.connect(invalidate, dispatch_uid="frame-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="frame-moved")
    frame_models = (
        ContactSettings,
        NavigationSettings,
        MainNavigationLink,
        FooterNavigationLink,
        FooterText,
        PageViewRestriction,  # a section made private leaves menus and cached listings
    )
    for model in frame_models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"frame-save-{model.__name__}")
    # Pages change the frame when published, unpublished or moved (above) or deleted;
    # deleting any page type deletes its Page row, so one receiver covers them all.
    for model in (*frame_models, Page):
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"frame-del-{model.__name__}")
