from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

ADMIN_PREFIX = "/admin/"


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 in the admin stays in the admin.

    Django answers a 404 on an unprefixed path by redirecting to the language-prefixed path
    when that one resolves, and Wagtail's catch-all page route resolves anything: a
    mistyped or stale admin link went to /id/admin/..., a public "page not found" outside
    the admin. The admin is not under i18n_patterns, so its 404s are answered as they are."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(ADMIN_PREFIX):
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
