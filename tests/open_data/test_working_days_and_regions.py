"""Medians in working days (stored per report, taken by the database on SQLite and on
PostgreSQL alike) and the Kemendagri codes of kecamatan and kelurahan in the open data."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from complaint_forms import durations
from complaint_forms.models import ExtraHoliday, Report
from complaint_forms.statistics import complaint_statistics
from site_core.areas import (
    KECAMATAN_REGION_CODES,
    KELURAHAN_BY_KECAMATAN,
    KELURAHAN_REGION_CODES,
)
from tests.complaint_forms.factories import ReportFactory

pytestmark = pytest.mark.django_db

NOVEMBER = (datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))


def wita(day, hour):
    return timezone.make_aware(datetime.datetime(2026, day // 100, day % 100, hour))


@pytest.fixture
def november():
    """(received, first response, answer): working days 1/3, 0/4, 2/4, 2/-, -/-."""
    return [
        # Friday 10:00 -> Monday (1 working day, ~3 calendar days) -> Wednesday (3)
        ReportFactory(
            created_at=wita(1120, 10), first_response_at=wita(1123, 9), answered_at=wita(1125, 14)
        ),
        # Monday -> the same afternoon (0) -> Friday (4)
        ReportFactory(
            created_at=wita(1116, 8), first_response_at=wita(1116, 15), answered_at=wita(1120, 9)
        ),
        # Friday -> Tuesday (2) -> Thursday (4)
        ReportFactory(
            created_at=wita(1113, 16), first_response_at=wita(1117, 9), answered_at=wita(1119, 9)
        ),
        # Wednesday -> Friday (2), not answered yet
        ReportFactory(created_at=wita(1118, 9), first_response_at=wita(1120, 9)),
        # no response yet
        ReportFactory(created_at=wita(1111, 9)),
    ]


def test_each_report_stores_its_working_days_when_the_moment_is_recorded(november):
    stored = [
        (report.working_days_to_first_response, report.working_days_to_answer)
        for report in Report.objects.filter(pk__in=[r.pk for r in november]).order_by("pk")
    ]
    assert stored == [(1, 3), (0, 4), (2, 4), (2, None), (None, None)]


def test_medians_are_in_working_days_not_calendar_days(november):
    stats = complaint_statistics(*NOVEMBER)
    # First responses 0, 1, 2, 2 -> 1.5; answers 3, 4, 4 -> 4. In calendar days the first
    # of these reports alone took almost three days to its first response.
    assert stats["median_working_days_to_first_response"] == 1.5
    assert stats["median_working_days_to_answer"] == 4


def test_the_median_is_one_database_aggregate_on_postgresql(november):
    with CaptureQueriesContext(connection) as queries:
        complaint_statistics(*NOVEMBER)
    medians = [q["sql"] for q in queries if "working_days_to_answer" in q["sql"]]
    if connection.vendor == "postgresql":
        assert len(medians) == 1 and "PERCENTILE_CONT(0.5)" in medians[0]
    else:
        # SQLite: the database orders; only the one or two middle values are read.
        assert any("LIMIT" in sql and "ORDER BY" in sql for sql in medians)
        assert not any("PERCENTILE_CONT" in sql for sql in medians)


def test_a_new_unit_restarts_the_first_response_and_holidays_count_as_days_off(november):
    report = november[0]
    report.first_response_at = None  # what forwarding to another unit does
    report.save()
    report.refresh_from_db()
    assert report.working_days_to_first_response is None
    # Christmas (Friday 25 December) and staff-recorded leave on Thursday 24 are days off.
    ExtraHoliday.objects.create(date=datetime.date(2026, 12, 24), name="Cuti bersama")
    late = ReportFactory(created_at=wita(1223, 9), answered_at=wita(1228, 9))
    assert late.working_days_to_answer == 1  # Monday 28 is the first working day after


def test_backfill_fills_reports_stored_before_the_fields_existed(november):
    Report.objects.update(working_days_to_first_response=None, working_days_to_answer=None)
    assert durations.backfill(Report.objects.all()) == 4
    assert complaint_statistics(*NOVEMBER)["median_working_days_to_answer"] == 4


def test_every_kelurahan_has_a_code_inside_its_kecamatan():
    assert len(KELURAHAN_REGION_CODES) == 20
    for slug, (_name, kelurahan_list) in KELURAHAN_BY_KECAMATAN.items():
        for kelurahan in kelurahan_list:
            code = KELURAHAN_REGION_CODES[kelurahan]
            assert code.startswith(KECAMATAN_REGION_CODES[slug] + ".1"), kelurahan
    assert len(set(KELURAHAN_REGION_CODES.values())) == 20


def test_the_kelurahan_dataset_and_catalogue_carry_kemendagri_codes(client, home):
    received = timezone.now()
    for _ in range(5):
        ReportFactory(kecamatan="banjarbaru-utara", kelurahan="Komet", created_at=received)
    ReportFactory(kecamatan="cempaka", kelurahan="Palam", created_at=received)
    month = timezone.localdate().strftime("%Y-%m")
    body = client.get("/data/pengaduan-per-kelurahan.json", {"from": month, "to": month}).json()
    assert body["data"] == [
        {
            "kelurahan": "Komet",
            "region_code": "63.72.04.1003",
            "kecamatan": "Banjarbaru Utara",
            "reports": 5,
        },
        {
            "kelurahan": "Palam",
            "region_code": "63.72.03.1001",
            "kecamatan": "Cempaka",
            "reports": None,
        },
    ]
    reference = {row["name"]: row for row in body["metadata"]["region_codes"]}
    assert reference["Guntung Manggis"] == {
        "code": "63.72.02.1005",
        "name": "Guntung Manggis",
        "kecamatan_code": "63.72.02",
    }
    catalogue = client.get("/data/catalog.json").json()
    by_id = {entry["dct:identifier"]: entry for entry in catalogue["dcat:dataset"]}
    assert "Kemendagri:63.72.06.1004" in by_id["pengaduan-per-kelurahan"]["dct:spatial"]
    assert "Kemendagri:63.72.05" in by_id["pengaduan-per-kecamatan"]["dct:spatial"]
    assert by_id["pengaduan-bulanan"]["dct:spatial"] == ["Kemendagri:63.72"]
