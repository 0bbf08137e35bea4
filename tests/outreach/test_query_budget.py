"""Every public outreach page and view renders in at most 15 SQL queries, in Indonesian and
in English, on realistic data: the module's demo (tests/conftest.py: demo_site) plus more
events, registrations in both languages, people checked in at held events, held school
sessions, ambassadors with public profiles and approved activities (so the reach figures
are not empty), added once for the session.

English pages cost the most: their registrations and reach figures hang off the Indonesian
source pages, which must be fetched once, not per item.
"""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale

import pytest

from outreach import links, registrations, schools
from outreach.models import (
    ActivityStatus,
    AmbassadorActivity,
    ApplicationStatus,
    EventPage,
    EventStatus,
    ProgramIndexPage,
    ProgramKind,
    ProgramPage,
)
from site_core.localized_urls import query_name
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    EventPageFactory,
    SchoolSessionRequestFactory,
)

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
LANGUAGES = ["id", "en"]
SEATS_LEFT_NONE = {"id": "Tersisa 0 dari 3", "en": "0 of 3 left"}


def translate(page, locale, **fields):
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def add_event(program, locale_en, slug, days, **fields):
    """An Indonesian event with its English translation."""
    start = timezone.now() + datetime.timedelta(days=days)
    event = EventPageFactory(
        parent=program, slug=slug, start=start, end=start + datetime.timedelta(hours=2), **fields
    )
    english = translate(event, locale_en, title=f"Event {slug}", description="An event.")
    return event, english


def reverse_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def hold(event, attendance=None):
    """Move an event into the past and mark it held."""
    start = timezone.now() - datetime.timedelta(days=40)
    EventPage.objects.filter(translation_key=event.translation_key).update(
        start=start,
        end=start + datetime.timedelta(hours=2),
        status=EventStatus.HELD,
        attendance_count=attendance,
    )


class Demo:
    """The demo outreach site with realistic activity, and the URL of each public view."""

    def __init__(self, locales, admin_user):
        self.index = {
            code: ProgramIndexPage.objects.get(locale__language_code=code) for code in LANGUAGES
        }
        self.programs = {
            code: {
                page.kind: page for page in ProgramPage.objects.filter(locale__language_code=code)
            }
            for code in LANGUAGES
        }
        en = self.locale_en = locales["en"]
        school = self.programs["id"][ProgramKind.SCHOOL]
        ambassador_program = self.programs["id"][ProgramKind.AMBASSADOR]
        kecamatan = ["cempaka", "landasan-ulin", "liang-anggang", "banjarbaru-utara"]

        # Upcoming events with people registered in both languages.
        self.upcoming = {}
        for n in range(6):
            program = school if n % 2 else ambassador_program
            event, english = add_event(
                program,
                en,
                f"kelas-{n}",
                days=5 + n,
                capacity=3,
                kecamatan=kecamatan[n % 4],
                audience="students" if n % 2 else "youth",
            )
            self.upcoming.setdefault("id", event)
            self.upcoming.setdefault("en", english)
            for i, target in enumerate([event, english, event, english, event]):
                with translation.override(target.locale.language_code):
                    registrations.register(target, name=f"Peserta {n}-{i}", email="p@example.org")

        # Held events: people checked in, some with a recorded attendance instead.
        self.tickets = {}
        self.certificates = {}
        self.held = {}
        for n in range(4):
            event, english = add_event(
                school, en, f"selesai-{n}", days=3, capacity=20, kecamatan=kecamatan[n]
            )
            people = []
            for i, target in enumerate([event, english] * 3):
                code = target.locale.language_code
                with translation.override(code):
                    person = registrations.register(target, name=f"Hadir {n}-{i}", email="")
                registrations.check_in(person, admin_user)
                people.append(person)
            hold(event, attendance=None if n % 2 else 25)
            self.held.setdefault("id", event)
            self.held.setdefault("en", english)
            for person in people:
                person.refresh_from_db()
                self.tickets.setdefault(person.language, person)
                self.certificates.setdefault(
                    person.language, registrations.issue_certificate(person)
                )

        # Held school sessions, one of them without an event any more.
        for n in range(3):
            request = SchoolSessionRequestFactory(program=school, kecamatan=kecamatan[n])
            schools.confirm(request, start=timezone.now() + datetime.timedelta(days=2 + n))
            schools.mark_held(request, 90 + n)
        self.school_request = SchoolSessionRequestFactory(program=school)

        # Ambassadors with public profiles and approved activities.
        self.ambassador = None
        for n in range(4):
            application = AmbassadorApplicationFactory(
                program=ambassador_program,
                status=ApplicationStatus.ACCEPTED,
                public_profile=n != 3,
                profile_bio="Mahasiswa yang suka berbagi.",
                language=LANGUAGES[n % 2],
            )
            self.ambassador = self.ambassador or application
            for day in range(3):
                AmbassadorActivity.objects.create(
                    ambassador=application,
                    date=datetime.date(2025 + day % 2, 3, 1 + day),
                    title="Sosialisasi kampus",
                    kecamatan=kecamatan[day],
                    sessions_held=1,
                    people_reached=20 + day,
                    schools_reached=day % 2,
                    status=ActivityStatus.APPROVED if day else ActivityStatus.SUBMITTED,
                )

    def url(self, name, code):
        index = self.index[code]
        programs = self.programs[code]
        if name.startswith("program-"):
            return programs[name.removeprefix("program-")].url
        ticket = links.REGISTRATION_LINK.token(self.tickets[code])
        return {
            "index": lambda: index.url,
            "listing": lambda: index.subpage_url("events"),
            "listing-past": lambda: index.subpage_url("events") + "?when=past",
            "listing-filtered": lambda: (
                f"{index.subpage_url('events')}?program={programs[ProgramKind.SCHOOL].pk}"
                "&kecamatan=cempaka&audience=pelajar"
            ),
            "verify": lambda: (
                f"{index.subpage_url('verify_certificate')}?{query_name('code', code)}="
                f"{self.certificates[code]}"
            ),
            "verify-unknown": lambda: (
                f"{index.subpage_url('verify_certificate')}?{query_name('code', code)}=LPR-NOTHING"
            ),
            "event": lambda: self.upcoming[code].url,
            "event-held": lambda: self.held[code].url,
            "register": lambda: self.upcoming[code].subpage_url("register"),
            "school-request": lambda: programs[ProgramKind.SCHOOL].subpage_url("school_request"),
            "apply": lambda: programs[ProgramKind.AMBASSADOR].subpage_url("ambassador_apply"),
            "assisted-reporting": lambda: programs[ProgramKind.DISABILITY].subpage_url(
                "assisted_reporting"
            ),
            "thanks": lambda: programs[ProgramKind.SCHOOL].subpage_url(
                "thanks", kwargs={"what": "school"}
            ),
            "ical": lambda: reverse_in(code, "outreach_i18n:events_ical"),
            "ical-program": lambda: reverse_in(
                code, "outreach_i18n:program_events_ical", programs[ProgramKind.SCHOOL].pk
            ),
            "ticket": lambda: f"/outreach/ticket/{ticket}/",
            "cancel-registration": lambda: f"/outreach/ticket/{ticket}/cancel/",
            "certificate": lambda: f"/outreach/ticket/{ticket}/certificate.pdf",
            "cancel-school-request": lambda: (
                f"/outreach/school-request/{links.SCHOOL_REQUEST_LINK.token(self.school_request)}/cancel/"
            ),
            "log-activity": lambda: (
                f"/outreach/ambassador/{links.AMBASSADOR_LINK.token(self.ambassador)}/activity/"
            ),
        }[name]()


