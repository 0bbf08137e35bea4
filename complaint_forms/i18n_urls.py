"""Public views whose URLs carry the language (/id/..., /en/...)."""

from django.urls import path

from . import views

app_name = "complaint_forms"

urlpatterns = [
    path("laporan/kirim/", views.submit_report, name="submit"),
    # Fallbacks for a site without a ReportPage in the active language; the page's own
    # routes (…/terkirim/<code>/ and …/lacak/) are used when it exists.
    path("laporan/terkirim/<str:code>/", views.confirmation_fallback, name="confirmation"),
    path("laporan/lacak/", views.tracking_fallback, name="tracking"),
    path("laporan/konsultasi/", views.ask_a_question, name="consultation"),
]
