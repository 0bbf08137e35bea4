"""Public views whose URLs carry the language (/id/..., /en/...)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "complaint_forms"

urlpatterns = [
    path(pgettext_lazy("URL", "reports/submit/"), views.submit_report, name="submit"),
    # Fallbacks for a site without a ReportPage in the active language; the page's own
    # routes (…/sent/<code>/ and …/track/, translated) are used when it exists.
    path(
        pgettext_lazy("URL", "reports/sent/<str:code>/"),
        views.confirmation_fallback,
        name="confirmation",
    ),
    path(pgettext_lazy("URL", "reports/track/"), views.tracking_fallback, name="tracking"),
    path(pgettext_lazy("URL", "reports/ask/"), views.ask_a_question, name="consultation"),
]