@pytest.fixture(scope="module")
def demo(demo_site, django_db_blocker):
    """Built once on top of the module's demo, rolled back with it."""
    with django_db_blocker.unblock():
        locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        staff = get_user_model().objects.create_superuser("budget-admin", "b@example.org", "x")
        return Demo(locales, staff)


PAGES = [
    "index",
    "program-school",
    "program-ambassador",
    "program-gender",
    "program-disability",
    "event",
    "event-held",
    "listing",
    "listing-past",
    "listing-filtered",
    "register",
    "school-request",
    "apply",
    "assisted-reporting",
    "thanks",
    "verify",
    "verify-unknown",
    "ical",
    "ical-program",
    "ticket",
    "cancel-registration",
    "certificate",
    "cancel-school-request",
    "log-activity",
]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_outreach_view_renders_within_15_queries(
    client, demo, code, subtests, django_assert_max_num_queries
):
    """One demo per language (building it takes seconds); a subtest per page or view."""
    for name in PAGES:
        with subtests.test(name, page=name):
            url = demo.url(name, code)
            assert client.get(url).status_code == 200  # warms the cached page frame
            with django_assert_max_num_queries(QUERY_BUDGET):
                response = client.get(url)
            assert response.status_code == 200


@pytest.mark.parametrize("code", LANGUAGES)
def test_budgeted_pages_carry_reach_profiles_events_and_seats(client, demo, code):
    """The budgeted pages really show the costly parts, taken from the source pages."""
    html = client.get(demo.url("program-ambassador", code)).content.decode()
    assert "Mahasiswa yang suka berbagi." in html
    school_html = client.get(demo.url("program-school", code)).content.decode()
    totals = school_html.split('class="reach__totals"')[1].split("</dl>")[0]
    assert "<dd>0</dd>" not in totals
    event_html = client.get(demo.url("event", code)).content.decode()
    # Five people registered in both languages for three seats: none left in either.
    assert SEATS_LEFT_NONE[code] in event_html
    ticket_html = client.get(demo.url("ticket", code)).content.decode()
    assert demo.held[code].title in ticket_html


GROWING = ["index", "program-school", "program-ambassador", "event", "listing", "ical"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_queries_do_not_grow_with_more_events_and_registrations(client, demo, code, subtests):
    urls = {name: demo.url(name, code) for name in GROWING}
    before = {}
    for name, url in urls.items():
        client.get(url)
        before[name] = count_queries(client, url)
    school = demo.programs["id"][ProgramKind.SCHOOL]
    for n in range(5):
        event, english = add_event(school, demo.locale_en, f"tambahan-{n}", days=8 + n)
        for target in (event, english, demo.upcoming["id"]):
            with translation.override(target.locale.language_code):
                registrations.register(target, name="Lagi", email="")
        if n % 2:
            hold(event, attendance=10)
    for name, url in urls.items():
        with subtests.test(name, page=name):
            client.get(url)
            assert count_queries(client, url) <= before[name]
