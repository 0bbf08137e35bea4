"""The bad-input corpus: every public form and API of every app gets hostile input.

Each case expects either a refusal (a 4xx, the field's error shown in Indonesian, nothing
stored) or, where accepting is the rule (free text that merely looks like a formula or
markup in a field that takes any text, search queries), a harmless answer: no 5xx, and what
was stored is exactly what was typed. The site (pages, programs, reports) is built once
for the module inside a transaction that is rolled back at the end; every case runs in a
savepoint of its own.
"""

import json
from pathlib import Path

from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

import pytest

from complaint_forms.models import Report, ReportEvent
from outreach.models import (
    AmbassadorActivity,
    AmbassadorApplication,
    AssistedReportRequest,
    Registration,
    SchoolSessionRequest,
)
from search.models import AnswerFeedback
from tests.complaint_forms.factories import report_post_data
from tests.site_core.bad_input_site import (
    BAD_CHOICES,
    BAD_DATES,
    BAD_EMAILS,
    BAD_NUMBERS,
    BAD_PHONES,
    FILE_BOMBS,
    FORMULAS,
    INVISIBLE_ONLY,
    MARKUP,
    NUL,
    OVERSIZED,
    Form,
    assert_indonesian,
    built_site,
    days_from_today,
    tracking_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    yield from built_site(django_db_blocker)


def citizen_action_form(action):
    """The tracking page's form for one citizen action (the page lists them from the
    complaint state machine's table)."""

    def find(context):
        forms = {item["transition"].name: item["form"] for item in context["citizen_actions"]}
        return forms[action]

    return find


def _complaint(site):
    return report_post_data(site["category"], accessibility_needs=None)


def indonesian_reverse(name, *args):
    with translation.override("id"):
        return reverse(name, args=args)


FORMS = {
    "complaint": Form(
        url=lambda site: "/id/laporan/kirim/",
        valid=_complaint,
        stored=lambda: Report.objects.count(),
        context="report_form",
        text=["title", "description", "location_detail", "reporter_name", "accessibility_needs"],
        required_text=["title", "description"],
        choices=["kind", "category", "kecamatan", "kelurahan", "privacy", "contact_channel"],
        dates=["incident_date"],
        emails=["reporter_email"],
        phones=["reporter_phone"],
        required=["kind", "title", "description", "privacy", "consent"],
        file_field="attachments",
        accepts_markup=False,
    ),
    "citizen-reply": Form(
        url=tracking_url,
        json_body=404,
        valid=lambda site: {
            "kode": site["needs_info"].tracking_code,
            "action": "reply",
            "reply-message": "Alamatnya Jl. Mawar 3.",
        },
        stored=lambda: ReportEvent.objects.count(),
        context=citizen_action_form("reply"),
        prefix="reply",
        text=["message"],
        required_text=["message"],
        required=["message"],
        accepts_markup=False,
    ),
    "citizen-appeal": Form(
        url=tracking_url,
        json_body=404,
        valid=lambda site: {
            "kode": site["answered"].tracking_code,
            "action": "appeal",
            "appeal-message": "Jawabannya belum menyelesaikan masalah.",
        },
        stored=lambda: ReportEvent.objects.count(),
        context=citizen_action_form("appeal"),
        prefix="appeal",
        text=["message"],
        required_text=["message"],
        required=["message"],
        accepts_markup=False,
    ),
    "citizen-rating": Form(
        url=tracking_url,
        json_body=404,
        valid=lambda site: {
            "kode": site["answered"].tracking_code,
            "action": "rate",
            "rate-rating": "4",
            "rate-comment": "",
        },
        stored=lambda: ReportEvent.objects.count(),
        context=citizen_action_form("rate"),
        prefix="rate",
        text=["comment"],
        choices=["rating"],
        numbers=["rating"],
        required=["rating"],
        accepts_markup=False,
    ),
    "event-registration": Form(
        url=lambda site: site["event"].subpage_url("register"),
        json_body=200,
        valid=lambda site: {
            "name": "Rina Wati",
            "affiliation": "SMAN 1 Banjarbaru",
            "phone": "081234567890",
            "email": "rina@example.org",
            "under_18": "no",
            "consent": "on",
            "website": "",
        },
        stored=lambda: Registration.objects.count(),
        text=["name", "affiliation", "accessibility_needs"],
        required_text=["name"],
        choices=["under_18"],
        dates=["date_of_birth"],
        emails=["email"],
        phones=["phone"],
        required=["name", "under_18", "consent"],
    ),
    "school-request": Form(
        url=lambda site: site["school"].subpage_url("school_request"),
        json_body=200,
        valid=lambda site: {
            "school_name": "SMPN 9 Banjarbaru",
            "npsn": "30300999",
            "level": "smp",
            "kecamatan": "landasan-ulin",
            "address": "Jl. A. Yani km 30",
            "contact_name": "Ibu Rina",
            "contact_role": "Wakasek Kesiswaan",
            "phone": "081234567890",
            "email": "sekolah@example.org",
            "expected_students": "120",
            "grades": "7-9",
            "preferred_date_1": days_from_today(20),
            "preferred_date_2": days_from_today(21),
            "consent": "on",
            "website": "",
        },
        stored=lambda: SchoolSessionRequest.objects.count(),
        text=[
            "school_name",
            "address",
            "contact_name",
            "contact_role",
            "grades",
            "hall_size",
            "equipment",
            "accessibility_needs",
        ],
        required_text=["school_name", "contact_name", "address"],
        choices=["level", "kecamatan", "npsn"],
        dates=["preferred_date_1", "preferred_date_2", "preferred_date_3"],
        numbers=["expected_students"],
        emails=["email"],
        phones=["phone"],
        required=["school_name", "npsn", "level", "kecamatan", "phone", "email", "consent"],
    ),
    "ambassador-application": Form(
        url=lambda site: site["duta"].subpage_url("ambassador_apply"),
        json_body=200,
        valid=lambda site: {
            "name": "Dimas Pratama",
            "date_of_birth": "2005-03-04",
            "institution": "Universitas Lambung Mangkurat",
            "kecamatan": "banjarbaru-selatan",
            "phone": "081234567890",
            "email": "dimas@example.org",
            "motivation": "Ingin membantu warga melapor.",
            "consent": "on",
            "website": "",
        },
        stored=lambda: AmbassadorApplication.objects.count(),
        text=["name", "institution", "motivation", "activities", "social_media", "guardian_name"],
        required_text=["name", "motivation"],
        choices=["kecamatan"],
        dates=["date_of_birth"],
        emails=["email"],
        phones=["phone"],
        required=["name", "date_of_birth", "kecamatan", "phone", "email", "consent"],
    ),
    "ambassador-activity": Form(
        url=lambda site: f"/outreach/ambassador/{site['activity_token']}/activity/",
        json_body=200,
        accepted=200,
        valid=lambda site: {
            "date": days_from_today(-1),
            "title": "Sosialisasi di SMAN 1",
            "kecamatan": "cempaka",
            "sessions_held": "1",
            "people_reached": "40",
            "schools_reached": "1",
            "website": "",
        },
        stored=lambda: AmbassadorActivity.objects.count(),
        text=["title"],
        required_text=["title"],
        choices=["kecamatan"],
        dates=["date"],
        numbers=["sessions_held", "people_reached", "schools_reached"],
        required=["date", "title", "kecamatan", "people_reached"],
        file_field="photo",
    ),
    "assisted-reporting": Form(
        url=lambda site: site["difabel"].subpage_url("assisted_reporting"),
        json_body=200,
        valid=lambda site: {
            "name": "Pak Darto",
            "method": "phone",
            "phone": "081234567890",
            "kecamatan": "cempaka",
            "preferred_time": "Pagi hari kerja",
            "needs": "Saya tuna netra.",
            "consent": "on",
            "website": "",
        },
        stored=lambda: AssistedReportRequest.objects.count(),
        text=["name", "address", "preferred_time", "needs"],
        required_text=["name"],
        choices=["method", "kecamatan"],
        emails=["email"],
        phones=["phone"],
        required=["name", "method", "consent"],
    ),
    "answer-feedback": Form(
        url=lambda site: indonesian_reverse("search_answer_feedback", site["answer"].pk),
        valid=lambda site: {"helpful": "yes", "comment": ""},
        stored=lambda: AnswerFeedback.objects.count(),
        context="feedback_form",
        text=["comment"],
        choices=["helpful"],
        required=["helpful"],
    ),
}


def _cases():
    """(form, field, label, value, expect) for every hostile value that applies."""
    for name, spec in FORMS.items():
        for fld in spec.text:
            yield name, fld, "nul", NUL, "refuse"
            yield name, fld, "100kb", OVERSIZED, "refuse"
            for n, value in enumerate(MARKUP):
                yield name, fld, f"markup{n}", value, "accept" if spec.accepts_markup else "refuse"
        for fld in spec.required_text:
            yield name, fld, "invisible-only", INVISIBLE_ONLY, "refuse"
        if spec.text:
            for n, value in enumerate(FORMULAS):
                yield name, spec.text[0], f"formula{n}", value, "accept"
        for fld in spec.choices:
            for n, value in enumerate(BAD_CHOICES):
                yield name, fld, f"bad-choice{n}", value, "refuse"
        for fld in spec.dates:
            for n, value in enumerate(BAD_DATES):
                yield name, fld, f"bad-date{n}", value, "refuse"
        for fld in spec.numbers:
            for n, value in enumerate(BAD_NUMBERS):
                yield name, fld, f"bad-number{n}", value, "refuse"
        for fld in spec.emails:
            for n, value in enumerate(BAD_EMAILS):
                yield name, fld, f"bad-email{n}", value, "refuse"
        for fld in spec.phones:
            for n, value in enumerate(BAD_PHONES):
                yield name, fld, f"bad-phone{n}", value, "refuse"
        for fld in spec.required:
            yield name, fld, "missing", None, "refuse"


CASES = list(_cases())


def _post(client, spec, site, data, files=None):
    url = spec.url(site)
    payload = {**data, **(files or {})}
    with translation.override("id"):
        return client.post(url, payload, HTTP_ACCEPT_LANGUAGE="id")


def _field_errors(response, spec, fld):
    form = (
        spec.context(response.context) if callable(spec.context) else response.context[spec.context]
    )
    return form.errors.get(fld, [])


# --- the cases -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("form_name", "fld", "label", "value", "expect"),
    CASES,
    ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES],
)
def test_hostile_field_value(client, site, form_name, fld, label, value, expect):
    spec = FORMS[form_name]
    key = f"{spec.prefix}-{fld}" if spec.prefix else fld
    data = spec.valid(site)
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    before = spec.stored()
    response = _post(client, spec, site, data)
    assert response.status_code < 500
    html = response.content.decode()
    if expect == "refuse":
        assert response.status_code == 400, response.status_code
        errors = _field_errors(response, spec, fld)
        assert errors, f"no error on {fld}"
        for message in errors:
            assert_indonesian(message)
            assert escape(message) in html
        assert spec.stored() == before
    else:
        assert response.status_code == spec.accepted, response.status_code
        assert spec.stored() == before + 1
    assert "<script>alert(1)" not in html and "onerror=alert(1)>" not in html


