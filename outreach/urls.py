"""Signed links from mail (no language prefix: the person's language is stored)."""

from django.urls import path

from . import views

app_name = "outreach"

urlpatterns = [
    path("outreach/ticket/<str:token>/", views.ticket, name="ticket"),
    path(
        "outreach/ticket/<str:token>/cancel/",
        views.cancel_registration,
        name="cancel_registration",
    ),
    path("outreach/ticket/<str:token>/certificate.pdf", views.certificate, name="certificate"),
    path(
        "outreach/school-request/<str:token>/cancel/",
        views.cancel_school_request,
        name="cancel_school_request",
    ),
    path("outreach/ambassador/<str:token>/activity/", views.log_activity, name="log_activity"),
]
