"""Every free-text field of every public form is bounded and refuses invisible-only text."""

from django import forms

import pytest

from complaint_forms.forms import AppealForm, LookupForm, RatingForm, ReplyForm, ReportForm
from outreach.forms import (
    ActivityForm,
    AmbassadorApplicationForm,
    AssistedReportForm,
    EventFilterForm,
    RegistrationForm,
    SchoolRequestForm,
    VerifyForm,
)
from outreach.models import Registration, SchoolSessionRequest
from search.forms import AnswerFeedbackForm, SearchForm

from .test_school_requests import form_url, request_data

pytestmark = pytest.mark.django_db

PUBLIC_FORMS = [
    lambda: ReportForm(),
    LookupForm,
    ReplyForm,
    AppealForm,
    RatingForm,
    RegistrationForm,
    SchoolRequestForm,
    lambda: AmbassadorApplicationForm(program=None),
    ActivityForm,
    AssistedReportForm,
    lambda: EventFilterForm(programs=[]),
    VerifyForm,
    AnswerFeedbackForm,
    SearchForm,
]


@pytest.mark.parametrize("build", PUBLIC_FORMS)
def test_every_text_field_of_every_public_form_has_a_length_limit(build, locales):
    form = build()
    for name, field in form.fields.items():
        if isinstance(field, forms.CharField) and not isinstance(field, forms.UUIDField):
            assert field.max_length, f"{type(form).__name__}.{name} takes any length"
            assert field.max_length <= 5000


@pytest.mark.parametrize("field", ["equipment", "accessibility_needs", "hall_size", "address"])
def test_a_100_kb_school_request_field_is_refused_with_a_clear_error(client, school_program, field):
    response = client.post(form_url(school_program), request_data(**{field: "a" * 100_000}))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert "Pastikan nilai ini mengandung paling banyak" in html  # Django's Indonesian message
    assert not SchoolSessionRequest.objects.exists()


@pytest.mark.parametrize("field", ["school_name", "contact_name"])
def test_a_school_request_with_invisible_only_text_is_refused(client, school_program, field):
    response = client.post(form_url(school_program), request_data(**{field: "\u200b\u200b"}))
    assert response.status_code == 400
    assert "hanya berisi spasi atau karakter tak terlihat" in response.content.decode()
    assert not SchoolSessionRequest.objects.exists()


def test_a_registrant_named_with_zero_width_spaces_is_refused(client, event):
    response = client.post(
        event.url + event.reverse_subpage("register"),
        {"name": "\u200b\ufeff", "email": "x@example.org", "under_18": "no", "consent": "on"},
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()