@pytest.mark.parametrize("form_name", list(FORMS))
def test_the_valid_submission_is_accepted(client, site, form_name):
    """The corpus proves something only if each form accepts its valid submission."""
    spec = FORMS[form_name]
    before = spec.stored()
    response = _post(client, spec, site, spec.valid(site))
    assert response.status_code == spec.accepted
    assert spec.stored() == before + 1


FILE_FORMS = [name for name, spec in FORMS.items() if spec.file_field]


@pytest.mark.parametrize("bomb", FILE_BOMBS, ids=list(FILE_BOMBS))
@pytest.mark.parametrize("form_name", FILE_FORMS)
def test_hostile_file(client, site, form_name, bomb):
    spec = FORMS[form_name]
    upload = SimpleUploadedFile("foto.jpg", FILE_BOMBS[bomb](), content_type="image/jpeg")
    before = spec.stored()
    response = _post(client, spec, site, spec.valid(site), {spec.file_field: upload})
    assert response.status_code == 400
    errors = _field_errors(response, spec, spec.file_field)
    assert errors
    for message in errors:
        assert_indonesian(message)
    assert spec.stored() == before
    assert not any(Path(django_settings.MEDIA_ROOT).rglob("*.*"))
    assert not any(Path(django_settings.PRIVATE_MEDIA_ROOT).rglob("*.*"))


