"""Public views whose URLs carry the language (/id/..., /en/...): calendar feeds."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import calendar

app_name = "outreach_i18n"

urlpatterns = [
    path(pgettext_lazy("URL", "events.ics"), calendar.all_events_ical, name="events_ical"),
    path(
        pgettext_lazy("URL", "programs/<int:program_id>/events.ics"),
        calendar.program_events_ical,
        name="program_events_ical",
    ),
]
