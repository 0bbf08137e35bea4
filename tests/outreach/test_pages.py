"""Program and event pages: tree rules, rendering, listing filters, iCal, reach, queries."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from wagtail.test.utils import WagtailPageTestCase

import icalendar
import pytest

from outreach import links, registrations, schools
from outreach.models import (
    ActivityStatus,
    AmbassadorActivity,
    EventPage,
    EventStatus,
    ProgramIndexPage,
    ProgramKind,
    ProgramPage,
)
from outreach.reach import program_reach
from site_core.models import HomePage
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    EventPageFactory,
    ProgramPageFactory,
    SchoolSessionRequestFactory,
)

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_programs_live_under_the_index_under_home(self):
        self.assertAllowedParentPageTypes(ProgramIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ProgramPage, {ProgramIndexPage})
        self.assertAllowedSubpageTypes(ProgramPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())


def _event(hours, **place):
    start = timezone.now()
    return EventPage(
        title="x",
        slug="x",
        start=start,
        end=start + datetime.timedelta(hours=hours),
        description="d",
        capacity=5,
        **place,
    )


def _clean_errors(event):
    """The page's validation errors, as an Indonesian editor reads them."""
    with translation.override("id"), pytest.raises(ValidationError) as error:
        event.clean()
    with translation.override("id"):
        errors = error.value.message_dict.items()
        return {field: [str(message) for message in messages] for field, messages in errors}


def test_event_must_end_after_it_starts(school_program):
    errors = _clean_errors(_event(-1, venue="Aula SMAN 1"))
    assert errors == {"end": ["Acara harus selesai setelah dimulai."]}


def test_event_needs_a_venue_or_an_online_link(school_program):
    errors = _clean_errors(_event(2))
    assert errors == {"venue": ["Isi tempat atau tautan daring."]}
    _event(2, venue="Aula SMAN 1").clean()
    _event(2, online_url="https://meet.example.org/lapor").clean()


def test_program_page_renders_events_contact_and_reach(client, event, school_program):
    school_program.contact_email = "program@banjarbaru.test"
    school_program.save_revision().publish()
    html = client.get(school_program.url).content.decode()
    assert "<h1>Lapor Goes To School</h1>" in html
    assert event.title in html
    assert "program@banjarbaru.test" in html
    assert f'href="{school_program.url}ajukan-sesi/"' in html
    assert "exit-this-page" not in html


def test_gender_page_has_a_working_exit_link_first_in_the_page(client, program_index):
    page = ProgramPageFactory(parent=program_index, kind=ProgramKind.GENDER, slug="gender")
    html = client.get(page.url).content.decode()
    exit_at = html.index('id="exit-this-page"')
    assert exit_at < html.index("<header")
    assert 'href="https://www.google.com/search?q=cuaca"' in html
    assert "site_core/js/exit-this-page.js" in html
    assert "<script>" not in html and 'style="' not in html


def test_event_page_shows_seats_and_accessibility(client, event, person):
    registrations.register(event, **person)
    event.sign_language_interpreter = True
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "Tersisa 1 dari 2" in html  # the Indonesian event page
    assert f'href="{event.url}daftar/"' in html


def test_an_old_audience_link_in_indonesian_words_still_filters(
    client, program_index, school_program
):
    """Links written while audiences were stored as Indonesian slugs (`?audience=pelajar`)
    filter as before and show the audience chosen in the filter form."""
    near = EventPageFactory(parent=school_program, slug="a", audience="students")
    far = EventPageFactory(parent=school_program, slug="b", audience="women")
    url = program_index.url + program_index.reverse_subpage("events")
    html = client.get(url, {"audience": "pelajar"}).content.decode()
    assert near.title in html and far.title not in html
    assert '<option value="students" selected>' in html
    html = client.get(url, {"audience": "perempuan"}).content.decode()
    assert far.title in html and near.title not in html


