from django.conf import settings
from django.utils import translation

from .localized_urls import other_language_redirect


class AdminLanguageMiddleware:
    """The admin speaks the site's language (Indonesian) rather than the browser's, unless a
    user chose another language in their Wagtail profile (Wagtail applies that choice later)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
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