@pytest.mark.parametrize("form_name", list(FORMS))
def test_a_json_body_instead_of_a_form_stores_nothing(client, site, form_name):
    """Wrong content type: the form sees no fields and stores nothing (outreach forms
    show the empty form again, the others refuse)."""
    spec = FORMS[form_name]
    before = spec.stored()
    response = client.post(
        spec.url(site), json.dumps(spec.valid(site)), content_type="application/json"
    )
    assert response.status_code == spec.json_body
    assert spec.stored() == before


@pytest.mark.parametrize("form_name", list(FORMS))
def test_a_repeated_field_is_harmless(client, site, form_name):
    """A field sent twice (a list where one value is expected): the last one counts."""
    spec = FORMS[form_name]
    data = spec.valid(site)
    first_text = next(iter(spec.text), None) or next(iter(spec.choices))
    key = f"{spec.prefix}-{first_text}" if spec.prefix else first_text
    data[key] = ["<script>alert(1)</script>", data.get(key, "Teks biasa") or "Teks biasa"]
    before = spec.stored()
    response = _post(client, spec, site, data)
    assert response.status_code == spec.accepted
    assert spec.stored() == before + 1


def test_corpus_size_is_reported(request):
    """Prints how many hostile inputs this module sends: every parametrized case but the
    valid submissions."""
    hostile = [
        item
        for item in request.session.items
        if item.path == request.node.path
        and "[" in item.name
        and not item.name.startswith("test_the_valid_submission")
    ]
    print(f"\nbad-input corpus: {len(hostile)} hostile inputs in this module")  # noqa: T201
    if len(hostile) == len([i for i in request.session.items if "[" in i.name]):
        # The whole module ran: every group of cases is there.
        assert len(hostile) == (len(CASES) + len(FILE_FORMS) * len(FILE_BOMBS) + 2 * len(FORMS))
