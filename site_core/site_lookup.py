"""Which Wagtail site answers a request, from the cache: Wagtail asks the database on every
request (`Site.find_for_request`), though sites change only when an administrator edits
them. Kept per host and port until a site is saved or deleted or a page is moved or
deleted (a site's root page is kept with it)."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from .versioned_cache import VersionedCache

_SITES = VersionedCache("site-for-host", timeout=5 * 60)


def cached_site(request):
    """(cache key, (site,) or None): the site Wagtail found for this host and port before,
    from the cache only. The database is never asked here: a request that needs no site
    (the API, health checks) costs one cache read, and one that does lets Wagtail look it
    up as usual, then `remember()` keeps the answer."""
    # The host as Wagtail reads it, before the ALLOWED_HOSTS check.
    hostname = split_domain_port(request._get_raw_host())[0]
    key = _SITES.key(f"{hostname}:{request.get_port()}", per_language=False)
    return key, cache.get(key)


def remember(key, site):
    _SITES.store(key, (site,))  # a tuple: "no site" is kept too


def invalidate(**_kwargs):
    # At once, and again after the commit: a request between the two may have cached the
    # rows as they were before.
    _SITES.bump()
    transaction.on_commit(_SITES.bump)


def connect_signals():
    post_save.connect(invalidate, sender=Site, dispatch_uid="site-lookup-save")
    post_delete.connect(invalidate, sender=Site, dispatch_uid="site-lookup-delete")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="site-lookup-page-delete")
    post_page_move.connect(invalidate, dispatch_uid="site-lookup-page-move")
