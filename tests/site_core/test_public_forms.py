"""site_core.forms: the honeypot, the text checks and the phone-or-email rule every public
form shares, and the accessibility wiring Django 5.2 gives their fields."""

import re

from django import forms
from django.template.loader import render_to_string
from django.utils import translation

import pytest

from site_core.forms import HoneypotField, PublicFormMixin, require_phone_or_email
from site_core.models import OutgoingMail


class ContactForm(PublicFormMixin):
    name = forms.CharField(label="Name", help_text="As on your identity card.")
    phone = forms.CharField(label="Phone", required=False)
    email = forms.EmailField(label="Email", required=False)
    age = forms.ChoiceField(
        label="Age",
        choices=[("adult", "18 or older"), ("child", "Under 18")],
        widget=forms.RadioSelect,
        help_text="Under 18s need a guardian.",
    )
    note = forms.CharField(label="Note", required=False)

    def clean(self):
        cleaned = super().clean()
        require_phone_or_email(self)
        return cleaned


VALID = {"name": "Sari", "phone": "0812 3456 7890", "email": "", "age": "adult", "website": ""}


def test_a_person_who_leaves_the_honeypot_empty_gets_through():
    form = ContactForm(VALID)
    assert list(form.fields)[-1] == "website"  # "leave the last field empty"
    assert form.is_valid(), form.errors
    assert form.cleaned_data["website"] == ""


def test_a_bot_that_fills_in_the_honeypot_is_refused():
    form = ContactForm({**VALID, "website": "http://spam.example"})
    with translation.override("en"):
        assert not form.is_valid()
        assert [error.code for error in form.errors.as_data()["website"]] == ["honeypot"]
        assert form.errors["website"] == ["This form looks automated. Leave the last field empty."]


def test_the_honeypot_is_out_of_the_tab_order_and_not_autofilled():
    html = str(ContactForm()["website"])
    assert 'tabindex="-1"' in html
    assert 'autocomplete="off"' in html


def test_the_honeypot_message_is_in_indonesian_first():
    with translation.override("id"):
        form = ContactForm({**VALID, "website": "x"})
        form.is_valid()
        assert form.errors["website"] == [
            "Formulir ini terdeteksi sebagai isian otomatis. Kosongkan isian terakhir."
        ]


def test_phone_or_email_at_least_one():
    form = ContactForm({**VALID, "phone": "", "email": ""})
    with translation.override("id"):
        assert not form.is_valid()
        assert form.errors["phone"] == ["Masukkan nomor telepon atau alamat surel."]
    assert ContactForm({**VALID, "phone": "", "email": "sari@example.org"}).is_valid()


def test_phone_or_email_leaves_a_phone_fields_own_error_alone():
    class StrictPhoneForm(ContactForm):
        def clean_phone(self):
            raise forms.ValidationError("Not a phone number.")

    form = StrictPhoneForm({**VALID, "phone": "abc", "email": ""})
    assert not form.is_valid()
    assert form.errors["phone"] == ["Not a phone number."]


def test_text_fields_refuse_invisible_only_text_and_are_capped():
    form = ContactForm({**VALID, "name": "\u200b\u200b"})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["name"]] == ["invisible_only"]
    assert form.fields["note"].max_length == 2000
    assert 'maxlength="2000"' in str(form["note"])


@pytest.mark.django_db
def test_a_model_form_takes_the_mixin_too():
    class MailForm(PublicFormMixin, forms.ModelForm):
        class Meta:
            model = OutgoingMail
            fields = ["subject"]

    assert list(MailForm().fields) == ["subject", "website"]
    assert not MailForm({"subject": "Hi", "website": "spam"}).is_valid()
    assert MailForm({"subject": "Hi", "website": ""}).is_valid()


def test_the_honeypot_field_can_stand_alone_in_any_form():
    class Plain(forms.Form):
        website = HoneypotField()

    assert Plain({"website": ""}).is_valid()
    assert not Plain({"website": "x"}).is_valid()


def ids_in(html):
    return set(re.findall(r'\sid="([^"]+)"', html))


def test_an_invalid_field_is_marked_and_described_by_its_help_and_error():
    """Django's BoundField wiring, rendered through the shared field template, names
    elements that exist: the help text and the error message."""
    form = ContactForm({**VALID, "name": ""})
    assert not form.is_valid()
    html = render_to_string("components/forms/field.html", {"field": form["name"]})
    [name_input] = re.findall(r"<input[^>]*>", html)
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="id_name_helptext id_name_error"' in name_input
    assert {"id_name_helptext", "id_name_error"} <= ids_in(html)


def test_a_valid_field_is_described_by_its_help_only_and_not_marked_invalid():
    form = ContactForm({**VALID})
    assert form.is_valid()
    html = render_to_string("components/forms/field.html", {"field": form["name"]})
    [name_input] = re.findall(r"<input[^>]*>", html)
    assert "aria-invalid" not in name_input
    assert 'aria-describedby="id_name_helptext"' in name_input


def test_a_radio_group_is_described_on_its_fieldset_and_each_choice_marked_invalid():
    form = ContactForm({**VALID, "age": ""})
    assert not form.is_valid()
    html = render_to_string("components/forms/field.html", {"field": form["age"]})
    assert '<fieldset aria-describedby="id_age_helptext id_age_error">' in html
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert len(radios) == 2
    assert all('aria-invalid="true"' in radio for radio in radios)
    assert {"id_age_helptext", "id_age_error"} <= ids_in(html)


def test_the_honeypot_include_hides_it_from_screen_readers():
    html = render_to_string("components/forms/honeypot.html", {"form": ContactForm()})
    assert html.strip().startswith('<div class="honeypot" aria-hidden="true">')
    assert 'name="website"' in html
