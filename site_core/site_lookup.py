"""Which Wagtail site answers a request, from the cache: Wagtail asks the database on every
request (`Site.find_for_request`), though sites change only when an administrator edits
them. Kept per host and port until a site is saved or deleted or a page is moved or
deleted (a site's root page is kept with it)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from .versioned_cache import VersionedCache

_SITES = VersionedCache("site-for-host", timeout=5 * 60)


def find_site(request):
    """`Site.find_for_request(request)`, from the cache. Wagtail keeps the answer on the
    request (`request._wagtail_site`, as its docstring says), where its own calls find it."""
    if not hasattr(request, "_wagtail_site"):
        # The host as Wagtail reads it, before the ALLOWED_HOSTS check.
        hostname = split_domain_port(request._get_raw_host())[0]
        found = _SITES.get_or_build(
            f"{hostname}:{request.get_port()}",
            lambda: (Site.find_for_request(request),),  # a tuple: "no site" is kept too
            per_language=False,
        )
        request._wagtail_site = found[0]
    return request._wagtail_site


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
