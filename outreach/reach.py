"""Live reach figures for a program: sessions held, people and students reached, schools.

Counted from held events (their recorded attendance, else people checked in), held school
sessions (actual students, distinct NPSN) and approved ambassador activities; grouped by
kecamatan and by year. Always called with the program in the default language.
"""

from collections import defaultdict

from django.db.models import CharField, Count, DateField, DateTimeField, F, IntegerField, Q, Value
from django.db.models.functions import Cast

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


COLUMNS = ("row", "event_id", "npsn", "kecamatan", "number", "sessions", "schools", "day", "at")


def _null(field):
    return Cast(Value(None), output_field=field)


def _school_sessions_and_activities(program):
    """Held school sessions and approved ambassador activities, in one query."""
    sessions = (
        SchoolSessionRequest.objects.filter(program=program, status=SchoolRequestStatus.HELD)
        .order_by()
        .annotate(
            r_row=Value("school", output_field=CharField()),
            r_event_id=F("event_id"),
            r_npsn=F("npsn"),
            r_kecamatan=F("kecamatan"),
            r_number=F("actual_students"),
            r_sessions=_null(IntegerField()),
            r_schools=_null(IntegerField()),
            r_day=_null(DateField()),
            r_at=F("created_at"),
        )
    )
    activities = (
        AmbassadorActivity.objects.filter(
            ambassador__program=program, status=ActivityStatus.APPROVED
        )
        .order_by()
        .annotate(
            r_row=Value("activity", output_field=CharField()),
            r_event_id=_null(IntegerField()),
            r_npsn=_null(CharField()),
            r_kecamatan=F("kecamatan"),
            r_number=F("people_reached"),
            r_sessions=F("sessions_held"),
            r_schools=F("schools_reached"),
            r_day=F("date"),
            r_at=_null(DateTimeField()),
        )
    )
    names = [f"r_{column}" for column in COLUMNS]
    rows = sessions.values_list(*names).union(activities.values_list(*names), all=True)
    school_rows, activity_rows = [], []
    for values in rows:
        row = dict(zip(COLUMNS, values, strict=True))
        if row["row"] == "school":
            school_rows.append(
                {
                    "event_id": row["event_id"],
                    "npsn": row["npsn"],
                    "kecamatan": row["kecamatan"],
                    "actual_students": row["number"],
                    "created_at": row["at"],
                }
            )
        else:
            activity_rows.append(
                {
                    "date": row["day"],
                    "kecamatan": row["kecamatan"],
                    "sessions_held": row["sessions"],
                    "people_reached": row["number"],
                    "schools_reached": row["schools"],
                }
            )
    return school_rows, activity_rows


def program_reach(program):
    """Reach figures for `program` in two queries: held events, then school sessions and
    ambassador activities together."""
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
    school_rows, activities = _school_sessions_and_activities(program)
    school_by_event = {}
    # Newest first, as before: of two held requests for one event the oldest is kept.
    for row in sorted(school_rows, key=lambda row: row["created_at"], reverse=True):
        school_by_event[row["event_id"]] = row
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
