"""iCalendar feeds of events (RFC 5545) with the `icalendar` package."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

import icalendar

from .models import EventPage, EventStatus, ProgramPage

PRODID = "-//LAPOR! Banjarbaru//Outreach events//ID"


def build_calendar(request, events, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(name))
    for event in events:
        item = icalendar.Event()
        item.add("uid", f"event-{event.translation_key}-{event.locale_id}@lapor-banjarbaru")
        item.add("dtstamp", timezone.now())
        item.add("dtstart", event.start)
        item.add("dtend", event.end)
        item.add("summary", event.title)
        item.add("description", event.description)
        location = event.venue or event.online_url
        if location:
            item.add("location", location)
        item.add("url", request.build_absolute_uri(event.url))
        item.add(
            "status",
            "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED",
        )
        calendar.add_component(item)
    return calendar


def calendar_response(request, events, name):
    events = events.only(
        "title",
        "start",
        "end",
        "description",
        "venue",
        "online_url",
        "status",
        "translation_key",
        "locale_id",
        "url_path",
        "path",
        "depth",
    ).order_by("start")
    calendar = build_calendar(request, events, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def all_events_ical(request):
    events = EventPage.objects.live().public().filter(locale=Locale.get_active())
    return calendar_response(request, events, name=_("LAPOR! Banjarbaru events"))


def program_events_ical(request, program_id):
    program = get_object_or_404(ProgramPage.objects.live().public(), pk=program_id)
    events = EventPage.objects.live().public().child_of(program)
    return calendar_response(request, events, name=program.title)
