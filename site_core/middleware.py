from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import site_lookup
from .localized_urls import other_language_redirect

ADMIN_PREFIX = "/admin/"
# Areas outside i18n_patterns whose 404s are answered as they are (Wagtail's catch-all page
# route would otherwise turn them into a redirect to /id/...).
UNPREFIXED_AREAS = (ADMIN_PREFIX, "/api/", "/data/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 in an area without a language prefix (the admin, the
    API, open-data downloads) stays a 404 there instead of redirecting to /id/...."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_AREAS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class AdminLanguageMiddleware:
    """The admin speaks the site's language (Indonesian) rather than the browser's, unless a
    user chose another language in their Wagtail profile (Wagtail applies that choice later)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class OtherLanguageRedirectMiddleware:
    """A path written in another language's words (`/en/laporan/lacak/`, an old link in
    sent mail) answers 301 (308 for a form) to this language's words instead of 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404:
            return other_language_redirect(request) or response
        return response


class PreviewFramingMiddleware:
    """Wagtail renders a page preview through the whole middleware chain at the page's public
    URL, so the public policy (frame-ancestors 'none') would stop the editor's preview frame.
    A preview may be framed by the admin on the same origin. Sits inside CSPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response._csp_replace = {"frame-ancestors": ["'self'"]}
        return response


class SiteMiddleware:
    """Gives Wagtail the request's site from the cache before anything asks for it (the
    redirect middleware, page serving, the frame's template tags): Wagtail keeps it on the
    request (`request._wagtail_site`) and would otherwise query the database each time.
    On a miss, the site Wagtail found while answering is kept for the next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key, cached = site_lookup.cached_site(request)
        if cached is not None:
            request._wagtail_site = cached[0]
        response = self.get_response(request)
        if cached is None and hasattr(request, "_wagtail_site"):
            site_lookup.remember(key, request._wagtail_site)
        return response
