"""Absolute links for mail and documents that leave the site (no request to build them
from): a reversed path or a page's path on the public address, WAGTAILADMIN_BASE_URL."""

from django.conf import settings
from django.urls import reverse


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def reverse_absolute(viewname, args=None, kwargs=None):
    return absolute_url(reverse(viewname, args=args, kwargs=kwargs))


def page_absolute_url(page, subpage=""):
    """A page (optionally one of its routable sub-paths) on the public address. The path is
    taken relative to the page's own site, so the site's hostname record never leaks in."""
    path = page.relative_url(page.get_site())
    if subpage:
        path = path.rstrip("/") + "/" + subpage.lstrip("/")
    return absolute_url(path)
