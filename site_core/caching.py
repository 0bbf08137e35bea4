"""HTTP caching: which responses a front cache (Varnish, nginx, a CDN) may keep, and purging
the pages that a publish, unpublish, move or delete changes.

Anonymous pages are shared for `PUBLIC_CACHE_SECONDS`; anything personal (a logged-in user,
a form with a CSRF token, a response that sets a cookie) is `private, no-store`. Views that
know better (tracking pages, tickets, search results) set their own header and are left alone.

Purges are sent by the process that made the change, as soon as it is committed
(site_core.tasks.purge_on_commit); the worker only retries those that failed.
"""

import logging

from django.conf import settings
from django.db.models.signals import pre_delete
from django.utils.cache import patch_cache_control

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .tasks import purge_on_commit

logger = logging.getLogger(__name__)

# Statuses that mean the same thing for every anonymous visitor.
SHAREABLE_STATUSES = {200, 203, 301, 404, 410}


def is_personal(request, response):
    if request.method not in ("GET", "HEAD"):
        return True
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True  # a CSRF token or a session in the page: it belongs to one visitor
    if request.path.startswith("/admin/"):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class CacheHeadersMiddleware:
    """Sits above the session and CSRF middleware so it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if is_personal(request, response) or response.status_code not in SHAREABLE_STATUSES:
            patch_cache_control(response, private=True, no_store=True)
        else:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.BROWSER_CACHE_SECONDS,
                s_maxage=settings.PUBLIC_CACHE_SECONDS,
            )
        return response


def _purge(pages):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    purge_on_commit(batch.urls)


def _page_and_parent(page):
    parent = page.get_parent()
    return [page] + ([parent.specific_deferred] if parent and parent.depth > 1 else [])


def purge_on_publish(instance, **_kwargs):
    """The page itself and its parent, whose listing shows it. (Wagtail's own receivers,
    which queue the page's purge for the worker, are not connected: site_core.apps.)"""
    _purge(_page_and_parent(instance))


def purge_old_urls_on_move(instance, **_kwargs):
    """The URLs a page and its descendants have before a move, purged once the move commits
    (a rolled-back move leaves nothing behind: purge_on_commit drops it with the transaction)."""
    if settings.WAGTAILFRONTENDCACHE:
        _purge(instance.get_descendants(inclusive=True).live().specific(defer=True))


def purge_on_move(instance, parent_page_before, parent_page_after, **_kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_pages(instance.get_descendants(inclusive=True).live().specific(defer=True))
    batch.add_pages([parent_page_before.specific_deferred, parent_page_after.specific_deferred])
    purge_on_commit(batch.urls)


def purge_on_delete(sender, instance, **_kwargs):
    if settings.WAGTAILFRONTENDCACHE and instance.live and instance.depth > 1:
        _purge(_page_and_parent(instance.specific_deferred))


def connect_signals():
    # Signals are sent per concrete page class; connecting without a sender covers them all.
    page_published.connect(purge_on_publish, dispatch_uid="caching-publish")
    page_unpublished.connect(purge_on_publish, dispatch_uid="caching-unpublish")
    pre_page_move.connect(purge_old_urls_on_move, dispatch_uid="caching-pre-move")
    post_page_move.connect(purge_on_move, dispatch_uid="caching-move")
    # Deleting a page deletes one row per model of its class chain: the base row is enough.
    pre_delete.connect(purge_on_delete, sender=Page, dispatch_uid="caching-delete")
