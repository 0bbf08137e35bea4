"""Bad input: every field gets hostile values; each gets a clear error and stores nothing
(or, for ordinary text that merely looks like SQL, is stored verbatim and harmlessly)."""

from django.test import Client

import pytest

from complaint_forms.models import Report

from .text import t

pytestmark = pytest.mark.django_db
SUBMIT = "/id/laporan/kirim/"

FREE_TEXT = ["title", "description", "location_detail", "reporter_name", "accessibility_needs"]
CONSTRAINED = [
    "kind",
    "category",
    "incident_date",
    "kecamatan",
    "kelurahan",
    "privacy",
    "reporter_email",
    "reporter_phone",
    "contact_channel",
    "idempotency_key",
]
XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "<!-- x -->",
]
SQL = ["'; DROP TABLE complaint_forms_report; --", "1' OR '1'='1", '" OR 1=1 --']


def _post(client, data):
    response = client.post(SUBMIT, data)
    return response, response.content.decode()


@pytest.mark.parametrize("field", FREE_TEXT + CONSTRAINED)
@pytest.mark.parametrize("payload", XSS)
def test_markup_in_any_field_is_refused(client, report_page, valid_post, field, payload):
    response, html = _post(client, valid_post(**{field: payload}))
    assert response.status_code == 400
    assert Report.objects.count() == 0
    assert "<script>alert(1)" not in html and "<svg/onload" not in html  # echoed escaped
    assert t("Your report has not been sent yet") in html


@pytest.mark.parametrize("field", FREE_TEXT)
@pytest.mark.parametrize("payload", SQL)
def test_sql_looking_text_is_plain_text(client, report_page, valid_post, field, payload):
    """Names like O'Neil or "Jum'at" must work: quotes are data, queries are parameterised."""
    response, _html = _post(client, valid_post(**{field: payload}))
    assert response.status_code == 302
    assert getattr(Report.objects.get(), field) == payload


@pytest.mark.parametrize("field", CONSTRAINED)
@pytest.mark.parametrize("payload", SQL)
def test_sql_in_constrained_fields_is_refused(client, report_page, valid_post, field, payload):
    response, _html = _post(client, valid_post(**{field: payload}))
    assert response.status_code == 400
    assert Report.objects.count() == 0


@pytest.mark.parametrize("field", FREE_TEXT)
def test_nul_bytes_are_refused(client, report_page, valid_post, field):
    response, html = _post(client, valid_post(**{field: "abc\x00def"}))
    assert response.status_code == 400
    assert f"id_{field}_error" in html
    assert Report.objects.count() == 0


@pytest.mark.parametrize("field", FREE_TEXT)
def test_100_kb_text_is_refused(client, report_page, valid_post, field):
    response, html = _post(client, valid_post(**{field: "a" * 100_000}))
    assert response.status_code == 400
    assert f"id_{field}_error" in html
    assert Report.objects.count() == 0


@pytest.mark.parametrize("field", FREE_TEXT)
def test_right_to_left_override_is_refused(client, report_page, valid_post, field):
    response, html = _post(client, valid_post(**{field: "invoice\u202efdp.exe"}))
    assert response.status_code == 400
    assert t("Remove the invisible text-direction characters from this field.") in html
    assert Report.objects.count() == 0


def test_missing_consent_is_refused(client, report_page, valid_post):
    data = valid_post()
    del data["consent"]
    response, html = _post(client, data)
    assert response.status_code == 400
    assert t("Please agree to the privacy notice to send.") in html
    assert Report.objects.count() == 0


def test_kelurahan_must_belong_to_the_kecamatan(client, report_page, valid_post):
    response, _ = _post(client, valid_post(kecamatan="cempaka", kelurahan="Komet"))
    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_errors_are_linked_to_their_fields(client, report_page, valid_post):
    _response, html = _post(client, valid_post(title=""))
    assert 'aria-invalid="true"' in html
    # The input names its help text and its error list, and the error list carries that id.
    assert 'aria-describedby="id_title_helptext id_title_error" id="id_title"' in html
    assert '<ul class="errorlist" id="id_title_error">' in html
    assert 'href="#id_title"' in html


def test_missing_csrf_token_is_refused(report_page, valid_post):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SUBMIT, valid_post())
    assert response.status_code == 403
    assert Report.objects.count() == 0


def test_forged_csrf_token_is_refused(report_page, valid_post):
    client = Client(enforce_csrf_checks=True)
    client.get(report_page.url)
    client.cookies["csrftoken"] = "a" * 32
    response = client.post(SUBMIT, {**valid_post(), "csrfmiddlewaretoken": "b" * 32})
    assert response.status_code == 403
    assert Report.objects.count() == 0


def test_real_csrf_token_passes(report_page, valid_post):
    client = Client(enforce_csrf_checks=True)
    html = client.get(report_page.url).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(SUBMIT, {**valid_post(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_tracking_reply_refuses_markup(client, report_page):
    from complaint_forms import workflow

    from .factories import ReportFactory, coordinator

    report = ReportFactory()
    workflow.request_info(report, coordinator(), "Alamat lengkap?")
    response = client.post(
        report_page.url + "lacak/",
        {"kode": report.tracking_code, "action": "reply", "reply-message": XSS[0]},
    )
    assert response.status_code == 400
    assert report.events.count() == 1


def test_stored_special_characters_are_escaped_on_the_tracking_page(client, report_page):
    from .factories import ReportFactory

    report = ReportFactory(title='Tom & "Jerry" < 5')
    html = client.get(report_page.url + "lacak/", {"kode": report.tracking_code})
    assert "Tom &amp; &quot;Jerry&quot; &lt; 5" in html.content.decode()
