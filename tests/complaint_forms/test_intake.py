"""Public submission: PRG, durability, idempotency, rate limit, honeypot, captcha, mail."""

import uuid
from unittest import mock
from urllib.error import URLError

from django.core import mail
from django.urls import reverse

import pytest
from django_recaptcha.client import RecaptchaResponse

from complaint_forms.models import Channel, Kind, Privacy, Report, Status

from .text import t

pytestmark = pytest.mark.django_db

SUBMIT = "/id/laporan/kirim/"
CAPTCHA_UNREACHABLE = (
    "We could not check that you are not a robot because the captcha service "
    "cannot be reached. Nothing was sent and what you typed is kept: please "
    "try again in a minute."
)


def test_report_page_renders_the_form_with_a_fresh_idempotency_key(client, report_page):
    response = client.get(report_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="idempotency_key"' in html
    assert 'enctype="multipart/form-data"' in html
    assert f'action="{SUBMIT}"' in html
    again = client.get(report_page.url).content.decode()
    key = html.split('name="idempotency_key" value="')[1][:36]
    assert key not in again


def test_submission_is_stored_then_redirected_to_the_confirmation(
    client, report_page, valid_post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, valid_post())
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/id/lapor/terkirim/{report.tracking_code}/"
    assert report.channel == Channel.WEB
    assert report.forward_due is not None
    assert report.status == Status.ASSIGNED  # routed to the category's default unit
    assert report.events.first().action == "submit"
    page = client.get(response["Location"])
    assert report.tracking_code in page.content.decode()
    citizen_mail = [m for m in mail.outbox if m.to == [report.reporter_email]]
    assert len(citizen_mail) == 1
    assert report.tracking_code in citizen_mail[0].body
    assert "Lampu jalan" not in citizen_mail[0].body  # mail carries no report content


def test_english_submission_redirects_to_the_english_confirmation(
    client, report_page, home_en, valid_post, locales
):
    report_page.copy_for_translation(locales["en"]).save_revision().publish()
    response = client.post("/en/reports/submit/", valid_post())
    report = Report.objects.get()
    assert report.language == "en"
    assert response["Location"].startswith("/en/")


def test_a_form_posting_the_old_indonesian_kind_stores_its_english_value(
    client, report_page, valid_post
):
    """A report form cached or saved before the kinds became English slugs posts
    `kind=konsultasi`: the report is stored as a consultation, not refused."""
    response = client.post(SUBMIT, valid_post(kind="konsultasi"))
    assert response.status_code == 302
    assert Report.objects.get().kind == Kind.CONSULTATION == "consultation"


def test_an_unknown_kind_is_refused(client, report_page, valid_post):
    response = client.post(SUBMIT, valid_post(kind="keluhan"))
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_retried_post_returns_the_same_report(client, report_page, valid_post):
    data = valid_post()
    first = client.post(SUBMIT, data)
    second = client.post(SUBMIT, data)
    assert Report.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_anonymous_report_stores_no_identity(client, report_page, valid_post):
    client.post(SUBMIT, valid_post(privacy="anonymous", contact_channel="email"))
    report = Report.objects.get()
    assert report.privacy == Privacy.ANONYMOUS
    assert (report.reporter_name, report.reporter_email, report.reporter_phone) == ("", "", "")


def test_gender_based_category_makes_a_public_report_confidential(
    client, report_page, valid_post, category
):
    category.is_gender_based = True
    category.save()
    client.post(SUBMIT, valid_post())
    assert Report.objects.get().privacy == Privacy.CONFIDENTIAL


def test_honeypot_filled_in_is_refused_and_nothing_stored(client, report_page, valid_post):
    response = client.post(SUBMIT, valid_post(website="http://spam.example"))
    assert response.status_code == 400
    assert Report.objects.count() == 0
    assert t("This form looks automated. Leave the last field empty.") in response.content.decode()


def test_rate_limit_per_client_ip(client, report_page, valid_post, settings):
    settings.COMPLAINT_SUBMIT_RATE = "2/m"
    for _ in range(2):
        assert client.post(SUBMIT, valid_post()).status_code == 302
    response = client.post(SUBMIT, valid_post(title="Judul dipertahankan"))
    assert response.status_code == 429
    assert "Judul dipertahankan" in response.content.decode()  # nothing typed is lost
    assert Report.objects.count() == 2
    # Another client (different address) is not affected.
    other = client.post(SUBMIT, valid_post(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_rate_limit_uses_the_trusted_proxy_header(client, report_page, valid_post, settings):
    settings.COMPLAINT_SUBMIT_RATE = "1/m"
    settings.TRUSTED_CLIENT_IP_HEADERS = ["HTTP_X_REAL_IP", "REMOTE_ADDR"]
    assert client.post(SUBMIT, valid_post(), HTTP_X_REAL_IP="203.0.113.1").status_code == 302
    assert client.post(SUBMIT, valid_post(), HTTP_X_REAL_IP="203.0.113.2").status_code == 302
    assert client.post(SUBMIT, valid_post(), HTTP_X_REAL_IP="203.0.113.1").status_code == 429


def test_get_on_the_submit_url_is_not_allowed(client, report_page):
    assert client.get(SUBMIT).status_code == 405


@pytest.fixture
def captcha_on(settings):
    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "public-key-for-tests"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key-for-tests"
    settings.RECAPTCHA_REQUIRED_SCORE = 0.5


def _captcha(valid=True, score=0.9, action="report"):
    return RecaptchaResponse(is_valid=valid, extra_data={"score": score}, action=action)


def test_captcha_passes_with_a_good_score(client, report_page, valid_post, captcha_on):
    with mock.patch("django_recaptcha.client.submit", return_value=_captcha()):
        response = client.post(SUBMIT, valid_post(captcha="token"))
    assert response.status_code == 302
    assert Report.objects.count() == 1


def test_captcha_low_score_is_refused(client, report_page, valid_post, captcha_on):
    with mock.patch("django_recaptcha.client.submit", return_value=_captcha(score=0.1)):
        response = client.post(SUBMIT, valid_post(captcha="token"))
    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_captcha_invalid_token_is_refused(client, report_page, valid_post, captcha_on):
    with mock.patch("django_recaptcha.client.submit", return_value=_captcha(valid=False)):
        response = client.post(SUBMIT, valid_post(captcha="token"))
    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_missing_captcha_is_refused(client, report_page, valid_post, captcha_on):
    response = client.post(SUBMIT, valid_post())
    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_google_unreachable_gives_a_clear_message_and_keeps_the_input(
    client, report_page, valid_post, captcha_on
):
    error = URLError("Name or service not known")
    with mock.patch("django_recaptcha.client.submit", side_effect=error):
        response = client.post(SUBMIT, valid_post(captcha="token", title="Saluran tersumbat"))
    assert response.status_code == 400
    html = response.content.decode()
    assert t(CAPTCHA_UNREACHABLE) in html
    assert 'value="Saluran tersumbat"' in html
    assert Report.objects.count() == 0


def test_google_timeout_is_not_a_server_error(client, report_page, valid_post, captcha_on):
    with mock.patch("django_recaptcha.client.submit", side_effect=TimeoutError()):
        response = client.post(SUBMIT, valid_post(captcha="token"))
    assert response.status_code == 400


def test_retry_after_success_does_not_need_a_new_captcha(
    client, report_page, valid_post, captcha_on
):
    """A double-click sends the same (now used) captcha token twice: the second POST must
    still land on the same report, not on a captcha error."""
    data = valid_post(captcha="token")
    with mock.patch("django_recaptcha.client.submit", return_value=_captcha()):
        first = client.post(SUBMIT, data)
    with mock.patch("django_recaptcha.client.submit", return_value=_captcha(valid=False)):
        second = client.post(SUBMIT, data)
    assert first["Location"] == second["Location"]
    assert Report.objects.count() == 1


def test_submit_url_name_resolves_per_language():
    assert reverse("complaint_forms:submit") == SUBMIT


def test_idempotency_key_is_required(client, report_page, valid_post):
    data = valid_post()
    del data["idempotency_key"]
    assert client.post(SUBMIT, data).status_code == 400
    assert client.post(SUBMIT, valid_post(idempotency_key="not-a-uuid")).status_code == 400
    assert Report.objects.count() == 0
    assert client.post(SUBMIT, valid_post(idempotency_key=str(uuid.uuid4()))).status_code == 302


def test_captcha_widget_has_no_inline_script(client, report_page, captcha_on):
    html = client.get(report_page.url).content.decode()
    assert "data-recaptcha-v3" in html
    assert 'data-sitekey="public-key-for-tests"' in html
    assert "<script>" not in html  # the CSP forbids inline scripts
    assert "complaint_forms/js/recaptcha-v3.js" in html
