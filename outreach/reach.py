"""Live reach figures for a program: sessions held, people and students reached, schools.

Counted from held events (their recorded attendance, else people checked in), held school
sessions (actual students, distinct NPSN) and approved ambassador activities; grouped by
kecamatan and by year. Always called with the program in the default language.
"""

from collections import defaultdict

from django.db.models import Count, Q

from site_core.areas import kecamatan_name

from .models import (
    ActivityStatus,
    AmbassadorActivity,
    Audience,
    EventPage,
    EventStatus,
    RegistrationStatus,
    SchoolRequestStatus,
    SchoolSessionRequest,
)

FIGURES = ("sessions", "people", "students", "schools")


def _empty():
    return dict.fromkeys(FIGURES, 0)


def program_reach(program):
    totals = _empty()
    by_kecamatan = defaultdict(_empty)
    by_year = defaultdict(_empty)
    schools = set()

    def add(kecamatan, year, **figures):
        for bucket in (totals, by_kecamatan[kecamatan or ""], by_year[year]):
            for key, value in figures.items():
                bucket[key] += value or 0

    events = (
        EventPage.objects.descendant_of(program)
        .filter(status=EventStatus.HELD, locale_id=program.locale_id)
        .annotate(
            checked_in=Count(
                "registrations",
                filter=Q(
                    registrations__attended_at__isnull=False,
                    registrations__status=RegistrationStatus.CONFIRMED,
                ),
            )
        )
        .values("pk", "start", "kecamatan", "audience", "attendance_count", "checked_in")
    )
    school_by_event = {
        row["event_id"]: row
        for row in SchoolSessionRequest.objects.filter(
            program=program, status=SchoolRequestStatus.HELD
        ).values("event_id", "npsn", "kecamatan", "actual_students")
    }
    for event in events:
        people = event["attendance_count"]
        if people is None:
            people = event["checked_in"]
        school = school_by_event.pop(event["pk"], None)
        students = people if event["audience"] == Audience.STUDENTS or school else 0
        new_school = 0
        if school and school["npsn"] not in schools:
            schools.add(school["npsn"])
            new_school = 1
        add(
            event["kecamatan"],
            event["start"].year,
            sessions=1,
            people=people,
            students=students,
            schools=new_school,
        )
    # Held school sessions whose event was removed still count.
    for school in school_by_event.values():
        new_school = int(school["npsn"] not in schools)
        schools.add(school["npsn"])
        n = school["actual_students"] or 0
        add(school["kecamatan"], None, sessions=1, people=n, students=n, schools=new_school)

    activities = AmbassadorActivity.objects.filter(
        ambassador__program=program, status=ActivityStatus.APPROVED
    ).values("date", "kecamatan", "sessions_held", "people_reached", "schools_reached")
    for activity in activities:
        add(
            activity["kecamatan"],
            activity["date"].year,
            sessions=activity["sessions_held"],
            people=activity["people_reached"],
            schools=activity["schools_reached"],
        )
    return {
        "totals": totals,
        "by_kecamatan": sorted(
            ((kecamatan_name(k) if k else "-", v) for k, v in by_kecamatan.items()),
            key=lambda item: str(item[0]),
        ),
        "by_year": sorted(
            ((year, v) for year, v in by_year.items() if year), key=lambda item: item[0]
        ),
        "has_data": any(totals.values()),
    }
