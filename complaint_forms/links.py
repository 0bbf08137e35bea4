"""Addresses of the report page's routes, for the views and the mail below the page.

The page type sits above them (its routes are the public views), so it is looked up by
name in the app registry, as Django's own lazy relations ("app.Model") do."""

from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse
from django.utils import translation

from site_core import frame
from site_core.languages import active_content_language
from site_core.links import page_absolute_url
from site_core.localized_urls import query_name


def live_report_pages():
    return apps.get_model("complaint_forms", "ReportPage").objects.live()


def report_page_for_active_locale():
    # With its locale: its routes are reversed in its language. One query: the locale is
    # joined, not looked up first.
    pages = live_report_pages().filter(locale__language_code=active_content_language())
    return pages.select_related("locale").first()


def _report_page_url(_locale):
    page = report_page_for_active_locale()
    return page.get_url() if page is not None else ""


def _report_route(name, args=()):
    """The report page's route `name` in the active language, or None without a live report
    page. Every submission redirects here: the page's address is kept with the page frame
    (site_core.frame), which a publish, unpublish, move or delete drops, instead of being
    looked up each time; the route itself comes from the page type, not the row."""
    page_url = frame.cached("report-page-url", None, _report_page_url)
    if not page_url:
        return None
    page_type = apps.get_model("complaint_forms", "ReportPage")
    with translation.override(active_content_language()):
        return page_url + page_type.get_resolver().reverse(name, *args).lstrip("/")


def confirmation_url(code):
    url = _report_route("confirmation", [code])
    return url or reverse("complaint_forms:confirmation", args=[code])


def tracking_url(code=""):
    url = _report_route("tracking") or reverse("complaint_forms:tracking")
    return f"{url}?{urlencode({query_name('code'): code})}" if code else url


def absolute_tracking_url(report):
    """The tracking page in the report's language (any language if it has none), for mail."""
    pages = live_report_pages()
    page = pages.filter(locale__language_code=report.language).first() or pages.first()
    if page is None:
        return ""
    tracking = page_absolute_url(page, page.reverse_subpage("tracking"))
    code = query_name("code", page.locale.language_code)  # ?kode= or ?code=
    return f"{tracking}?{urlencode({code: report.tracking_code})}"
