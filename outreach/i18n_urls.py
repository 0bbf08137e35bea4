"""Public views whose URLs carry the language (/id/..., /en/...): calendar feeds."""

from django.urls import path

from . import calendar

app_name = "outreach_i18n"

urlpatterns = [
    path("events.ics", calendar.all_events_ical, name="events_ical"),
    path(
        "programs/<int:program_id>/events.ics",
        calendar.program_events_ical,
        name="program_events_ical",
    ),
]
