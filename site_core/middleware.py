from django.conf import settings
from django.utils import translation


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
