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
