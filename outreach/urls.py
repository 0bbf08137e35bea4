"""Signed links from mail (no language prefix: the person's language is stored)."""

from django.urls import path

from . import link_views

app_name = "outreach"

urlpatterns = [
    path("outreach/ticket/<str:token>/", link_views.ticket, name="ticket"),
    path(
        "outreach/ticket/<str:token>/cancel/",
        link_views.cancel_registration,
        name="cancel_registration",
    ),
    path("outreach/ticket/<str:token>/certificate.pdf", link_views.certificate, name="certificate"),
    path(
        "outreach/school-request/<str:token>/cancel/",
        link_views.cancel_school_request,
        name="cancel_school_request",
    ),
    path("outreach/ambassador/<str:token>/activity/", link_views.log_activity, name="log_activity"),
]
