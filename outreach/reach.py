"""Live reach figures for a program: sessions held, people and students reached, schools.

Counted from held events (their recorded attendance, else people checked in), held school
sessions (actual students, distinct NPSN) and approved ambassador activities; grouped by
kecamatan and by year, from one query. Always called with the program in the default language.
"""

from collections import defaultdict

from django.db.models import CharField, Count, DateField, DateTimeField, F, IntegerField, Q, Value
from django.db.models.functions import Cast

from site_core.areas import kecamatan_name
from site_core.audiences import Audience
from site_core.versioned_cache import VersionedCache

from .models.ambassadors import AmbassadorActivity
from .models.choices import (
    ActivityStatus,
    EventStatus,
    RegistrationStatus,
    SchoolRequestStatus,
)
from .models.school_requests import SchoolSessionRequest

FIGURES = ("sessions", "people", "students", "schools")


def _empty():
    return dict.fromkeys(FIGURES, 0)


COLUMNS = (
    "row",  # which kind of row: "event", "school" or "activity"
    "ref",  # event: its id; school session: its event's id
    "npsn",
    "audience",
    "kecamatan",
    "number",  # event: attendance recorded; school: students; activity: people reached
    "count",  # event: people checked in; activity: sessions held
    "schools",
    "day",  # activity date
    "at",  # event start; school session request received
    "path",  # event tree path (the order events are counted in)
)


def _null(field):
    return Cast(Value(None), output_field=field)


def _rows(program):
    """Held events (with people checked in), held school sessions and approved ambassador
    activities of `program`, as dicts of COLUMNS, fetched in one query."""
    events = (  # the program page class names its events' class: pages call this module
        program.child_page_model()
        .objects.descendant_of(program)
        .filter(status=EventStatus.HELD, locale_id=program.locale_id)
        .order_by()
        .annotate(
            r_row=Value("event", output_field=CharField()),
            r_ref=F("pk"),
            r_npsn=_null(CharField()),
            r_audience=F("audience"),
            r_kecamatan=F("kecamatan"),
            r_number=F("attendance_count"),
            r_count=Count(
                "registrations",
                filter=Q(
                    registrations__attended_at__isnull=False,
                    registrations__status=RegistrationStatus.CONFIRMED,
                ),
            ),
            r_schools=_null(IntegerField()),
            r_day=_null(DateField()),
            r_at=F("start"),
            r_path=F("path"),
        )
    )
    sessions = (
        SchoolSessionRequest.objects.filter(program=program, status=SchoolRequestStatus.HELD)
        .order_by()
        .annotate(
            r_row=Value("school", output_field=CharField()),
            r_ref=F("event_id"),
            r_npsn=F("npsn"),
            r_audience=_null(CharField()),
            r_kecamatan=F("kecamatan"),
            r_number=F("actual_students"),
            r_count=_null(IntegerField()),
            r_schools=_null(IntegerField()),
            r_day=_null(DateField()),
            r_at=F("created_at"),
            r_path=_null(CharField()),
        )
    )
    activities = (
        AmbassadorActivity.objects.filter(
            ambassador__program=program, status=ActivityStatus.APPROVED
        )
        .order_by()
        .annotate(
            r_row=Value("activity", output_field=CharField()),
            r_ref=_null(IntegerField()),
            r_npsn=_null(CharField()),
            r_audience=_null(CharField()),
            r_kecamatan=F("kecamatan"),
            r_number=F("people_reached"),
            r_count=F("sessions_held"),
            r_schools=F("schools_reached"),
            r_day=F("date"),
            r_at=_null(DateTimeField()),
            r_path=_null(CharField()),
        )
    )
    names = [f"r_{column}" for column in COLUMNS]
    union = events.values_list(*names).union(
        sessions.values_list(*names), activities.values_list(*names), all=True
    )
    rows = {"event": [], "school": [], "activity": []}
    for values in union:
        row = dict(zip(COLUMNS, values, strict=True))
        rows[row["row"]].append(row)
    return rows


def program_reach(program):
    """Reach figures for `program`, from one query."""
    totals = _empty()
    by_kecamatan = defaultdict(_empty)
    by_year = defaultdict(_empty)
    schools = set()

    def add(kecamatan, year, **figures):
        for bucket in (totals, by_kecamatan[kecamatan or ""], by_year[year]):
            for key, value in figures.items():
                bucket[key] += value or 0

    rows = _rows(program)
    events = sorted(rows["event"], key=lambda row: row["path"])  # tree order, as pages sort
    school_by_event = {}
    # Newest first: of two held requests for one event the oldest is kept.
    for row in sorted(rows["school"], key=lambda row: row["at"], reverse=True):
        school_by_event[row["ref"]] = row
    for event in events:
        people = event["number"]
        if people is None:
            people = event["count"]
        school = school_by_event.pop(event["ref"], None)
        students = people if event["audience"] == Audience.STUDENTS or school else 0
        new_school = 0
        if school and school["npsn"] not in schools:
            schools.add(school["npsn"])
            new_school = 1
        add(
            event["kecamatan"],
            event["at"].year,
            sessions=1,
            people=people,
            students=students,
            schools=new_school,
        )
    # Held school sessions whose event was removed still count.
    for school in school_by_event.values():
        new_school = int(school["npsn"] not in schools)
        schools.add(school["npsn"])
        n = school["number"] or 0
        add(school["kecamatan"], None, sessions=1, people=n, students=n, schools=new_school)

    for activity in rows["activity"]:
        add(
            activity["kecamatan"],
            activity["day"].year,
            sessions=activity["count"],
            people=activity["number"],
            schools=activity["schools"],
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


# Reach figures are the costliest part of a program page (a three-way union) and change
# only when an event, a registration, a school session or an ambassador's activity does
# (outreach.apps connects the signals).
REACH_CACHE = VersionedCache("outreach-reach", timeout=5 * 60)


def cached_program_reach(program):
    """`program_reach(program)`, from the cache while nothing it counts has changed."""
    return REACH_CACHE.get_or_build(f"program-{program.pk}", lambda: program_reach(program))