def test_events_listing_filters_by_kecamatan_audience_and_time(
    client, program_index, school_program
):
    near = EventPageFactory(
        parent=school_program, slug="a", kecamatan="cempaka", audience="students"
    )
    far = EventPageFactory(parent=school_program, slug="b", kecamatan="liang-anggang")
    past = EventPageFactory(
        parent=school_program,
        slug="c",
        start=timezone.now() - datetime.timedelta(days=30),
        end=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    url = program_index.url + program_index.reverse_subpage("events")
    html = client.get(url, {"kecamatan": "cempaka"}).content.decode()
    assert near.title in html and far.title not in html
    html = client.get(url, {"audience": "students"}).content.decode()
    assert near.title in html and far.title not in html
    html = client.get(url, {"when": "past"}).content.decode()
    assert past.title in html and near.title not in html
    html = client.get(url, {"program": school_program.pk}).content.decode()
    assert near.title in html and far.title in html


def test_ical_feeds_parse_back_with_every_event(client, program_index, school_program):
    other = ProgramPageFactory(parent=program_index, slug="difabel", kind=ProgramKind.DISABILITY)
    one = EventPageFactory(parent=school_program, slug="one")
    two = EventPageFactory(parent=other, slug="two", status=EventStatus.CANCELLED)
    feed = client.get("/id/agenda.ics")
    assert feed["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {one.title, two.title}
    assert events[one.title].decoded("dtstart") == one.start.replace(microsecond=0)
    assert str(events[two.title]["status"]) == "CANCELLED"
    program_feed = icalendar.Calendar.from_ical(
        client.get(f"/id/program/{school_program.pk}/agenda.ics").content
    )
    assert [str(e["summary"]) for e in program_feed.walk("VEVENT")] == [one.title]


def test_reach_counts_held_events_school_sessions_and_approved_activities(
    school_program, person, admin_user
):
    held = EventPageFactory(
        parent=school_program,
        slug="held",
        kecamatan="cempaka",
        audience="students",
        start=timezone.make_aware(datetime.datetime(2025, 3, 1, 9)),
        end=timezone.make_aware(datetime.datetime(2025, 3, 1, 11)),
    )
    for _ in range(2):
        registrations.check_in(
            registrations.register(
                EventPageFactory(parent=school_program, slug=f"tmp{_}"), **person
            ),
            admin_user,
        )
    request = SchoolSessionRequestFactory(program=school_program, kecamatan="landasan-ulin")
    schools.confirm(request, start=timezone.now() + datetime.timedelta(days=3))
    schools.mark_held(request, 95)
    EventPage.objects.filter(pk=held.pk).update(status=EventStatus.HELD, attendance_count=40)
    ambassador = AmbassadorApplicationFactory(program=school_program, status="accepted")
    AmbassadorActivity.objects.create(
        ambassador=ambassador,
        date=datetime.date(2026, 2, 1),
        title="Kelas",
        kecamatan="cempaka",
        sessions_held=2,
        people_reached=30,
        schools_reached=1,
        status=ActivityStatus.APPROVED,
    )
    AmbassadorActivity.objects.create(
        ambassador=ambassador,
        date=datetime.date(2026, 2, 2),
        title="Belum",
        kecamatan="cempaka",
        sessions_held=9,
        people_reached=999,
        status=ActivityStatus.SUBMITTED,
    )
    reach = program_reach(school_program)
    assert reach["totals"] == {"sessions": 4, "people": 165, "students": 135, "schools": 2}
    by_kecamatan = dict(reach["by_kecamatan"])
    assert by_kecamatan["Cempaka"]["people"] == 70
    assert by_kecamatan["Landasan Ulin"]["students"] == 95
    assert dict(reach["by_year"])[2025]["sessions"] == 1


def test_private_programs_and_events_stay_out_of_lists_and_feeds(
    client, program_index, school_program, event
):
    """public() runs as a subquery now: a private section still hides everything under it."""
    from wagtail.models import PageViewRestriction

    secret = ProgramPageFactory(parent=program_index, slug="rahasia", title="Program Rahasia")
    hidden = EventPageFactory(parent=secret, slug="tertutup", title="Acara Tertutup")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    assert list(ProgramPage.objects.live().public()) == [school_program]
    assert set(EventPage.objects.upcoming()) == {event}
    index_html = client.get(program_index.url).content.decode()
    assert school_program.title in index_html and "Program Rahasia" not in index_html
    listing = client.get(program_index.subpage_url("events")).content.decode()
    assert event.title in listing and hidden.title not in listing
    feed = icalendar.Calendar.from_ical(client.get("/id/agenda.ics").content)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == [event.title]
    assert client.get(f"/id/program/{secret.pk}/agenda.ics").status_code == 404
    assert client.get(hidden.url).status_code == 200  # the password form, as before
    assert "Acara Tertutup" not in client.get(hidden.url).content.decode()


def test_routing_finds_children_subpages_and_nothing_else(
    client, program_index, school_program, event
):
    assert client.get(school_program.url).status_code == 200
    assert client.get(event.url).status_code == 200
    assert client.get(event.subpage_url("register")).status_code == 200
    assert client.get(school_program.subpage_url("school_request")).status_code == 200
    assert client.get(program_index.subpage_url("events")).status_code == 200
    assert client.get(program_index.url + "tidak-ada/").status_code == 404
    assert client.get(school_program.url + "tidak-ada/").status_code == 404
    assert client.get(event.url + "tidak-ada/").status_code == 404
    event.unpublish()
    assert client.get(event.url).status_code == 404


def test_english_pages_take_seats_reach_and_dates_from_the_indonesian_source(
    client, school_program, event, person, home_en, locales, admin_user
):
    index_en = school_program.get_parent().copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    program_en = school_program.copy_for_translation(locales["en"]).specific
    program_en.save_revision().publish()
    event_en = event.copy_for_translation(locales["en"]).specific
    event_en.title = "Outreach session"
    event_en.capacity = 99  # ignored: seats belong to the Indonesian event
    event_en.save_revision().publish()
    registrations.register(event, **person)
    html = client.get(event_en.url).content.decode()
    assert "1 of 2 left" in html
    assert event_en.canonical() == event and event.canonical() is event
    held = EventPageFactory(parent=school_program, slug="sudah", audience="students")
    registrations.check_in(registrations.register(held, **person), admin_user)
    EventPage.objects.filter(pk=held.pk).update(status=EventStatus.HELD)
    html = client.get(program_en.url).content.decode()
    assert "Our reach so far" in html and "<dd>1</dd>" in html


def test_a_ticket_shows_the_event_in_the_language_of_the_registration(
    client, event, person, home_en, locales
):
    from django.utils import translation

    index_en = event.get_parent().get_parent().copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    event.get_parent().copy_for_translation(locales["en"]).save_revision().publish()
    event_en = event.copy_for_translation(locales["en"]).specific
    event_en.title = "Outreach session"
    event_en.save_revision().publish()
    with translation.override("en"):
        english = registrations.register(event, **person)
    indonesian = registrations.register(event, language="id", **person)
    assert english.localized_event() == event_en
    assert indonesian.localized_event() is indonesian.event
    html = client.get(f"/outreach/ticket/{links.REGISTRATION_LINK.token(english)}/").content
    assert b"Outreach session" in html


def _reach_totals(client, program):
    """Sessions, people, students and schools as the program page shows them."""
    html = client.get(program.url).content.decode()
    if 'class="reach__totals"' not in html:
        return None
    totals = html.split('class="reach__totals"')[1].split("</dl>")[0]
    return [int(cell.split("</dd>")[0]) for cell in totals.split("<dd>")[1:]]


def test_program_page_reach_figures_follow_each_change_at_once(
    client, school_program, person, admin_user, commit
):
    """The figures are cached, and every change they count shows on the next request:
    an event marked held in the editor, a person checked in, a school session held, an
    event deleted."""
    event = EventPageFactory(parent=school_program, slug="held")
    assert _reach_totals(client, school_program) is None  # nothing held yet
    registration = registrations.register(event, **person)
    with commit():
        event.status = EventStatus.HELD
        event.save_revision().publish()
    assert _reach_totals(client, school_program) == [1, 0, 0, 0]
    with commit():
        registrations.check_in(registration, admin_user)
    assert _reach_totals(client, school_program) == [1, 1, 0, 0]
    request = SchoolSessionRequestFactory(program=school_program, kecamatan="cempaka")
    with commit():
        schools.confirm(request, start=timezone.now() + datetime.timedelta(days=3))
    assert _reach_totals(client, school_program) == [1, 1, 0, 0]
    with commit():
        schools.mark_held(request, 95)
    assert _reach_totals(client, school_program) == [2, 96, 95, 1]
    with commit():
        event.delete()
    assert _reach_totals(client, school_program) == [1, 95, 95, 1]
